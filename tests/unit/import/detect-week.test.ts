import { describe, expect, it } from "vitest";
import { detectWeek, weekInText } from "../../../src/lib/import/detect-week.ts";

describe("the week of the first date in a text", () => {
  it.each([
    ["ISO week", "# 2024-W17", "2024-W17"],
    ["ISO week without hyphen, lower w", "周报 2024w7", "2024-W07"],
    ["ISO date", "2024-04-18 周报", "2024-W16"],
    ["a Saturday, as the seed's 2024-04-20 export of 2024-W17: the next week", "2024-04-20", "2024-W17"],
    ["slashed date", "# 2020/03/09 周报", "2020-W11"],
    ["dotted date", "2024.04.22", "2024-W17"],
    ["Chinese date", "2025年1月1日 周报", "2025-W01"],
    ["Chinese date with spaces", "# 2025 年 1 月 1 日", "2025-W01"],
    ["two-digit date", "Week 2 工作报告 24/03/11", "2024-W11"],
    ["two-digit range: its start", "# Month 9 Week 2 工作报告 24/03/11-24/03/18", "2024-W11"],
    ["range whose start is a Saturday: the next week", "23/10/07-23/10/08", "2023-W41"],
    ["Sunday start: the next week", "2023/08/06", "2023-W32"],
    ["range with a stale end year: the start's later year", "26/01/05-25/01/09", "2026-W02"],
    ["range with a stale start year: the end's later year", "24/01/06-25/01/10", "2025-W02"],
    ["a real range across New Year keeps its start", "24/12/30-25/01/03", "2025-W01"],
    ["file name with a date", "2024-04-19-report.md", "2024-W16"],
    ["the first date wins", "2024-04-22 回顾 2024-W10", "2024-W17"],
  ])("%s: %s → %s", (_name, text, week) => {
    expect(weekInText(text)?.week).toBe(week);
  });

  it.each([
    ["no date", "# Week 0 工作报告"],
    ["an impossible day", "2024-02-30"],
    ["a version number", "ruyi 0.47.0-beta.20260316"],
    ["a fraction", "进度 3/4"],
  ])("finds none in %s", (_name, text) => {
    expect(weekInText(text)).toBeUndefined();
  });

  it("says which rule it used", () => {
    expect(weekInText("23/10/07-23/10/08")?.rule).toContain("周末");
    expect(weekInText("26/01/05-25/01/09")?.rule).toContain("2026");
  });
});

describe("where the week is looked for", () => {
  it("frontmatter week, then date, then title, Created and file name", () => {
    const all = { frontmatter: { week: "2024-W01", date: "2024-02-01" }, title: "2024-03-01", created: "2024年4月1日", fileName: "2024-05-01.md" };
    expect(detectWeek(all)).toMatchObject({ week: "2024-W01", source: "frontmatter" });
    expect(detectWeek({ ...all, frontmatter: { date: new Date("2024-02-01") } })).toMatchObject({ week: "2024-W05", source: "frontmatter" });
    expect(detectWeek({ ...all, frontmatter: {} })).toMatchObject({ week: "2024-W09", source: "title" });
    expect(detectWeek({ ...all, frontmatter: {}, title: "周报" })).toMatchObject({ week: "2024-W14", source: "created" });
    expect(detectWeek({ fileName: "2024-05-01-周报.md", title: "周报" })).toMatchObject({ week: "2024-W18", source: "file-name" });
    expect(detectWeek({ title: "周报", fileName: "Week3.md" })).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { buildInsights } from "../../../src/lib/insights/insights.ts";
import { BOM, csvField, reviewCsv, toCsv } from "../../../src/lib/insights/review-csv.ts";
import { managerText } from "../../../src/i18n/manager.ts";
import { metricRegistry, projectRegistry, week } from "./helpers.ts";

/** A small RFC 4180 reader for the test: the truth the writer must round-trip to. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(field), (field = ""));
    else if (c === "\r" && text[i + 1] === "\n") (row.push(field), rows.push(row), (row = []), (field = ""), i++);
    else field += c;
  }
  return rows;
}

describe("csvField", () => {
  it("quotes a value with a comma, a quote and a line break, doubling the quote", () => {
    expect(csvField('甲,乙"丙\n丁')).toBe('"甲,乙""丙\n丁"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(undefined)).toBe("");
    expect(csvField(99.5)).toBe("99.5");
  });
  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("x")', { text: true })).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("-1", { text: false })).toBe("-1");
  });
  it("round-trips through an RFC 4180 reader, with a BOM and CRLF line ends", () => {
    const csv = toCsv(["名称", "值"], [[csvField('逗号, "引号"\n换行'), csvField(1)]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(readCsv(csv.slice(1))).toEqual([
      ["名称", "值"],
      ['逗号, "引号"\n换行', "1"],
    ]);
  });
});

describe("reviewCsv", () => {
  const weeks = [
    week("2024-W13", "- 【贝易转】\n    1. 整体进度60%\n\n## 系统运行数据\n\n- 入金有效成功率：99.98%\n"),
    week("2024-W14", '- 【贝易转】\n    1. 整体进度70%\n- 【新项目,"甲"】\n    1. 进度10%\n\n## 系统运行数据\n\n- 入金有效成功率：99.995%\n'),
    week("2024-W15", "- 【贝易转】\n    1. 联调中\n"),
  ];
  const archive = buildArchive(weeks, projectRegistry, { staleAfterWeeks: 4 });
  const insights = buildInsights(archive, { metricRegistry });
  const csv = reviewCsv({
    archive,
    metrics: insights.metrics,
    weeks: new Set(["2024-W14", "2024-W15"]),
    weekUrl: (s, a) => `https://x.test/weeks/${s}/#${a}`,
    labels: managerText.csv,
  });
  const rows = readCsv(csv.slice(1));

  it("starts with the header row", () => {
    expect(rows[0]).toEqual([...managerText.csv.header]);
  });
  it("has one row per registered metric per week of the period, value empty where not reported", () => {
    const metricRows = rows.filter((r) => r[0] === "指标");
    expect(metricRows).toHaveLength(metricRegistry.length * 2);
    const deposit = metricRows.filter((r) => r[3] === "deposit-success-rate");
    expect(deposit.map((r) => [r[1], r[2], r[5], r[8]])).toEqual([
      ["2024-W14", "2024-04-04", "99.995", "达标"],
      ["2024-W15", "2024-04-11", "", ""],
    ]);
    expect(rows.some((r) => r[1] === "2024-W13")).toBe(false);
  });
  it("has a progress row per project mention with a figure, names with comma and quote intact", () => {
    const progress = rows.filter((r) => r[0] === "项目进度");
    expect(progress.map((r) => [r[1], r[4], r[5]])).toEqual([
      ["2024-W14", "贝易转（C转）", "70"],
      ["2024-W14", '新项目,"甲"', "10"],
    ]);
    expect(progress[0]![10]).toBe("https://x.test/weeks/2024-w14/#p-bei-yi-zhuan");
  });
  it("lists the period's weeks oldest first whatever order its ids come in, and skips ids with no week", () => {
    const again = reviewCsv({
      archive,
      metrics: insights.metrics,
      weeks: new Set(["2024-W15", "2030-W01", "2024-W14"]),
      weekUrl: (s, a) => `https://x.test/weeks/${s}/#${a}`,
      labels: managerText.csv,
    });
    expect(again).toBe(csv);
    // The same archive asked again for another period: its weeks, not the first period's.
    const w13 = readCsv(reviewCsv({ archive, metrics: insights.metrics, weeks: new Set(["2024-W13"]), weekUrl: (s) => s, labels: managerText.csv }).slice(1));
    expect(w13.filter((r) => r[3] === "deposit-success-rate").map((r) => [r[1], r[5]])).toEqual([["2024-W13", "99.98"]]);
  });
});

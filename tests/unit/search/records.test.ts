import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { sectionAt, toSearchRecord } from "../../../src/lib/search/records.ts";

const seed = parseWeekSource(readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8"), { file: "2024-W17.mdx" });
const rec = toSearchRecord(seed, { url: "/weeks/2024-w17/", dates: "", projectName: (_s, n) => n, objectiveTitle: (_i, t) => t, untitledSection: "概述" });

describe("toSearchRecord", () => {
  it("keeps the report text exactly as the page shows it", () => {
    expect(rec.text).toBe(seed.text);
  });

  it("finds where every section starts, in order", () => {
    expect(rec.sections.map((s) => s.anchor)).toEqual([
      "projects",
      "p-bei-yi-zhuan",
      "p-54321-ji-shu-zhan-lve-luo-di",
      "p-ai-chuang-xin-yu-duo-zhan",
      "p-ju-he-zhi-fu-xian-dai-jin-kong",
      "o1",
      "o2",
      "o3",
      "o4",
      "metrics",
      "incidents",
      "other",
      "reflections",
      "plans",
    ]);
    const starts = rec.sections.map((s) => s.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const s of seed.sections)
      expect(rec.text.slice(rec.sections.find((r) => r.anchor === s.anchor)!.start)).toMatch(
        new RegExp(`^${s.text.slice(0, 5).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      );
  });

  it("maps an offset to the section holding it", () => {
    expect(sectionAt(rec.sections, rec.text.indexOf("OOM"))?.anchor).toBe("incidents");
    expect(sectionAt(rec.sections, 0)).toBeUndefined();
  });

  it("carries objective, project and year filters", () => {
    expect(rec.filters.year).toEqual(["2024"]);
    expect(rec.filters.objective).toContain("O1 业务服务");
    expect(rec.filters.project).toContain("贝易转（C转）");
  });
});

import { describe, expect, it } from "vitest";
import { groupWeeksByPeriod, parsePeriodId, periodsOfWeek, thursdayOf } from "../../../src/lib/insights/periods.ts";
import { parseWeekId } from "../../../src/lib/week-id.ts";

describe("periods by ISO week's Thursday", () => {
  it.each([
    // 2024-W01 starts Monday 2024-01-01; its Thursday is 4 January.
    ["2024-W01", "2024-01-04", ["2024-q1", "2024-h1", "2024"]],
    // 2024-W13: Monday 25 March, Thursday 28 March → still Q1 although the week ends on 31 March.
    ["2024-W13", "2024-03-28", ["2024-q1", "2024-h1", "2024"]],
    ["2024-W14", "2024-04-04", ["2024-q2", "2024-h1", "2024"]],
    // 2024-W26: Thursday 27 June → H1; W27 Thursday 4 July → Q3/H2.
    ["2024-W26", "2024-06-27", ["2024-q2", "2024-h1", "2024"]],
    ["2024-W27", "2024-07-04", ["2024-q3", "2024-h2", "2024"]],
    // 2020-W53 runs 28 Dec 2020 – 3 Jan 2021; Thursday 31 Dec 2020 → 2020-Q4.
    ["2020-W53", "2020-12-31", ["2020-q4", "2020-h2", "2020"]],
    // 2026-W01 starts Monday 29 Dec 2025; Thursday 1 Jan 2026 → 2026-Q1.
    ["2026-W01", "2026-01-01", ["2026-q1", "2026-h1", "2026"]],
  ])("%s (Thursday %s) is in %j", (week, thursday, ids) => {
    expect(thursdayOf(parseWeekId(week))).toBe(thursday);
    expect(periodsOfWeek(parseWeekId(week)).map((p) => p.id)).toEqual(ids);
  });

  it("parses period ids and rejects anything else", () => {
    expect(parsePeriodId("2024-q2")).toEqual({ id: "2024-q2", kind: "quarter", year: 2024, index: 2 });
    expect(parsePeriodId("2024-h1")).toEqual({ id: "2024-h1", kind: "half", year: 2024, index: 1 });
    expect(parsePeriodId("2024")).toEqual({ id: "2024", kind: "year", year: 2024, index: 1 });
    for (const bad of ["2024-q5", "2024-h3", "24-q1", "2024-Q1x", "../2024", ""]) expect(parsePeriodId(bad)).toBeUndefined();
  });

  it("groups weeks into every period that has one, newest year first, year before halves before quarters", () => {
    const groups = groupWeeksByPeriod(["2024-W14", "2023-W52", "2024-W01", "2024-W13"].map((w) => ({ week: parseWeekId(w) })));
    expect(groups.map((g) => [g.period.id, g.weeks.map((w) => w.week)])).toEqual([
      ["2024", ["2024-W01", "2024-W13", "2024-W14"]],
      ["2024-h1", ["2024-W01", "2024-W13", "2024-W14"]],
      ["2024-q2", ["2024-W14"]],
      ["2024-q1", ["2024-W01", "2024-W13"]],
      ["2023", ["2023-W52"]],
      ["2023-h2", ["2023-W52"]],
      ["2023-q4", ["2023-W52"]],
    ]);
  });
});

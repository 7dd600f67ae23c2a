import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { buildInsights } from "../../../src/lib/insights/insights.ts";
import { listPeriods } from "../../../src/lib/insights/period-review.ts";
import { keptCount } from "../../../src/lib/insights/plan-vs-done.ts";
import { reviewIndexRows } from "../../../src/lib/pages/review-pages.ts";
import { recentWeeks } from "../../../src/lib/pages/week-archive.ts";
import { emptyRegistry } from "../../../src/lib/registry.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";

const week = (label: string, body = "- 【存管路由】\n    1. 灰度中\n") =>
  parseWeekSource(`---\nweek: ${label}\n---\n\n${body}\n`, { file: `${label}.mdx`, registry: emptyRegistry });

describe("home page recent weeks", () => {
  const archive = buildArchive(
    ["2024-W01", "2024-W02", "2024-W03", "2024-W05"].map((w) => week(w)),
    emptyRegistry,
    { staleAfterWeeks: 4 },
  );
  it.each<[number, string[]]>([
    [2, ["2024-W03", "2024-W02"]],
    [10, ["2024-W03", "2024-W02", "2024-W01"]],
    [0, []],
  ])("lists the %i weeks before the newest, newest first", (count, expected) => {
    expect(recentWeeks(archive.weeks, count).map((r) => r.week)).toEqual(expected);
  });
  it("has none with one week or none", () => {
    expect(recentWeeks(archive.weeks.slice(0, 1), 5)).toEqual([]);
    expect(recentWeeks([], 5)).toEqual([]);
  });
});

describe("/reviews/ table", () => {
  it("gives each year a row, newest first, with its periods of each kind in calendar order", () => {
    const archive = buildArchive(
      ["2023-W50", "2024-W02", "2024-W20", "2024-W40"].map((w) => week(w)),
      emptyRegistry,
      { staleAfterWeeks: 4 },
    );
    const rows = reviewIndexRows(listPeriods(archive));
    expect(
      rows.map((r) => [r.year, r.periods.year.map((p) => p.period.id), r.periods.half.map((p) => p.period.id), r.periods.quarter.map((p) => p.period.id)]),
    ).toEqual([
      [2024, ["2024"], ["2024-h1", "2024-h2"], ["2024-q1", "2024-q2", "2024-q4"]],
      [2023, ["2023"], ["2023-h2"], ["2023-q4"]],
    ]);
  });
});

describe("kept plans", () => {
  it("count ticked and moved-on plans, not open, unsure or unmentioned ones", () => {
    expect(keptCount([{ status: "done" }, { status: "addressed" }, { status: "open" }, { status: "unsure" }, { status: "not-mentioned" }])).toBe(2);
  });

  it("are counted once on the week's plan review, for the week page and the dashboard alike", () => {
    const archive = buildArchive(
      [week("2024-W01", "# 下周工作及目标\n\n1. 存管路由灰度\n2. 量子纠缠调研\n"), week("2024-W02", "- 【存管路由】\n    1. 存管路由灰度完成\n")],
      emptyRegistry,
      { staleAfterWeeks: 4 },
    );
    const plans = buildInsights(archive, { metricRegistry: [] }).weeks.get("2024-w02")!.plans!;
    expect(plans.done).toBe(keptCount(plans.reviews));
    expect([plans.reviews.length, plans.done]).toEqual([2, 1]);
  });
});

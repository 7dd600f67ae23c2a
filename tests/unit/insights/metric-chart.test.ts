import { describe, expect, it } from "vitest";
import { labelWidthPx, NARROW_MIN_PX, WIDE_MIN_PX, type TimeTick } from "../../../src/lib/charts/time-axis.ts";
import { metricChart } from "../../../src/lib/insights/metric-chart.ts";
import type { MetricPoint, MetricSeries } from "../../../src/lib/insights/metric-series.ts";
import { addWeeksToId, parseWeekId, type WeekId } from "../../../src/lib/week-id.ts";

const ids = (...labels: string[]): WeekId[] => labels.map(parseWeekId);

const point = (label: string, value: number, missed = false): MetricPoint => ({
  week: parseWeekId(label),
  weekSlug: label.toLowerCase(),
  value,
  raw: `${value}%`,
  source: "section",
  line: 1,
  missed,
  incidents: 0,
});

const series = (points: MetricPoint[], extra: Partial<MetricSeries> = {}): MetricSeries => ({
  id: "deposit-success-rate",
  label: "入金有效成功率",
  unit: "%",
  direction: "higher",
  target: 99.99,
  registered: true,
  points,
  decimals: 3,
  missedCount: points.filter((p) => p.missed).length,
  ...extra,
});

const run = (from: string, n: number) => Array.from({ length: n }, (_, i) => addWeeksToId(parseWeekId(from), i));

/** Every pair of neighbouring labels of one set clears the other at that set's narrowest plot. */
function overlaps(ticks: TimeTick[], set: "wide" | "narrow"): string[] {
  const min = set === "wide" ? WIDE_MIN_PX : NARROW_MIN_PX;
  const shown = ticks.filter((t) => t[set]);
  const bad: string[] = [];
  for (let i = 1; i < shown.length; i++) {
    const a = shown[i - 1]!;
    const b = shown[i]!;
    const gap = ((b.at - a.at) / 100) * min - (labelWidthPx(a.text) + labelWidthPx(b.text)) / 2;
    if (gap < 0) bad.push(`${a.text}/${b.text}`);
  }
  return bad;
}

describe("metric chart geometry", () => {
  const weeks = ids("2024-W14", "2024-W15", "2024-W16", "2024-W17");
  const chart = metricChart(series([point("2024-W14", 99.995), point("2024-W15", 99.98, true), point("2024-W17", 99.997)]), weeks, [
    { week: parseWeekId("2024-W16"), weekSlug: "2024-w16", count: 2, anchor: "incident-1" },
  ]);

  it("breaks the line where a week has no value and places the incident week between its neighbours", () => {
    expect(chart.path.match(/M/g)).toHaveLength(2);
    const xs = chart.points.map((p) => p.x);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(chart.incidents[0]!.x).toBeGreaterThan(xs[1]!);
    expect(chart.incidents[0]!.x).toBeLessThan(xs[2]!);
  });

  it("spaces weeks by time: a four-year gap is about 200 times as wide as one week", () => {
    const gap = metricChart(
      series([point("2020-W08", 99.99), point("2024-W16", 99.995), point("2024-W17", 99.997)]),
      ids("2020-W08", "2024-W16", "2024-W17"),
      [],
    );
    const [a, b, c] = gap.points.map((p) => p.x) as [number, number, number];
    expect((b - a) / (c - b)).toBeGreaterThan(150);
    // And no line across the four years: the 2020 reading stands alone.
    expect(gap.path.match(/M/g)).toHaveLength(2);
  });

  it("draws the target inside the plot, below-target points lower than it, and labels it with its configured value", () => {
    expect(chart.target!.y).toBeGreaterThan(chart.plot.top);
    expect(chart.target!.y).toBeLessThan(chart.plot.bottom);
    const missed = chart.points.find((p) => p.missed)!;
    expect(missed.y).toBeGreaterThan(chart.target!.y);
    const availability = metricChart(series([point("2024-W16", 100), point("2024-W17", 100)], { decimals: 2 }), weeks, []);
    expect(availability.target!.text).toBe("99.99%");
  });

  it("moves y labels out of the target label's way", () => {
    for (const c of [chart, metricChart(series([point("2024-W14", 99.9901), point("2024-W15", 99.9999)], { decimals: 4 }), weeks, [])]) {
      const px = (y: number) => (y / c.width) * NARROW_MIN_PX;
      for (const t of c.yTicks) expect(Math.abs(px(t.y) - px(c.target!.y)), t.text).toBeGreaterThanOrEqual(14);
    }
  });

  it("links incident markers one by one on a short archive, as one path on a long one", () => {
    expect(chart.linkIncidents).toBe(true);
    const many = run("2020-W01", 200);
    const long = metricChart(series([]), many, [{ week: many[3]!, weekSlug: "x", count: 1 }]);
    expect(long.linkIncidents).toBe(false);
    expect(long.incidentPath).toMatch(/^M[\d.]+ [\d.]+L/);
  });

  it("gives counts whole-number ticks from zero, the zero target labelled instead of its tick", () => {
    const counts = metricChart(series([point("2024-W14", 0), point("2024-W15", 2)], { unit: "次", decimals: 0, target: 0, direction: "lower" }), weeks, []);
    expect(counts.yTicks.map((t) => t.text)).toEqual(["1次", "2次"]);
    expect(counts.target!.text).toBe("0次");
  });

  it.each([1, 4, 13, 52, 61, 260, 520, 1040])("labels %s weeks with no two x labels overlapping, wide or narrow", (n) => {
    const weeksOf = run("2015-W10", n);
    const ticks = metricChart(series([]), weeksOf, []).xTicks;
    expect(ticks.filter((t) => t.wide).length).toBeGreaterThan(0);
    expect(ticks.filter((t) => t.narrow).length).toBeGreaterThan(0);
    expect(overlaps(ticks, "wide")).toEqual([]);
    expect(overlaps(ticks, "narrow")).toEqual([]);
    // No label hangs past the right edge, where the page ends.
    for (const [set, min] of [
      ["wide", WIDE_MIN_PX],
      ["narrow", NARROW_MIN_PX],
    ] as const)
      for (const t of ticks.filter((x) => x[set])) expect((t.at / 100) * min + labelWidthPx(t.text) / 2, t.text).toBeLessThanOrEqual(min + 1);
  });

  it("puts a week's label right under its reading", () => {
    const one = metricChart(series([point("2024-W17", 99.997)]), ids("2024-W17"), []);
    const tick = one.xTicks.find((t) => t.text === "2024-W17")!;
    expect(tick.at).toBeCloseTo((one.points[0]!.x / one.width) * 100, 1);
  });

  it("labels years on a ten-year archive and months on a one-year one", () => {
    expect(metricChart(series([]), run("2015-W10", 520), []).xTicks.every((t) => /^\d{4}$/.test(t.text))).toBe(true);
    expect(metricChart(series([]), run("2023-W10", 52), []).xTicks.every((t) => /^\d{4}-\d{2}$/.test(t.text))).toBe(true);
    expect(metricChart(series([]), run("2024-W10", 8), []).xTicks.every((t) => /^\d{4}-W\d{2}$/.test(t.text))).toBe(true);
  });
});

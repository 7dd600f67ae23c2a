import { describe, expect, it } from "vitest";
import { metricChart } from "../../../src/lib/insights/metric-chart.ts";
import type { MetricPoint, MetricSeries } from "../../../src/lib/insights/metric-series.ts";

const point = (week: string, value: number, missed = false): MetricPoint => ({
  week,
  weekSlug: week.toLowerCase(),
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

describe("metric chart geometry", () => {
  const weeks = ["2024-W14", "2024-W15", "2024-W16", "2024-W17"];
  const chart = metricChart(series([point("2024-W14", 99.995), point("2024-W15", 99.98, true), point("2024-W17", 99.997)]), weeks, [
    { week: "2024-W16", weekSlug: "2024-w16", count: 2, anchor: "incident-1" },
  ]);

  it("shares one x axis of all weeks and breaks the line where a week has no value", () => {
    expect(chart.path.match(/M/g)).toHaveLength(2);
    const xs = chart.points.map((p) => p.x);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(chart.incidents[0]!.x).toBeGreaterThan(xs[1]!);
    expect(chart.incidents[0]!.x).toBeLessThan(xs[2]!);
  });

  it("draws the target inside the plot and below-target points lower than it", () => {
    expect(chart.target!.y).toBeGreaterThan(chart.plot.top);
    expect(chart.target!.y).toBeLessThan(chart.plot.bottom);
    const missed = chart.points.find((p) => p.missed)!;
    expect(missed.y).toBeGreaterThan(chart.target!.y);
  });

  it("links incident markers one by one on a short archive, as one path on a long one", () => {
    expect(chart.linkIncidents).toBe(true);
    const many = Array.from({ length: 200 }, (_, i) => `2020-W${String((i % 52) + 1).padStart(2, "0")}-${i}`);
    const long = metricChart(series([]), many, [{ week: many[3]!, weekSlug: "x", count: 1 }]);
    expect(long.linkIncidents).toBe(false);
    expect(long.incidentPath).toMatch(/^M[\d.]+ [\d.]+L/);
  });

  it("gives counts whole-number ticks from zero", () => {
    const counts = metricChart(series([point("2024-W14", 0), point("2024-W15", 2)], { unit: "次", decimals: 0, target: 0, direction: "lower" }), weeks, []);
    expect(counts.yTicks.map((t) => t.text)).toEqual(["0次", "1次", "2次"]);
  });

  it("never lets the last week's label run into the one before", () => {
    const many = Array.from({ length: 61 }, (_, i) => `W${i}`);
    const ticks = metricChart(series([]), many, []).xTicks;
    expect(ticks.at(-1)!.text).toBe("W60");
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(60);
  });
});

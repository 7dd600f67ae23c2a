import { downsample } from "../downsample.ts";
import type { Insights, MetricTableRow } from "../insights/insights.ts";
import { metricsTable } from "../insights/insights.ts";
import { metricChart, type MetricChartModel } from "../insights/metric-chart.ts";
import type { MetricSeries } from "../insights/metric-series.ts";
import { paginate, type TimelinePage } from "../paginate.ts";
import type { WeekId } from "../week-id.ts";

/** Weeks of the archive per page of a metric: a year, as the other timelines. */
export const METRIC_PAGE_WEEKS = 52;
/** Newest weeks in the overview's table of latest values. */
export const OVERVIEW_WEEKS = 13;
/** Points of a metric's sparkline on the overview: its whole history, thinned. */
export const METRIC_SPARKLINE_POINTS = 60;

/** One metric on the /metrics/ overview: constant size whatever the archive. */
export interface MetricOverviewItem {
  series: MetricSeries;
  /** The whole history scaled to 0–100 (the sparkline's range), oldest first, thinned. */
  sparkline: number[];
  /** Lowest and highest value of the history, as written. */
  range?: { min: number; max: number };
  /** Pages of this metric. */
  pageCount: number;
}

export interface MetricsOverview {
  items: MetricOverviewItem[];
  /** Every metric with data, in the overview's order (the table's columns). */
  metrics: MetricSeries[];
  /** The newest OVERVIEW_WEEKS weeks with a value on any metric, newest first. */
  recent: MetricTableRow[];
}

export interface MetricPage {
  /** The metric with only this page's points (and their missed count); the rest of its fields as a whole. */
  series: MetricSeries;
  /** The whole metric (latest value, comparison), for the summary. */
  whole: MetricSeries;
  chart: MetricChartModel;
  rows: MetricTableRow[];
  page: TimelinePage<string>;
  /** First and last week of this page, oldest first. */
  span: { from: string; to: string };
}

/** Metrics shown at all: those with at least one value (registered ones without data have nothing to chart). */
function chartedMetrics(insights: Insights): MetricSeries[] {
  return insights.metrics.filter((s) => s.points.length > 0);
}

/** Week windows of one metric, newest first: from the newest week of the archive back to its first value. */
function windowsOf(series: MetricSeries, weekIds: readonly WeekId[]): TimelinePage<WeekId>[] {
  const first = series.points[0]?.week;
  const start = first ? Math.max(0, weekIds.indexOf(first)) : 0;
  const newestFirst = weekIds.slice(start).reverse();
  return paginate(newestFirst, METRIC_PAGE_WEEKS);
}

function scaled(values: number[]): { values: number[]; min: number; max: number } | undefined {
  if (values.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  return { values: values.map((v) => (span === 0 ? 50 : ((v - min) / span) * 100)), min, max };
}

export function metricsOverview(insights: Insights): MetricsOverview {
  const metrics = chartedMetrics(insights);
  const items = metrics.map((series) => {
    const s = scaled(
      downsample(
        series.points.map((p) => p.value),
        METRIC_SPARKLINE_POINTS,
      ),
    );
    return {
      series,
      sparkline: s?.values ?? [],
      range: s && { min: s.min, max: s.max },
      pageCount: windowsOf(series, insights.weekIds).length,
    };
  });
  const recentWeeks = new Set<string>(insights.weekIds.slice(-OVERVIEW_WEEKS));
  const recent = metricsTable(insights, metrics).filter((r) => recentWeeks.has(r.week));
  return { items, metrics, recent };
}

/** Every page of every charted metric: a year of the archive per page, newest first. */
export function metricPages(insights: Insights): MetricPage[] {
  return chartedMetrics(insights).flatMap((whole) =>
    windowsOf(whole, insights.weekIds).map((page) => {
      const weeks = [...page.items].reverse();
      const inPage = new Set(weeks);
      const points = whole.points.filter((p) => inPage.has(p.week));
      const series: MetricSeries = { ...whole, points, missedCount: points.filter((p) => p.missed).length };
      const incidentWeeks = insights.incidentWeeks.filter((w) => inPage.has(w.week));
      return {
        series,
        whole,
        chart: metricChart(series, weeks, incidentWeeks),
        rows: metricsTable({ ...insights, incidentWeeks }, [series]),
        page,
        span: { from: weeks[0] ?? "", to: weeks.at(-1) ?? "" },
      };
    }),
  );
}

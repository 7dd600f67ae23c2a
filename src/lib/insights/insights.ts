import type { Archive } from "../archive.ts";
import { buildIncidentLog, type IncidentLog } from "./incident-log.ts";
import { metricChart, type IncidentWeek, type MetricChartModel } from "./metric-chart.ts";
import type { MetricEntry } from "../metric-registry.ts";
import { buildMetricSeries, comparePoints, metricHeading, type MetricComparison, type MetricHeading, type MetricSeries } from "./metric-series.ts";
import { keptCount, reviewPlans, type PlanReview } from "./plan-vs-done.ts";
import type { WeekReport } from "../report/model.ts";
import { weeksBetween, type WeekId } from "../week-id.ts";
import { listStaleWork, type StaleItem } from "./stale-work.ts";

/** One metric on a week page: the week's value against the metric's previous value and target. */
export interface WeekMetricRow extends MetricHeading {
  registered: boolean;
  comparison: MetricComparison;
}

/** Last week's plans as judged by this week's report. */
export interface WeekPlanReview {
  /** The week whose 下周工作及目标 these are. */
  fromWeek: string;
  fromSlug: string;
  fromTitle: string;
  reviews: PlanReview[];
  /** Of `reviews`, the plans done or moved on (keptCount). */
  done: number;
}

export interface WeekInsights {
  metrics: WeekMetricRow[];
  plans?: WeekPlanReview;
}

export interface Insights {
  metrics: MetricSeries[];
  /** Every week id, oldest first: the shared x axis of the metric charts. */
  weekIds: WeekId[];
  /** Weeks that reported incidents, oldest first, for the chart markers. */
  incidentWeeks: IncidentWeek[];
  incidents: IncidentLog;
  stale: StaleItem[];
  staleAfterWeeks: number;
  /** By week slug. */
  weeks: Map<string, WeekInsights>;
}

export interface InsightsInput {
  metricRegistry: readonly MetricEntry[];
}

/** Every cross-week insight, in one linear pass over the archive (built once per site build). */
export function buildInsights(
  archive: Pick<Archive, "weeks" | "projects" | "objectives" | "projectBySlug" | "staleAfterWeeks">,
  input: InsightsInput,
): Insights {
  const { series } = buildMetricSeries(
    archive.weeks.map((w) => w.report),
    input.metricRegistry,
  );
  const weeks = new Map<string, WeekInsights>();
  for (const w of archive.weeks) {
    // 上周计划 only when the previous file is last week: plans from a week years back are not last week's.
    const prev = w.prev && weeksBetween(w.prev.week, w.report.week) === 1 ? w.prev : undefined;
    weeks.set(w.report.slug, {
      metrics: [],
      plans: prev && prev.plans.length > 0 ? planReviewOf(prev, w.report) : undefined,
    });
  }
  for (const s of series) {
    const heading = metricHeading(s);
    s.points.forEach((point, i) => {
      weeks.get(point.weekSlug)?.metrics.push({ ...heading, registered: s.registered, comparison: comparePoints(s, point, s.points[i - 1]) });
    });
  }
  return {
    metrics: series,
    weekIds: archive.weeks.map((w) => w.report.week),
    incidentWeeks: archive.weeks
      .filter((w) => w.report.incidents.length > 0)
      .map((w) => ({ week: w.report.week, weekSlug: w.report.slug, count: w.report.incidents.length, anchor: w.report.incidents[0]!.anchor })),
    incidents: buildIncidentLog(archive.weeks.map((w) => w.report)),
    stale: listStaleWork(archive),
    staleAfterWeeks: archive.staleAfterWeeks,
    weeks,
  };
}

function planReviewOf(prev: WeekReport, report: WeekReport): WeekPlanReview {
  const reviews = reviewPlans(prev, report);
  return { fromWeek: prev.week, fromSlug: prev.slug, fromTitle: prev.title, reviews, done: keptCount(reviews) };
}

/** The /metrics/ page: each metric with its chart, registered metrics first. */
export function metricsPage(insights: Insights): { series: MetricSeries; chart: MetricChartModel }[] {
  return insights.metrics
    .filter((s) => s.points.length > 0 || s.registered)
    .map((series) => ({ series, chart: metricChart(series, insights.weekIds, insights.incidentWeeks) }));
}

/** One row of the /metrics/ data table: a week and its value on every metric. */
export interface MetricTableRow {
  week: string;
  weekSlug: string;
  /** Same order as the page's metrics; undefined where the week has no value. */
  cells: ({ text: string; value: number; missed: boolean; source: "frontmatter" | "section" } | undefined)[];
  incidents: number;
  incidentAnchor?: string;
}

/**
 * The data behind every chart as one table, newest week first: the accessible fallback of the
 * charts, one row per week rather than one table per metric so the page stays small at 500+ weeks.
 */
export function metricsTable(insights: Insights, metrics: readonly MetricSeries[]): MetricTableRow[] {
  const rows = new Map<string, MetricTableRow>();
  const incidentsByWeek = new Map(insights.incidentWeeks.map((w) => [w.week, w]));
  metrics.forEach((s, i) => {
    for (const p of s.points) {
      let row = rows.get(p.week);
      if (!row) {
        const inc = incidentsByWeek.get(p.week);
        row = { week: p.week, weekSlug: p.weekSlug, cells: new Array(metrics.length).fill(undefined), incidents: inc?.count ?? 0, incidentAnchor: inc?.anchor };
        rows.set(p.week, row);
      }
      row.cells[i] = { text: p.raw, value: p.value, missed: p.missed, source: p.source };
    }
  });
  return [...rows.values()].sort((a, b) => (a.week < b.week ? 1 : -1));
}

import type { Archive } from "../archive.ts";
import type { FrontmatterMetric } from "./frontmatter-metrics.ts";
import { buildIncidentLog, type IncidentLog } from "./incident-log.ts";
import type { MetricEntry } from "./metric-registry.ts";
import { buildMetricSeries, comparePoints, type MetricComparison, type MetricSeries } from "./metric-series.ts";
import { reviewPlans, type PlanReview } from "./plan-vs-done.ts";
import { listStaleWork, type StaleItem } from "./stale-work.ts";

/** One metric on a week page: the week's value against the metric's previous value and target. */
export interface WeekMetricRow {
  id: string;
  label: string;
  unit: string;
  decimals: number;
  registered: boolean;
  target?: number;
  direction: MetricSeries["direction"];
  comparison: MetricComparison;
}

/** Last week's plans as judged by this week's report. */
export interface WeekPlanReview {
  /** The week whose 下周工作及目标 these are. */
  fromWeek: string;
  fromSlug: string;
  fromTitle: string;
  reviews: PlanReview[];
}

export interface WeekInsights {
  metrics: WeekMetricRow[];
  plans?: WeekPlanReview;
}

export interface Insights {
  metrics: MetricSeries[];
  incidents: IncidentLog;
  stale: StaleItem[];
  staleAfterWeeks: number;
  /** By week slug. */
  weeks: Map<string, WeekInsights>;
}

export interface InsightsInput {
  metricRegistry: readonly MetricEntry[];
  /** Frontmatter `metrics:` per week slug; weeks without any may be absent. */
  frontmatterMetrics?: ReadonlyMap<string, FrontmatterMetric[]>;
  staleAfterWeeks: number;
}

/** Every cross-week insight, in one linear pass over the archive (built once per site build). */
export function buildInsights(archive: Pick<Archive, "weeks" | "projects" | "objectives" | "projectBySlug" | "latest">, input: InsightsInput): Insights {
  const { series } = buildMetricSeries(
    archive.weeks.map((w) => ({ report: w.report, frontmatterMetrics: input.frontmatterMetrics?.get(w.report.slug) })),
    input.metricRegistry,
  );
  const weeks = new Map<string, WeekInsights>();
  for (const w of archive.weeks) {
    const prev = w.prev;
    weeks.set(w.report.slug, {
      metrics: [],
      plans:
        prev && prev.plans.length > 0
          ? { fromWeek: prev.week, fromSlug: prev.slug, fromTitle: prev.title, reviews: reviewPlans(prev, w.report) }
          : undefined,
    });
  }
  for (const s of series)
    s.points.forEach((point, i) => {
      weeks.get(point.weekSlug)?.metrics.push({
        id: s.id,
        label: s.label,
        unit: s.unit,
        decimals: s.decimals,
        registered: s.registered,
        target: s.target,
        direction: s.direction,
        comparison: comparePoints(s, point, s.points[i - 1]),
      });
    });
  return {
    metrics: series,
    incidents: buildIncidentLog(archive.weeks.map((w) => w.report)),
    stale: listStaleWork(archive, input.staleAfterWeeks),
    staleAfterWeeks: input.staleAfterWeeks,
    weeks,
  };
}

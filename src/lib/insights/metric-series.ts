import type { WeekReport } from "../report/model.ts";
import { createMetricMatcher, isImprovement, meetsTarget, type MetricDirection, type MetricEntry } from "../metric-registry.ts";
import { weekMetricValues, type WeekMetricValue } from "../report/week-metrics.ts";
import { weekGap, type WeekGap } from "../week-gap.ts";
import type { WeekId } from "../week-id.ts";

/** One week's value on a metric chart. */
export interface MetricPoint {
  week: WeekId;
  weekSlug: string;
  value: number;
  raw: string;
  source: "frontmatter" | "section";
  line: number;
  /** True when the metric has a target and this value misses it. */
  missed: boolean;
  /** Production incidents reported that week (marked on every chart). */
  incidents: number;
  /** Anchor of the week's first incident, for the marker's link. */
  incidentAnchor?: string;
}

/** Latest value compared with the week before it and with the target. */
export interface MetricComparison {
  latest: MetricPoint;
  previous?: MetricPoint;
  /** How far back the previous reading is: a comparison with a week years ago must say so. */
  previousGap?: WeekGap;
  /** latest − previous, rounded to the precision written. */
  change?: number;
  /** Whether the change is good news for this metric; undefined when unchanged or no previous. */
  improved?: boolean;
  /** latest − target, rounded; undefined without target. */
  gap?: number;
  meets?: boolean;
}

/** A metric as charted on /metrics/: registry fields plus every week's value, oldest first. */
export interface MetricSeries {
  id: string;
  label: string;
  unit: string;
  direction: MetricDirection;
  target?: number;
  description?: string;
  /** False for a label weeks use that content/metrics.yaml does not list. */
  registered: boolean;
  points: MetricPoint[];
  /** Decimals to show: the most written in any week (`99.997` → 3) or in the target (`99.99` → 2). */
  decimals: number;
  missedCount: number;
  comparison?: MetricComparison;
}

/**
 * What every view of a metric needs to name it and format its values — the dashboard's rows, the
 * period review's rows, the week page's rows: the series without its points.
 */
export type MetricHeading = Pick<MetricSeries, "id" | "label" | "unit" | "decimals" | "direction" | "target">;

export function metricHeading(s: MetricSeries): MetricHeading {
  return { id: s.id, label: s.label, unit: s.unit, decimals: s.decimals, direction: s.direction, target: s.target };
}

/** A week as the metric steps see it. */
export type MetricWeekInput = Pick<WeekReport, "week" | "slug" | "metrics" | "frontmatterMetrics" | "incidents">;

export function decimalsOf(raw: string): number {
  const m = /\.(\d+)/.exec(raw);
  return m ? m[1]!.length : 0;
}

/** Rounds away binary noise (99.997 − 99.99 = 0.00699999…) at the precision authors write. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A point compared with the one before it in the same series and with the target. */
export function comparePoints(
  series: Pick<MetricSeries, "direction" | "target" | "decimals">,
  latest: MetricPoint,
  previous: MetricPoint | undefined,
): MetricComparison {
  return {
    latest,
    previous,
    previousGap: previous ? weekGap(latest.week, previous.week) : undefined,
    change: previous ? roundTo(latest.value - previous.value, series.decimals) : undefined,
    improved: previous ? isImprovement(series, previous.value, latest.value) : undefined,
    gap: series.target === undefined ? undefined : roundTo(latest.value - series.target, series.decimals),
    meets: meetsTarget(series, latest.value),
  };
}

/**
 * One series per metric across all weeks (registry order, then unregistered labels by first use),
 * and each week's reconciled values. Weeks come oldest first; one pass: linear in the archive size.
 */
export function buildMetricSeries(
  weeks: readonly MetricWeekInput[],
  registry: readonly MetricEntry[],
): { series: MetricSeries[]; byWeek: Map<string, WeekMetricValue[]> } {
  const matcher = createMetricMatcher(registry);
  const byId = new Map<string, MetricSeries>();
  for (const e of registry)
    byId.set(e.id, {
      id: e.id,
      label: e.label,
      unit: e.unit,
      direction: e.direction,
      target: e.target,
      description: e.description,
      registered: true,
      points: [],
      // A target of 99.99 is shown as 99.99 even when every week wrote 100%.
      decimals: e.target === undefined ? 0 : decimalsOf(String(e.target)),
      missedCount: 0,
    });
  const byWeek = new Map<string, WeekMetricValue[]>();
  for (const report of weeks) {
    const values = weekMetricValues(report, matcher);
    byWeek.set(report.slug, values);
    for (const v of values) {
      let s = byId.get(v.id);
      if (!s) {
        s = { id: v.id, label: v.label, unit: v.unit, direction: "higher", registered: false, points: [], decimals: 0, missedCount: 0 };
        byId.set(v.id, s);
      }
      const missed = meetsTarget(s, v.value) === false;
      if (missed) s.missedCount++;
      s.decimals = Math.max(s.decimals, decimalsOf(v.raw));
      s.points.push({
        week: report.week,
        weekSlug: report.slug,
        value: v.value,
        raw: v.raw,
        source: v.source,
        line: v.line,
        missed,
        incidents: report.incidents.length,
        incidentAnchor: report.incidents[0]?.anchor,
      });
    }
  }
  const series = [...byId.values()];
  for (const s of series) {
    const latest = s.points.at(-1);
    if (latest) s.comparison = comparePoints(s, latest, s.points.at(-2));
  }
  return { series, byWeek };
}

/**
 * How the site read one week, as plain data: what `npm run check` shows a reviewer (the pull request's
 * job summary) and `--explain` prints. Takes the parsed WeekReport; every field points back at a line.
 */
import { createMetricMatcher, meetsTarget, type MetricEntry } from "../metric-registry.ts";
import { reviewPlans, type PlanStatus } from "./plan-vs-done.ts";
import { weekMetricValues } from "../report/week-metrics.ts";
import type { WeekReport } from "../report/model.ts";

export interface WeekReading {
  week: string;
  title: string;
  author?: string;
  projects: { name: string; slug: string; registered: boolean; line: number; items: number; progress?: string }[];
  objectives: { id: string; title: string; line: number; items: number }[];
  metrics: {
    label: string;
    /** As written, e.g. `99.997%`. */
    raw: string;
    value: number;
    unit: string;
    line: number;
    source: "frontmatter" | "section";
    registered: boolean;
    target?: number;
    direction?: "higher" | "lower";
    /** Undefined when the metric has no target (or is not registered). */
    meetsTarget?: boolean;
  }[];
  incidents: { line: number; date?: string; time?: string; summary: string; cause?: string }[];
  /** This week's 下周工作及目标. */
  nextPlans: { text: string; line: number }[];
  /** Last week's plans judged against this week; absent when there is no earlier week. */
  planReview?: { previousWeek: string; items: { text: string; status: PlanStatus; explicit: boolean }[] };
}

export interface WeekReadingInput {
  metricRegistry?: readonly MetricEntry[];
  /** The archive's week before this one. */
  previous?: Pick<WeekReport, "week" | "plans">;
}

export function readWeekReading(report: WeekReport, input: WeekReadingInput = {}): WeekReading {
  const registry = input.metricRegistry ?? [];
  const matcher = createMetricMatcher(registry);
  const metrics = weekMetricValues(report, matcher).map((m) => {
    const entry = m.registered ? matcher.byId(m.id) : undefined;
    return {
      label: m.label,
      raw: m.raw,
      value: m.value,
      unit: m.unit,
      line: m.line,
      source: m.source,
      registered: m.registered,
      target: entry?.target,
      direction: entry?.direction,
      meetsTarget: entry ? meetsTarget(entry, m.value) : undefined,
    };
  });
  return {
    week: report.week,
    title: report.title,
    author: report.author,
    projects: report.projects.map((p) => ({
      name: p.name,
      slug: p.slug,
      registered: p.registered,
      line: p.line,
      items: p.items.length,
      progress: (p.progress.find((g) => g.overall) ?? p.progress.at(-1))?.raw,
    })),
    objectives: report.objectives.map((o) => ({ id: o.id, title: o.title, line: o.line, items: o.items.length })),
    metrics,
    incidents: report.incidents.map((i) => ({ line: i.line, date: i.date, time: i.time, summary: i.summary, cause: i.cause })),
    nextPlans: report.plans.map((p) => ({ text: p.text, line: p.line })),
    planReview: input.previous
      ? {
          previousWeek: input.previous.week,
          items: reviewPlans(input.previous, report).map((r) => ({ text: r.plan.text, status: r.status, explicit: r.explicit })),
        }
      : undefined,
  };
}

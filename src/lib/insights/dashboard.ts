/**
 * The home dashboard: where the team stands as of the newest week — registered metrics against
 * their targets, the last weeks' incidents, projects at risk, last week's plans, the summary.
 * Everything is a bounded list (capped, recent), so the home page stays small at any archive size.
 */
import type { Archive, ProjectTimeline } from "../archive.ts";
import { weeksBetween, type WeekId } from "../week-id.ts";
import type { IncidentEntry } from "./incident-log.ts";
import type { Insights, WeekPlanReview } from "./insights.ts";
import { metricHeading, type MetricComparison, type MetricHeading } from "./metric-series.ts";
import type { StaleItem } from "./stale-work.ts";

export interface DashboardMetric extends MetricHeading {
  /** Undefined when no week reported the metric yet. */
  comparison?: MetricComparison;
}

/** A project whose progress figure has not moved for a while although it keeps being reported. */
export interface StalledProject {
  slug: string;
  name: string;
  percent: number;
  /** Weeks since the figure first read this value. */
  weeks: number;
  since: string;
  lastWeek: string;
  lastWeekSlug: string;
  lastAnchor: string;
}

export interface Dashboard {
  week: string;
  weekSlug: string;
  summary?: string;
  metrics: DashboardMetric[];
  /** How many weeks back (newest included) the incident list reaches. */
  incidentWeeks: number;
  incidents: IncidentEntry[];
  stale: StaleItem[];
  stalled: StalledProject[];
  /** Risk items left off the lists (shown as a link to the full list). */
  moreRisks: number;
  plans?: WeekPlanReview;
}

export interface DashboardOptions {
  incidentWeeks: number;
  stalledAfterWeeks: number;
  /** Most risk items shown (stale and stalled together). */
  riskLimit: number;
}

/**
 * Projects still reported (not stale, not done) whose newest mention repeats the same headline
 * progress figure, below 100 %, for `afterWeeks` weeks or more. Longest stalled first.
 */
export function listStalledProjects(projects: readonly ProjectTimeline[], afterWeeks: number): StalledProject[] {
  const out: StalledProject[] = [];
  for (const p of projects) {
    const last = p.progress.at(-1);
    const entry = p.entries[0];
    if (!last || !entry || p.stale || p.entry?.status === "done" || last.percent >= 100) continue;
    // Only when the newest mention itself carries the figure: otherwise the figure is old news, not a stall.
    if (last.week !== p.lastWeek) continue;
    let i = p.progress.length - 1;
    while (i > 0 && p.progress[i - 1]!.percent === last.percent) i--;
    const since = p.progress[i]!.week;
    const weeks = weeksBetween(since, last.week);
    if (weeks < afterWeeks) continue;
    out.push({ slug: p.slug, name: p.name, percent: last.percent, weeks, since, lastWeek: entry.week, lastWeekSlug: entry.weekSlug, lastAnchor: entry.anchor });
  }
  return out.sort((a, b) => b.weeks - a.weeks || a.name.localeCompare(b.name, "zh-CN"));
}

export function buildDashboard(
  archive: Pick<Archive, "latest" | "projects">,
  insights: Pick<Insights, "metrics" | "incidents" | "stale" | "weeks">,
  options: DashboardOptions,
): Dashboard | undefined {
  const latest = archive.latest;
  if (!latest) return undefined;
  const metrics = insights.metrics.filter((s) => s.registered).map((s) => ({ ...metricHeading(s), comparison: s.comparison }));
  const incidents = insights.incidents.entries.filter((e) => {
    const back = weeksBetween(e.week, latest.week);
    return back >= 0 && back < options.incidentWeeks;
  });
  const stalled = listStalledProjects(archive.projects, options.stalledAfterWeeks);
  const staleShown = insights.stale.slice(0, options.riskLimit);
  const stalledShown = stalled.slice(0, Math.max(0, options.riskLimit - staleShown.length));
  const plans = insights.weeks.get(latest.slug)?.plans;
  return {
    week: latest.week,
    weekSlug: latest.slug,
    summary: latest.summary,
    metrics,
    incidentWeeks: options.incidentWeeks,
    incidents,
    stale: staleShown,
    stalled: stalledShown,
    moreRisks: insights.stale.length + stalled.length - staleShown.length - stalledShown.length,
    plans,
  };
}

/**
 * Period reviews (/reviews/<id>/): per project and objective, what a quarter, half or year of
 * weeks says — weeks mentioned, first and last status, progress from → to, plans vs. done — with
 * the period's metrics and incidents. Every row links to the exact week section it comes from.
 * Bounded by construction: rows summarise (no week text is reprinted) and long lists are capped
 * with a link out, so a year of a ten-team archive stays a handout, not a dump.
 */
import type { Archive, ArchiveWeek, ObjectiveTimeline, ObjectiveWeek, ProjectTimeline } from "../archive.ts";
import type { Progress } from "../report/model.ts";
import { headlineProgress } from "../report/progress.ts";
import type { IncidentEntry } from "./incident-log.ts";
import type { Insights } from "./insights.ts";
import { metricHeading, type MetricHeading, type MetricPoint, type MetricSeries } from "./metric-series.ts";
import { groupWeeksByPeriod, type Period } from "./periods.ts";
import { keptCount, type PlanReview } from "./plan-vs-done.ts";

/** A place in a week: enough to link to it. */
export interface WeekRef {
  week: string;
  weekSlug: string;
  anchor: string;
}

/** What a mention says, in one short line, with where it is. */
export interface StatusRef extends WeekRef {
  status: string;
}

export interface PlanTally {
  total: number;
  /** Ticked done, or judged as progressed by the following week (plan-vs-done.ts). */
  done: number;
}

export interface ProjectReviewRow {
  slug: string;
  name: string;
  owner?: string;
  registryStatus?: string;
  /** Every week of the period that mentions the project, oldest first. */
  weeks: WeekRef[];
  first: StatusRef;
  last: StatusRef;
  progressFrom?: number;
  progressTo?: number;
  plans: PlanTally;
}

export interface SubjectReviewRow {
  subject: string;
  projectSlug?: string;
  weekCount: number;
  first: StatusRef;
  last: StatusRef;
  progressFrom?: number;
  progressTo?: number;
}

export interface ObjectiveReviewRow {
  id: string;
  title: string;
  /** Weeks with a section for this objective. */
  weeks: WeekRef[];
  itemCount: number;
  subjects: SubjectReviewRow[];
  /** Subjects left off to keep the page bounded. */
  moreSubjects: number;
}

export interface MetricReviewRow extends MetricHeading {
  readings: number;
  latest: MetricPoint;
  worst: MetricPoint;
  below: number;
}

export interface PeriodSummary {
  period: Period;
  weekCount: number;
  firstWeek: string;
  lastWeek: string;
}

export interface PeriodReview extends PeriodSummary {
  plans: PlanTally;
  projects: ProjectReviewRow[];
  moreProjects: number;
  objectives: ObjectiveReviewRow[];
  metrics: MetricReviewRow[];
  incidents: IncidentEntry[];
  moreIncidents: number;
  /** The other periods of the same year, for navigation between reviews. */
  others: PeriodSummary[];
}

/** Caps that keep a review page ≤ 300 KB at any archive size (issue #19). */
export const REVIEW_LIMITS = { projects: 150, subjects: 12, incidents: 60 } as const;
const STATUS_CHARS = 48;

/**
 * One line saying where a piece of work stands: the first line of its text that says something
 * (not the 【name】 line, not a bare `业务合作：` label), shortened.
 */
export function statusLine(text: string, name = ""): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && l !== `【${name}】` && !/^【[^】]*】$/.test(l) && !/[：:]$/.test(l));
  let line = (lines[0] ?? text.trim()).replace(/^【[^】]*】\s*/, "");
  // An objective item starts with its subject (`存管路由，…`), already the row's title.
  if (name && line.startsWith(name)) line = line.slice(name.length).replace(/^[\s，,：:、；;]+/, "") || line;
  const chars = [...line];
  return chars.length > STATUS_CHARS ? `${chars.slice(0, STATUS_CHARS).join("")}…` : line;
}

function headline(progress: readonly Progress[]): number | undefined {
  return headlineProgress([...progress])?.percent;
}

function tally(reviews: readonly PlanReview[]): PlanTally {
  return { total: reviews.length, done: keptCount(reviews) };
}

/** The reviews of the plans written in each week of the period (judged by the week after). */
function periodPlanReviews(weeks: readonly ArchiveWeek[], insights: Pick<Insights, "weeks">): PlanReview[] {
  const out: PlanReview[] = [];
  for (const w of weeks) {
    const next = w.next;
    const review = next ? insights.weeks.get(next.slug)?.plans : undefined;
    if (review && review.fromSlug === w.report.slug) out.push(...review.reviews);
  }
  return out;
}

/**
 * Items of the archive by the periods their week is in (its quarter, half and year), each list in
 * the order given: one pass over the archive for all periods, where filtering the whole archive for
 * each period made the reviews grow with weeks × periods.
 */
function byPeriod<T>(items: readonly T[], weekOf: (item: T) => string, periodsOf: ReadonlyMap<string, readonly string[]>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) for (const id of periodsOf.get(weekOf(item)) ?? []) push(out, id, item);
  return out;
}

type TimelineEntry = ProjectTimeline["entries"][number];

/** `inside`: the project's mentions in the period, oldest first; `plans`: the period's plans for this project. */
function projectRow(p: ProjectTimeline, inside: readonly TimelineEntry[], plans: readonly PlanReview[]): ProjectReviewRow {
  const first = inside[0]!;
  const last = inside.at(-1)!;
  const withProgress = inside.filter((e) => headline(e.progress) !== undefined);
  const weeks: WeekRef[] = [];
  for (const e of inside) if (weeks.at(-1)?.weekSlug !== e.weekSlug) weeks.push({ week: e.week, weekSlug: e.weekSlug, anchor: e.anchor });
  return {
    slug: p.slug,
    name: p.name,
    owner: p.entry?.owner,
    registryStatus: p.entry?.status,
    weeks,
    first: { week: first.week, weekSlug: first.weekSlug, anchor: first.anchor, status: statusLine(first.text, first.name) },
    last: { week: last.week, weekSlug: last.weekSlug, anchor: last.anchor, status: statusLine(last.text, last.name) },
    progressFrom: withProgress.length > 0 ? headline(withProgress[0]!.progress) : undefined,
    progressTo: withProgress.length > 0 ? headline(withProgress.at(-1)!.progress) : undefined,
    plans: tally(plans),
  };
}

type SubjectEntry = ObjectiveTimeline["subjects"][number]["entries"][number];

/** `inside`: the subject's mentions in the period, oldest first. */
function subjectRow(s: ObjectiveTimeline["subjects"][number], inside: readonly SubjectEntry[]): SubjectReviewRow {
  const first = inside[0]!;
  const last = inside.at(-1)!;
  const withProgress = inside.filter((e) => headline(e.progress) !== undefined);
  return {
    subject: s.subject,
    projectSlug: s.projectSlug,
    weekCount: new Set(inside.map((e) => e.weekSlug)).size,
    first: { week: first.week, weekSlug: first.weekSlug, anchor: first.anchor, status: statusLine(first.text, s.subject) },
    last: { week: last.week, weekSlug: last.weekSlug, anchor: last.anchor, status: statusLine(last.text, s.subject) },
    progressFrom: withProgress.length > 0 ? headline(withProgress[0]!.progress) : undefined,
    progressTo: withProgress.length > 0 ? headline(withProgress.at(-1)!.progress) : undefined,
  };
}

/** `weeks`: the objective's weeks in the period, oldest first; `subjects`: its subjects with their mentions in the period, oldest first. */
function objectiveRow(o: ObjectiveTimeline, weeks: readonly ObjectiveWeek[], subjects: readonly SubjectReviewRow[]): ObjectiveReviewRow {
  const sorted = [...subjects].sort((a, b) => b.weekCount - a.weekCount || a.subject.localeCompare(b.subject, "zh-CN"));
  return {
    id: o.id,
    title: o.title,
    weeks: weeks.map((w) => ({ week: w.week, weekSlug: w.weekSlug, anchor: w.anchor })),
    itemCount: weeks.reduce((n, w) => n + w.groups.reduce((m, g) => m + g.items.length, 0), 0),
    subjects: sorted.slice(0, REVIEW_LIMITS.subjects),
    moreSubjects: Math.max(0, sorted.length - REVIEW_LIMITS.subjects),
  };
}

/** `points`: the metric's readings in the period, oldest first. */
function metricRow(s: MetricSeries, points: readonly MetricPoint[]): MetricReviewRow {
  const worse = (a: MetricPoint, b: MetricPoint) => (s.direction === "lower" ? b.value > a.value : b.value < a.value);
  const worst = points.reduce((w, p) => (worse(w, p) ? p : w));
  return {
    ...metricHeading(s),
    readings: points.length,
    latest: points.at(-1)!,
    worst,
    below: points.filter((p) => p.missed).length,
  };
}

/** Appends to the list under `key`, making it when missing. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every period with weeks, newest first, with the archive weeks in it (oldest first). */
function periodGroups(archive: Pick<Archive, "weeks">): { summary: PeriodSummary; weeks: ArchiveWeek[] }[] {
  return groupWeeksByPeriod(archive.weeks.map((w) => ({ week: w.report.week, w }))).map(({ period, weeks }) => ({
    summary: { period, weekCount: weeks.length, firstWeek: weeks[0]!.week, lastWeek: weeks.at(-1)!.week },
    weeks: weeks.map((x) => x.w),
  }));
}

/** Every period with weeks, newest first. */
export function listPeriods(archive: Pick<Archive, "weeks">): PeriodSummary[] {
  return periodGroups(archive).map((g) => g.summary);
}

/** The review of every period with weeks, newest first: the archive is grouped by period once for all of them. */
export function buildPeriodReviews(
  archive: Pick<Archive, "weeks" | "projects" | "objectives">,
  insights: Pick<Insights, "weeks" | "metrics" | "incidents">,
): PeriodReview[] {
  const groups = periodGroups(archive);
  const summaries = groups.map((g) => g.summary);
  const periodsOf = new Map<string, string[]>();
  for (const { summary, weeks } of groups) for (const w of weeks) push(periodsOf, w.report.week, summary.period.id);
  const byYear = new Map<number, PeriodSummary[]>();
  for (const s of summaries) push(byYear, s.period.year, s);

  // Timelines are newest first: each period's share is reversed to read oldest first.
  const projectMentions = archive.projects.map((p) => ({ p, inPeriods: byPeriod(p.entries, (e) => e.week, periodsOf) }));
  const objectives = new Map<string, ObjectiveReviewRow[]>();
  for (const o of archive.objectives) {
    const weeks = byPeriod(o.weeks, (w) => w.week, periodsOf);
    const subjects = new Map<string, SubjectReviewRow[]>();
    for (const s of o.subjects) for (const [id, inside] of byPeriod(s.entries, (e) => e.week, periodsOf)) push(subjects, id, subjectRow(s, inside.reverse()));
    for (const [id, inside] of weeks) push(objectives, id, objectiveRow(o, inside.reverse(), subjects.get(id) ?? []));
  }
  const metrics = new Map<string, MetricReviewRow[]>();
  for (const s of insights.metrics) for (const [id, points] of byPeriod(s.points, (p) => p.week, periodsOf)) push(metrics, id, metricRow(s, points));
  const incidentsIn = byPeriod(insights.incidents.entries, (e) => e.week, periodsOf);

  return groups.map(({ summary, weeks }) => {
    const { period } = summary;
    const plans = periodPlanReviews(weeks, insights);
    const plansBySlug = new Map<string | undefined, PlanReview[]>();
    for (const r of plans) push(plansBySlug, r.plan.projectSlug, r);
    const rows = projectMentions
      .flatMap(({ p, inPeriods }) => {
        const inside = inPeriods.get(period.id);
        return inside ? [projectRow(p, [...inside].reverse(), plansBySlug.get(p.slug) ?? [])] : [];
      })
      .sort(
        (a, b) =>
          b.weeks.length - a.weeks.length || (a.last.week < b.last.week ? 1 : a.last.week > b.last.week ? -1 : 0) || a.name.localeCompare(b.name, "zh-CN"),
      );
    const incidents = incidentsIn.get(period.id) ?? [];
    return {
      ...summary,
      plans: tally(plans),
      projects: rows.slice(0, REVIEW_LIMITS.projects),
      moreProjects: Math.max(0, rows.length - REVIEW_LIMITS.projects),
      objectives: objectives.get(period.id) ?? [],
      metrics: metrics.get(period.id) ?? [],
      incidents: incidents.slice(0, REVIEW_LIMITS.incidents),
      moreIncidents: Math.max(0, incidents.length - REVIEW_LIMITS.incidents),
      others: (byYear.get(period.year) ?? []).filter((s) => s.period.id !== period.id),
    };
  });
}

/** The review of one period; undefined when the id is not a period with weeks. */
export function buildPeriodReview(
  archive: Pick<Archive, "weeks" | "projects" | "objectives">,
  insights: Pick<Insights, "weeks" | "metrics" | "incidents">,
  periodId: string,
): PeriodReview | undefined {
  return buildPeriodReviews(archive, insights).find((r) => r.period.id === periodId);
}

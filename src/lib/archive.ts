import type { ProjectEntry, Registry } from "./registry.ts";
import type { ObjectiveItem, Progress, ProjectMention, WeekReport } from "./report/model.ts";
import { headlineProgress } from "./report/progress.ts";
import { pinyinSlug } from "./report/slug.ts";
import { objectiveSlug } from "./routes.ts";
import { isStale } from "./staleness.ts";
import { normalizeName, stripParenthetical } from "./report/text.ts";
import { compareWeekIds, splitWeekLabel, weekStart, weeksBetween, type WeekId } from "./week-id.ts";

/** One week as the archive sees it: the report plus its neighbours. */
export interface ArchiveWeek {
  report: WeekReport;
  /** ISO week-numbering year from the label. */
  year: number;
  /** Month (1–12) of the week's Thursday, which decides ISO membership. */
  month: number;
  prev?: WeekReport;
  next?: WeekReport;
}

export interface ProjectWeekEntry {
  week: WeekId;
  weekSlug: string;
  anchor: string;
  name: string;
  html: string;
  text: string;
  progress: Progress[];
}

export interface ProgressPoint {
  week: WeekId;
  percent: number;
}

export interface ProjectTimeline {
  slug: string;
  /** Display name: the registry's, else the name used most recently. */
  name: string;
  /** Every spelling seen in weeks. */
  names: string[];
  registered: boolean;
  entry?: ProjectEntry;
  objective?: string;
  /** Newest first. */
  entries: ProjectWeekEntry[];
  firstWeek: WeekId;
  /** Newest week naming the project anywhere: as a 【project】 or under an objective. */
  lastWeek: WeekId;
  /** Where that newest mention is: a 【project】 entry or, when later, an objective item about it. */
  lastMention: WeekPlace;
  weekCount: number;
  latestProgress?: number;
  progress: ProgressPoint[];
  /** Weeks between the last mention and the newest week of the archive. */
  weeksSilent: number;
  stale: boolean;
  /** Objective items elsewhere whose subject is this project; newest first, like `entries`. */
  objectiveMentions: { week: WeekId; weekSlug: string; objectiveId: string; anchor: string; html: string }[];
}

/** A place on a week page: the week, its URL slug and the anchor of the item. */
export interface WeekPlace {
  week: WeekId;
  weekSlug: string;
  anchor: string;
}

export interface SubjectThread {
  key: string;
  subject: string;
  projectSlug?: string;
  /** Newest first. */
  entries: { week: WeekId; weekSlug: string; anchor: string; html: string; text: string; progress: Progress[] }[];
  lastWeek: WeekId;
  weeksSilent: number;
  stale: boolean;
  progress: ProgressPoint[];
}

export interface ObjectiveWeek {
  week: WeekId;
  weekSlug: string;
  anchor: string;
  groups: { subject: string; key: string; projectSlug?: string; items: ObjectiveItem[] }[];
}

export interface ObjectiveTimeline {
  id: string;
  slug: string;
  title: string;
  period?: string;
  /** Newest first. */
  weeks: ObjectiveWeek[];
  subjects: SubjectThread[];
  itemCount: number;
  firstWeek?: WeekId;
  lastWeek?: WeekId;
}

export interface YearGroup {
  year: number;
  count: number;
  months: { month: number; weeks: WeekReport[] }[];
}

export interface Archive {
  /** Oldest first. */
  weeks: ArchiveWeek[];
  bySlug: Map<string, ArchiveWeek>;
  latest?: WeekReport;
  years: YearGroup[];
  projects: ProjectTimeline[];
  projectBySlug: Map<string, ProjectTimeline>;
  objectives: ObjectiveTimeline[];
  objectiveBySlug: Map<string, ObjectiveTimeline>;
  /** Weeks of silence after which unfinished work is flagged `stale` (site config `staleAfterWeeks`). */
  staleAfterWeeks: number;
}

export interface ArchiveOptions {
  staleAfterWeeks: number;
}

function thursdayMonth(week: WeekId): number {
  const monday = weekStart(week);
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3).getMonth() + 1;
}

export function subjectKey(subject: string): string {
  return normalizeName(stripParenthetical(subject));
}

function progressSeries(points: { week: WeekId; progress: Progress[] }[]): ProgressPoint[] {
  return points
    .map((p) => ({ week: p.week, figure: headlineProgress(p.progress) }))
    .filter((p): p is { week: WeekId; figure: Progress } => !!p.figure)
    .map((p) => ({ week: p.week, percent: p.figure.percent }))
    .sort((a, b) => compareWeekIds(a.week, b.week));
}

/** Builds every cross-week view in one pass over the parsed weeks. */
export function buildArchive(reports: WeekReport[], registry: Registry, options: ArchiveOptions): Archive {
  const sorted = [...reports].sort((a, b) => compareWeekIds(a.week, b.week));
  const weeks: ArchiveWeek[] = sorted.map((report, i) => ({
    report,
    year: splitWeekLabel(report.week)!.year,
    month: thursdayMonth(report.week),
    prev: sorted[i - 1],
    next: sorted[i + 1],
  }));
  const latest = sorted.at(-1);
  const silentSince = (week: WeekId): number => (latest ? weeksBetween(week, latest.week) : 0);

  const years: YearGroup[] = [];
  for (const w of [...weeks].reverse()) {
    let y = years.find((g) => g.year === w.year);
    if (!y) years.push((y = { year: w.year, count: 0, months: [] }));
    y.count++;
    let m = y.months.find((g) => g.month === w.month);
    if (!m) y.months.push((m = { month: w.month, weeks: [] }));
    m.weeks.push(w.report);
  }

  const projects = buildProjects(weeks, registry);
  const projectBySlug = new Map(projects.map((p) => [p.slug, p]));
  const objectives = buildObjectives(weeks, registry, options, silentSince, projectBySlug);
  for (const o of objectives)
    for (const w of o.weeks)
      for (const g of w.groups)
        for (const item of g.items) {
          const slug = g.projectSlug;
          const project = slug ? projectBySlug.get(slug) : undefined;
          project?.objectiveMentions.push({ week: w.week, weekSlug: w.weekSlug, objectiveId: o.id, anchor: item.anchor, html: item.html });
        }

  // Quiet means: no mention as a 【project】 nor under an objective for N weeks, and not finished.
  for (const p of projects) {
    p.objectiveMentions.sort((a, b) => compareWeekIds(b.week, a.week));
    p.lastMention = lastMentionOf(p);
    p.lastWeek = p.lastMention.week;
    p.weeksSilent = silentSince(p.lastWeek);
    p.stale = isStale(p.weeksSilent, options.staleAfterWeeks, p.entries[0]!, p.entry?.status);
  }

  // 最近更新 counts objective mentions too: order by it once they are known.
  projects.sort(byLastUpdate);
  return {
    weeks,
    bySlug: new Map(weeks.map((w) => [w.report.slug, w])),
    latest,
    years,
    projects,
    projectBySlug,
    objectives,
    objectiveBySlug: new Map(objectives.map((o) => [o.slug, o])),
    staleAfterWeeks: options.staleAfterWeeks,
  };
}

/** The newest of a project's 【project】 entries (newest first) and objective items about it. */
function lastMentionOf(p: Pick<ProjectTimeline, "entries" | "objectiveMentions">): WeekPlace {
  const last = p.entries[0]!;
  return p.objectiveMentions.reduce((best, m) => (m.week > best.week ? { week: m.week, weekSlug: m.weekSlug, anchor: m.anchor } : best), {
    week: last.week,
    weekSlug: last.weekSlug,
    anchor: last.anchor,
  });
}

function buildProjects(weeks: ArchiveWeek[], registry: Registry): ProjectTimeline[] {
  const bySlug = new Map<string, { mentions: { week: WeekReport; m: ProjectMention }[] }>();
  for (const { report } of weeks)
    for (const m of report.projects) {
      const group = bySlug.get(m.slug) ?? { mentions: [] };
      group.mentions.push({ week: report, m });
      bySlug.set(m.slug, group);
    }
  const timelines: ProjectTimeline[] = [];
  for (const [slug, { mentions }] of bySlug) {
    const entry = registry.projects.find((p) => p.slug === slug);
    const newestFirst = [...mentions].reverse();
    const names = [...new Set(mentions.map((x) => x.m.name))];
    const progress = progressSeries(mentions.map((x) => ({ week: x.week.week, progress: x.m.progress })));
    const last = newestFirst[0]!;
    timelines.push({
      slug,
      name: entry?.name ?? newestFirst[0]!.m.name,
      names,
      registered: !!entry,
      entry,
      objective: entry?.objective,
      entries: newestFirst.map(({ week, m }) => ({
        week: week.week,
        weekSlug: week.slug,
        anchor: m.anchor,
        name: m.name,
        html: m.html,
        text: m.text,
        progress: m.progress,
      })),
      firstWeek: mentions[0]!.week.week,
      lastWeek: last.week.week,
      lastMention: { week: last.week.week, weekSlug: last.week.slug, anchor: last.m.anchor },
      weekCount: new Set(mentions.map((x) => x.week.week)).size,
      latestProgress: progress.at(-1)?.percent,
      progress,
      // The last mention and these two are set by buildArchive once objective mentions are known: they count too.
      weeksSilent: 0,
      stale: false,
      objectiveMentions: [],
    });
  }
  return timelines.sort(byLastUpdate);
}

function byLastUpdate(a: ProjectTimeline, b: ProjectTimeline): number {
  return compareWeekIds(b.lastWeek, a.lastWeek) || a.name.localeCompare(b.name, "zh-CN");
}

function buildObjectives(
  weeks: ArchiveWeek[],
  registry: Registry,
  options: ArchiveOptions,
  silentSince: (week: WeekId) => number,
  projects: Map<string, ProjectTimeline>,
): ObjectiveTimeline[] {
  const byId = new Map<string, ObjectiveTimeline>();
  const titleVotes = new Map<string, Map<string, number>>();
  const projectByKey = new Map<string, string>();
  for (const p of projects.values()) for (const n of p.names) projectByKey.set(subjectKey(n), p.slug);

  for (const id of registry.objectives.map((o) => o.id)) byId.set(id, emptyObjective(id, registry));
  for (const { report } of weeks)
    for (const section of report.objectives) {
      const o = byId.get(section.id) ?? emptyObjective(section.id, registry);
      byId.set(section.id, o);
      const votes = titleVotes.get(section.id) ?? new Map<string, number>();
      if (section.title) votes.set(section.title, (votes.get(section.title) ?? 0) + 1);
      titleVotes.set(section.id, votes);
      const groups: ObjectiveWeek["groups"] = [];
      for (const item of section.items) {
        const key = subjectKey(item.subject);
        const projectSlug =
          item.projectSlug ??
          projectByKey.get(key) ??
          (projects.has(pinyinSlug(stripParenthetical(item.subject))) ? pinyinSlug(stripParenthetical(item.subject)) : undefined);
        let g = groups.find((x) => x.key === key);
        if (!g) groups.push((g = { subject: item.subject, key, projectSlug, items: [] }));
        g.items.push(item);
        let thread = o.subjects.find((s) => s.key === key);
        if (!thread) {
          thread = { key, subject: item.subject, projectSlug, entries: [], lastWeek: report.week, weeksSilent: 0, stale: false, progress: [] };
          o.subjects.push(thread);
        }
        thread.entries.unshift({ week: report.week, weekSlug: report.slug, anchor: item.anchor, html: item.html, text: item.text, progress: item.progress });
        thread.lastWeek = report.week;
        o.itemCount++;
      }
      o.weeks.unshift({ week: report.week, weekSlug: report.slug, anchor: section.anchor, groups });
      o.firstWeek ??= report.week;
      o.lastWeek = report.week;
    }
  for (const o of byId.values()) {
    if (!registry.objectives.some((r) => r.id === o.id)) {
      const votes = [...(titleVotes.get(o.id) ?? new Map()).entries()].sort((a, b) => b[1] - a[1]);
      o.title = votes[0]?.[0] ?? "";
    }
    for (const s of o.subjects) {
      s.weeksSilent = silentSince(s.lastWeek);
      const project = s.projectSlug ? projects.get(s.projectSlug) : undefined;
      s.stale = isStale(s.weeksSilent, options.staleAfterWeeks, s.entries[0]!, project?.entry?.status);
      s.progress = progressSeries([...s.entries].reverse());
    }
    o.subjects.sort((a, b) => compareWeekIds(b.lastWeek, a.lastWeek) || b.entries.length - a.entries.length);
  }
  return [...byId.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

function emptyObjective(id: string, registry: Registry): ObjectiveTimeline {
  const entry = registry.objectives.find((o) => o.id === id);
  return { id, slug: objectiveSlug(id), title: entry?.title ?? "", period: entry?.period, weeks: [], subjects: [], itemCount: 0 };
}

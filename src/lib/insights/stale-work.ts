import type { Archive, ProjectTimeline } from "../archive.ts";
import type { Progress } from "../report/model.ts";
import { headlineProgress } from "../report/progress.ts";
import { weeksBetween, type WeekId } from "../week-id.ts";

/** A project or objective subject that has gone quiet. */
export interface StaleItem {
  kind: "project" | "subject";
  name: string;
  /** Project slug (kind project). */
  projectSlug?: string;
  /** Objective the subject belongs to (kind subject). */
  objectiveId?: string;
  objectiveTitle?: string;
  lastWeek: string;
  lastWeekSlug: string;
  /** Anchor of the last mention on its week page. */
  lastAnchor: string;
  weeksSilent: number;
}

/**
 * Words by which a report says a piece of work is over. `待结项` / `计划…上线` are not over.
 * Why a heuristic: subjects have no registry status, and the generated and real reports both
 * close work with these phrases rather than by editing a file.
 */
const DONE = /全量(?:上线|投产|切换|切流)|上线(?:完成|完毕)|已(?:上线|投产|结项|下线|完成)|正式投产|(?<![待未])结项(?!资料|材料|报告|申请|评审)|(?:治理|迁移|切流|切换)完成/;
/** Still waiting on the last step, whatever else the text says. */
const PENDING = /[待未](?:结项|上线|投产|验收)/;

/** Whether the last mention of a piece of work says it is finished (a 100 % figure or a closing phrase). */
export function saysDone(text: string, progress: readonly Progress[]): boolean {
  if (PENDING.test(text)) return false;
  return headlineProgress([...progress])?.percent === 100 || DONE.test(text);
}

/**
 * The stale rule, for the archive's `stale` flags and for this list alike: quiet for `afterWeeks`
 * weeks or more, not `status: done` in the registry, and a last mention that does not say finished.
 */
export function isStale(
  weeksSilent: number,
  afterWeeks: number,
  last: { text: string; progress: readonly Progress[] },
  status: string | undefined,
): boolean {
  return weeksSilent >= afterWeeks && status !== "done" && !saysDone(last.text, last.progress);
}

/** Where a project was last mentioned: as a 【project】 item, or — later — as an item under an objective heading. */
export function lastMention(
  p: Pick<ProjectTimeline, "entries" | "objectiveMentions">,
): { week: string; weekSlug: string; anchor: string } {
  const last = p.entries[0]!;
  return p.objectiveMentions.reduce(
    (best, m) => (m.week > best.week ? { week: m.week, weekSlug: m.weekSlug, anchor: m.anchor } : best),
    { week: last.week, weekSlug: last.weekSlug, anchor: last.anchor },
  );
}

/**
 * Projects and objective subjects not mentioned for `afterWeeks` weeks or more (relative to the newest
 * week) and not done: neither `status: done` in the registry nor a last mention that says finished.
 * A subject that is a registered project's is listed once, as the project. Most recently quiet first.
 */
export function listStaleWork(
  archive: Pick<Archive, "projects" | "objectives" | "projectBySlug" | "latest">,
  afterWeeks: number,
): StaleItem[] {
  const items: StaleItem[] = [];
  const newest = archive.latest?.week;
  for (const p of archive.projects) {
    const last = p.entries[0];
    if (!last || !newest) continue;
    // An item under an objective heading is a mention too: the project is not quiet.
    const seen = lastMention(p);
    const weeksSilent = weeksBetween(seen.week as WeekId, newest as WeekId);
    if (!isStale(weeksSilent, afterWeeks, last, p.entry?.status)) continue;
    items.push({
      kind: "project",
      name: p.name,
      projectSlug: p.slug,
      lastWeek: seen.week,
      lastWeekSlug: seen.weekSlug,
      lastAnchor: seen.anchor,
      weeksSilent,
    });
  }
  for (const o of archive.objectives)
    for (const s of o.subjects) {
      const last = s.entries[0];
      if (!last || !newest) continue;
      const weeksSilent = weeksBetween(s.lastWeek as WeekId, newest as WeekId);
      // A registered project's subject is listed as the project.
      if (s.projectSlug && archive.projectBySlug.has(s.projectSlug)) continue;
      if (!isStale(weeksSilent, afterWeeks, last, undefined)) continue;
      items.push({
        kind: "subject",
        name: s.subject,
        objectiveId: o.id,
        objectiveTitle: o.title,
        lastWeek: s.lastWeek,
        lastWeekSlug: last.weekSlug,
        lastAnchor: last.anchor,
        weeksSilent,
      });
    }
  return items.sort((a, b) => a.weeksSilent - b.weeksSilent || a.name.localeCompare(b.name, "zh-CN"));
}

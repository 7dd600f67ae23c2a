import type { WeekId } from "../week-id.ts";
import type { Archive } from "../archive.ts";

/** A project or objective subject that has gone quiet. */
export interface StaleItem {
  kind: "project" | "subject";
  name: string;
  /** Project slug (kind project). */
  projectSlug?: string;
  /** Objective the subject belongs to (kind subject). */
  objectiveId?: string;
  objectiveTitle?: string;
  lastWeek: WeekId;
  lastWeekSlug: string;
  /** Anchor of the last mention on its week page. */
  lastAnchor: string;
  weeksSilent: number;
}

/**
 * Projects and objective subjects the archive flags `stale`: not mentioned for `staleAfterWeeks` weeks
 * or more (relative to the newest week) and not done (see staleness.ts). A subject that is a
 * registered project's is listed once, as the project. Most recently quiet first.
 */
export function listStaleWork(archive: Pick<Archive, "projects" | "objectives" | "projectBySlug">): StaleItem[] {
  const items: StaleItem[] = [];
  for (const p of archive.projects) {
    if (!p.stale) continue;
    // An item under an objective heading is a mention too: the link goes to whichever came last.
    const { week, weekSlug, anchor } = p.lastMention;
    items.push({ kind: "project", name: p.name, projectSlug: p.slug, lastWeek: week, lastWeekSlug: weekSlug, lastAnchor: anchor, weeksSilent: p.weeksSilent });
  }
  for (const o of archive.objectives)
    for (const s of o.subjects) {
      // A registered project's subject is listed as the project.
      if (!s.stale || (s.projectSlug && archive.projectBySlug.has(s.projectSlug))) continue;
      const last = s.entries[0]!;
      items.push({
        kind: "subject",
        name: s.subject,
        objectiveId: o.id,
        objectiveTitle: o.title,
        lastWeek: s.lastWeek,
        lastWeekSlug: last.weekSlug,
        lastAnchor: last.anchor,
        weeksSilent: s.weeksSilent,
      });
    }
  return items.sort((a, b) => a.weeksSilent - b.weeksSilent || a.name.localeCompare(b.name, "zh-CN"));
}

/**
 * "What changed": a subject's text in one week against its previous mention, for the project
 * timeline and the week page. Built per page from the archive's timelines (each diff once per page
 * that shows it), so the cost follows the pages rendered rather than growing with every build step.
 */
import { subjectKey, type Archive, type ProjectWeekEntry, type SubjectThread } from "../archive.ts";
import type { Progress, WeekReport } from "../report/model.ts";
import { diffHtml, diffText, hasChanges, progressChange } from "./text-diff.ts";

/** One mention compared with the one before it. */
export interface MentionChange {
  /** Week of the previous mention. */
  sinceWeek: string;
  sinceSlug: string;
  sinceAnchor: string;
  /** False when the text is word for word the same as last time. */
  changed: boolean;
  /** The new text with `<ins>`/`<del>` marks (escaped text only; see text-diff.ts). */
  html: string;
  /** Headline progress change, e.g. `70% → 75%`. */
  progress?: string;
}

interface Mention {
  week: string;
  weekSlug: string;
  anchor: string;
  text: string;
  progress: Progress[];
}

/** The 【name】 line heads every project mention and is shown right above: compare what is said. */
function body(text: string): string {
  return text.replace(/^\s*【[^】\n]*】[ \t]*\n?/, "");
}

export function compareMentions(previous: Mention, current: Mention): MentionChange {
  const parts = diffText(body(previous.text), body(current.text));
  return {
    sinceWeek: previous.week,
    sinceSlug: previous.weekSlug,
    sinceAnchor: previous.anchor,
    changed: hasChanges(parts),
    html: diffHtml(parts),
    progress: progressChange(previous.progress, current.progress),
  };
}

/**
 * The change of each timeline entry against the entry after it (entries are newest first). `from`/`to`
 * select a page of the timeline; the oldest entry of the whole timeline has no change.
 */
export function timelineChanges(entries: readonly Mention[], from = 0, to = entries.length): (MentionChange | undefined)[] {
  const out: (MentionChange | undefined)[] = [];
  for (let i = from; i < Math.min(to, entries.length); i++) {
    const older = entries[i + 1];
    out.push(older ? compareMentions(older, entries[i]!) : undefined);
  }
  return out;
}

/** A subject of a week with its change since the previous mention. */
export interface WeekSubjectChange {
  kind: "project" | "objective";
  name: string;
  /** Anchor of the subject's item on this week's page. */
  anchor: string;
  /** Project slug, or the objective id for objective subjects. */
  ref: string;
  change: MentionChange;
}

function previousIn<T extends { weekSlug: string; anchor: string }>(entries: readonly T[], weekSlug: string, anchor: string): T | undefined {
  const i = entries.findIndex((e) => e.weekSlug === weekSlug && e.anchor === anchor);
  return i >= 0 ? entries[i + 1] : undefined;
}

/** Every project and objective subject of a week that was mentioned before, with what changed. */
export function weekChanges(
  archive: Pick<Archive, "projectBySlug" | "objectiveBySlug">,
  report: Pick<WeekReport, "slug" | "week" | "projects" | "objectives">,
): WeekSubjectChange[] {
  const out: WeekSubjectChange[] = [];
  for (const m of report.projects) {
    const timeline = archive.projectBySlug.get(m.slug);
    const prev: ProjectWeekEntry | undefined = timeline && previousIn(timeline.entries, report.slug, m.anchor);
    if (!timeline || !prev) continue;
    const current = { week: report.week, weekSlug: report.slug, anchor: m.anchor, text: m.text, progress: m.progress };
    out.push({ kind: "project", name: timeline.name, anchor: m.anchor, ref: m.slug, change: compareMentions(prev, current) });
  }
  for (const section of report.objectives) {
    const objective = archive.objectiveBySlug.get(section.id.toLowerCase());
    if (!objective) continue;
    for (const item of section.items) {
      const key = subjectKey(item.subject);
      const thread: SubjectThread | undefined = objective.subjects.find((s) => s.key === key);
      const prev = thread && previousIn(thread.entries, report.slug, item.anchor);
      if (!prev) continue;
      const current = { week: report.week, weekSlug: report.slug, anchor: item.anchor, text: item.text, progress: item.progress };
      out.push({ kind: "objective", name: `${section.id} · ${item.subject}`, anchor: item.anchor, ref: section.id, change: compareMentions(prev, current) });
    }
  }
  return out;
}

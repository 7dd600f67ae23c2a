/**
 * "What changed": a subject's text in one week against its previous mention, for the project
 * timeline and the week page. Built per page from the archive's timelines (each diff once per page
 * that shows it), so the cost follows the pages rendered rather than growing with every build step.
 */
import { subjectKey, type Archive, type ProjectWeekEntry, type SubjectThread } from "../archive.ts";
import type { Progress, WeekReport } from "../report/model.ts";
import { objectiveSlug } from "../routes.ts";
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

/**
 * Each mention's change against the one before it, kept with the mention: the week page and the
 * project timeline show the same comparison, and a word diff is the costly step of both.
 */
const changeOf = new WeakMap<Mention, { previous: Mention; change: MentionChange }>();

/** `compareMentions` for two entries of one timeline (the same objects every page gets), computed once. */
function compareEntries(previous: Mention, current: Mention): MentionChange {
  const known = changeOf.get(current);
  if (known?.previous === previous) return known.change;
  const change = compareMentions(previous, current);
  changeOf.set(current, { previous, change });
  return change;
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
    out.push(older ? compareEntries(older, entries[i]!) : undefined);
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

/** Position of each mention in its timeline, built once per timeline: a scan per mention made every week page's lookups grow with the archive. */
const positions = new WeakMap<readonly { weekSlug: string; anchor: string }[], Map<string, number>>();

/** The timeline's entry for this week's mention, and the mention before it. */
function entryIn<T extends { weekSlug: string; anchor: string }>(
  entries: readonly T[],
  weekSlug: string,
  anchor: string,
): { entry: T; previous: T } | undefined {
  let index = positions.get(entries);
  if (!index) {
    index = new Map(entries.map((e, i) => [`${e.weekSlug}#${e.anchor}`, i]));
    positions.set(entries, index);
  }
  const i = index.get(`${weekSlug}#${anchor}`) ?? -1;
  const previous = i >= 0 ? entries[i + 1] : undefined;
  return previous ? { entry: entries[i]!, previous } : undefined;
}

/** Every project and objective subject of a week that was mentioned before, with what changed. */
export function weekChanges(
  archive: Pick<Archive, "projectBySlug" | "objectiveBySlug">,
  report: Pick<WeekReport, "slug" | "week" | "projects" | "objectives">,
): WeekSubjectChange[] {
  const out: WeekSubjectChange[] = [];
  for (const m of report.projects) {
    const timeline = archive.projectBySlug.get(m.slug);
    const found = timeline && entryIn<ProjectWeekEntry>(timeline.entries, report.slug, m.anchor);
    if (!timeline || !found) continue;
    out.push({ kind: "project", name: timeline.name, anchor: m.anchor, ref: m.slug, change: compareEntries(found.previous, found.entry) });
  }
  for (const section of report.objectives) {
    const objective = archive.objectiveBySlug.get(objectiveSlug(section.id));
    if (!objective) continue;
    for (const item of section.items) {
      const key = subjectKey(item.subject);
      const thread: SubjectThread | undefined = objective.subjects.find((s) => s.key === key);
      const found = thread && entryIn(thread.entries, report.slug, item.anchor);
      if (!found) continue;
      out.push({
        kind: "objective",
        name: `${section.id} · ${item.subject}`,
        anchor: item.anchor,
        ref: section.id,
        change: compareEntries(found.previous, found.entry),
      });
    }
  }
  return out;
}

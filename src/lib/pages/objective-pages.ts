import type { ObjectiveTimeline, ObjectiveWeek, SubjectThread } from "../archive.ts";
import { downsample } from "../downsample.ts";
import { paginate, TIMELINE_PAGE_SIZE, type TimelinePage } from "../paginate.ts";

/** Subjects per page of `/objectives/<id>/subjects/`: each row carries a sparkline and its newest mentions. */
export const SUBJECTS_PAGE_SIZE = 40;
/** Newest mentions listed under each subject; the weekly timeline pages hold the full history. */
export const SUBJECT_THREAD_LIMIT = 12;
/** Points of a subject's progress sparkline (96 px wide): more cannot be told apart. */
export const SPARKLINE_POINTS = 48;

/** One subject on the subjects pages: its table row and its newest mentions. */
export interface SubjectRow {
  key: string;
  subject: string;
  projectSlug?: string;
  stale: boolean;
  weeksSilent: number;
  lastWeek: string;
  lastWeekSlug: string;
  weekCount: number;
  /** Progress percentages oldest first, thinned to SPARKLINE_POINTS. */
  sparkline: number[];
  /** Newest first, at most SUBJECT_THREAD_LIMIT. */
  recent: { week: string; weekSlug: string; anchor: string; percent?: number }[];
  /** Mentions older than `recent`. */
  olderCount: number;
}

/** Header of every page of an objective: constant size whatever the archive. */
export interface ObjectiveSummary {
  id: string;
  slug: string;
  heading: string;
  weekCount: number;
  itemCount: number;
  subjectCount: number;
}

export interface ObjectiveTimelinePage {
  objective: ObjectiveSummary;
  page: TimelinePage<ObjectiveWeek>;
  /** Which subjects page lists each subject (by key), for the links from the timeline. */
  subjectPage: ReadonlyMap<string, number>;
}

export interface ObjectiveSubjectsPage {
  objective: ObjectiveSummary;
  page: TimelinePage<SubjectRow>;
}

function summaryOf(o: ObjectiveTimeline): ObjectiveSummary {
  return {
    id: o.id,
    slug: o.slug,
    heading: `${o.id} ${o.title}`.trim(),
    weekCount: o.weeks.length,
    itemCount: o.itemCount,
    subjectCount: o.subjects.length,
  };
}

function rowOf(s: SubjectThread): SubjectRow {
  return {
    key: s.key,
    subject: s.subject,
    projectSlug: s.projectSlug,
    stale: s.stale,
    weeksSilent: s.weeksSilent,
    lastWeek: s.lastWeek,
    lastWeekSlug: s.entries[0]!.weekSlug,
    weekCount: s.entries.length,
    sparkline: downsample(
      s.progress.map((p) => p.percent),
      SPARKLINE_POINTS,
    ),
    recent: s.entries
      .slice(0, SUBJECT_THREAD_LIMIT)
      .map((e) => ({ week: e.week, weekSlug: e.weekSlug, anchor: e.anchor, percent: e.progress.at(-1)?.percent })),
    olderCount: Math.max(0, s.entries.length - SUBJECT_THREAD_LIMIT),
  };
}

/**
 * Every page of one objective: its weekly timeline a year per page, and its subject threads on pages
 * of their own. Nothing that grows with the archive appears on more than one page.
 */
export function objectivePages(o: ObjectiveTimeline): { timeline: ObjectiveTimelinePage[]; subjects: ObjectiveSubjectsPage[] } {
  const objective = summaryOf(o);
  const subjects = paginate(o.subjects.map(rowOf), SUBJECTS_PAGE_SIZE).map((page) => ({ objective, page }));
  const subjectPage = new Map<string, number>();
  for (const { page } of subjects) for (const row of page.items) subjectPage.set(row.key, page.number);
  const timeline = paginate(o.weeks, TIMELINE_PAGE_SIZE).map((page) => ({ objective, page, subjectPage }));
  return { timeline, subjects };
}

/** Subjects named on an objective's card on /objectives/; the objective's pages list them all. */
export const OBJECTIVE_CARD_SUBJECTS = 12;

/** One card of /objectives/. */
export interface ObjectiveCard {
  id: string;
  title: string;
  weekCount: number;
  itemCount: number;
  /** Newest week naming the objective, with its URL slug; absent for a registered objective no week names. */
  last?: { week: string; weekSlug: string };
  /** The most recently mentioned subjects, at most OBJECTIVE_CARD_SUBJECTS. */
  subjects: string[];
  /** More subjects than the card names. */
  moreSubjects: boolean;
}

/** /objectives/: every objective as a card, in the archive's order (O1, O2, …). */
export function objectiveCards(objectives: readonly ObjectiveTimeline[]): ObjectiveCard[] {
  return objectives.map((o) => ({
    id: o.id,
    title: o.title,
    weekCount: o.weeks.length,
    itemCount: o.itemCount,
    last: o.weeks[0] && { week: o.weeks[0].week, weekSlug: o.weeks[0].weekSlug },
    subjects: o.subjects.slice(0, OBJECTIVE_CARD_SUBJECTS).map((s) => s.subject),
    moreSubjects: o.subjects.length > OBJECTIVE_CARD_SUBJECTS,
  }));
}

import type { ProgressPoint, ProjectTimeline, ProjectWeekEntry } from "../archive.ts";
import { downsample } from "../downsample.ts";
import { paginate, TIMELINE_PAGE_SIZE, type TimelinePage } from "../paginate.ts";
import type { ProjectEntry } from "../registry.ts";
import type { ProjectListFilter, ProjectListStatus } from "../insights/project-list.ts";

/** Points of a project's sparkline on /projects/ (96 px wide). */
export const PROJECT_SPARKLINE_POINTS = 48;
/** Rows per page of /projects/: about 1.5 KB each with the sparkline. */
export const PROJECT_INDEX_PAGE_SIZE = 100;

/** Header of every page of a project: constant size whatever the archive. */
export interface ProjectSummary {
  slug: string;
  name: string;
  otherNames: string[];
  registered: boolean;
  entry?: ProjectEntry;
  objective?: string;
  firstWeek: string;
  lastWeek: string;
  weekCount: number;
  weeksSilent: number;
  stale: boolean;
}

export interface ProjectTimelinePage {
  project: ProjectSummary;
  page: TimelinePage<ProjectWeekEntry>;
  /**
   * Progress figures of the weeks this page shows, oldest first: each page charts its own stretch of
   * the timeline, so no page repeats the whole history.
   */
  progress: ProgressPoint[];
  /** Objective items naming this project, newest first — on the first page only. */
  objectiveMentions: ProjectTimeline["objectiveMentions"];
  /** The mention just older than this page's last entry (on the next page), for "what changed". */
  olderEntry?: ProjectWeekEntry;
}

/** Every page of one project: its timeline a year per page, each with the progress of its weeks. */
export function projectPages(p: ProjectTimeline): ProjectTimelinePage[] {
  const project: ProjectSummary = {
    slug: p.slug,
    name: p.name,
    otherNames: p.names.filter((n) => n !== p.name),
    registered: p.registered,
    entry: p.entry,
    objective: p.objective,
    firstWeek: p.firstWeek,
    lastWeek: p.lastWeek,
    weekCount: p.weekCount,
    weeksSilent: p.weeksSilent,
    stale: p.stale,
  };
  // Newest first, like the weekly entries (the archive sorts them).
  const mentions = p.objectiveMentions.slice(0, TIMELINE_PAGE_SIZE);
  return paginate(p.entries, TIMELINE_PAGE_SIZE).map((page) => {
    const weeks = new Set(page.items.map((e) => e.week));
    return {
      project,
      page,
      progress: p.progress.filter((x) => weeks.has(x.week)),
      objectiveMentions: page.number === 1 ? mentions : [],
      olderEntry: p.entries[page.number * TIMELINE_PAGE_SIZE],
    };
  });
}

/** One row of /projects/ (and of its filter pages): what the compact table shows of a project. */
export interface ProjectRow {
  slug: string;
  name: string;
  stale: boolean;
  weeksSilent: number;
  /** Registry status, or `unregistered`. */
  status: ProjectListStatus;
  owner?: string;
  objective?: { id: string; title?: string };
  firstWeek: string;
  lastWeek: string;
  weekCount: number;
  latestProgress?: number;
  /** The whole history's progress, oldest first, thinned to PROJECT_SPARKLINE_POINTS. */
  sparkline: number[];
}

export interface ProjectIndexPage {
  page: TimelinePage<ProjectRow>;
  /** Projects on all pages of this list (after the filter). */
  projectCount: number;
}

/**
 * /projects/, or one of its static filter pages, as pages of a compact table in the archive's order
 * (latest update first): however many projects, no page holds more than PROJECT_INDEX_PAGE_SIZE rows.
 */
export function projectIndexPages(
  projects: readonly ProjectTimeline[],
  objectiveOf: (id: string) => { id: string; title: string } | undefined,
  filter: ProjectListFilter = {},
): ProjectIndexPage[] {
  const rows: ProjectRow[] = [];
  for (const p of projects) {
    const registered = p.objective ? objectiveOf(p.objective) : undefined;
    const objective = p.objective ? { id: registered?.id ?? p.objective, title: registered?.title } : undefined;
    const status: ProjectListStatus = p.entry ? p.entry.status : "unregistered";
    if (filter.objective !== undefined && objective?.id.toLowerCase() !== filter.objective.toLowerCase()) continue;
    if (filter.status !== undefined && status !== filter.status) continue;
    rows.push({
      slug: p.slug,
      name: p.name,
      stale: p.stale,
      weeksSilent: p.weeksSilent,
      status,
      owner: p.entry?.owner,
      objective,
      firstWeek: p.firstWeek,
      lastWeek: p.lastWeek,
      weekCount: p.weekCount,
      latestProgress: p.latestProgress,
      sparkline: downsample(
        p.progress.map((x) => x.percent),
        PROJECT_SPARKLINE_POINTS,
      ),
    });
  }
  return paginate(rows, PROJECT_INDEX_PAGE_SIZE).map((page) => ({ page, projectCount: rows.length }));
}

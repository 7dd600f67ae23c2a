import type { Archive, ProgressPoint, ProjectTimeline, ProjectWeekEntry } from "../archive.ts";
import { downsample } from "../downsample.ts";
import { paginate, TIMELINE_PAGE_SIZE, type TimelinePage } from "../paginate.ts";
import type { ProjectEntry } from "../registry.ts";
import {
  filterProjectRows,
  projectFilters,
  projectListRows,
  type ProjectListFilter,
  type ProjectListRow,
  type ProjectListStatus,
} from "../insights/project-list.ts";
import { objectiveSlug } from "../routes.ts";

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
  firstWeekSlug: string;
  lastWeek: string;
  lastWeekSlug: string;
  weekCount: number;
  weeksSilent: number;
  stale: boolean;
}

/** A progress figure of the project page's chart and table, with the week it links to. */
export interface ProgressPointLink extends ProgressPoint {
  weekSlug: string;
}

export interface ProjectTimelinePage {
  project: ProjectSummary;
  page: TimelinePage<ProjectWeekEntry>;
  /**
   * Progress figures of the weeks this page shows, oldest first: each page charts its own stretch of
   * the timeline, so no page repeats the whole history.
   */
  progress: ProgressPointLink[];
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
    firstWeekSlug: p.entries.at(-1)!.weekSlug,
    lastWeek: p.lastWeek,
    lastWeekSlug: p.lastMention.weekSlug,
    weekCount: p.weekCount,
    weeksSilent: p.weeksSilent,
    stale: p.stale,
  };
  // Newest first, like the weekly entries (the archive sorts them).
  const mentions = p.objectiveMentions.slice(0, TIMELINE_PAGE_SIZE);
  return paginate(p.entries, TIMELINE_PAGE_SIZE).map((page) => {
    const slugOf = new Map(page.items.map((e) => [e.week, e.weekSlug]));
    return {
      project,
      page,
      progress: p.progress.flatMap((x) => {
        const weekSlug = slugOf.get(x.week);
        return weekSlug ? [{ ...x, weekSlug }] : [];
      }),
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
  firstWeekSlug: string;
  lastWeek: string;
  lastWeekSlug: string;
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
export function projectIndexPages(list: readonly ProjectListRow[]): ProjectIndexPage[] {
  const rows: ProjectRow[] = list.map(({ project: p, status, owner, objectiveId, objectiveTitle }) => ({
    slug: p.slug,
    name: p.name,
    stale: p.stale,
    weeksSilent: p.weeksSilent,
    status,
    owner,
    objective: objectiveId === undefined ? undefined : { id: objectiveId, title: objectiveTitle },
    firstWeek: p.firstWeek,
    firstWeekSlug: p.entries.at(-1)!.weekSlug,
    lastWeek: p.lastWeek,
    lastWeekSlug: p.lastMention.weekSlug,
    weekCount: p.weekCount,
    latestProgress: p.latestProgress,
    sparkline: downsample(
      p.progress.map((x) => x.percent),
      PROJECT_SPARKLINE_POINTS,
    ),
  }));
  return paginate(rows, PROJECT_INDEX_PAGE_SIZE).map((page) => ({ page, projectCount: rows.length }));
}

export type ProjectFilters = ReturnType<typeof projectFilters>;

/** A page of /projects/ or of one of its filter pages, with both filter bars. */
export interface ProjectListPage extends ProjectIndexPage {
  /** Every choice of the two filter bars, counted over the whole archive. */
  filters: ProjectFilters;
  /** Projects in the whole archive: the bars' 全部. */
  total: number;
  /** What this list shows; `{}` on /projects/. */
  current: ProjectListFilter;
  /** The filtered objective's title (/projects/objective/<id>/), when it has one. */
  objectiveTitle?: string;
}

export interface ProjectListRoute<Params> {
  params: Params & { page: string | undefined };
  props: ProjectListPage;
}

/**
 * The three project lists as Astro routes, from one set of rows: /projects/, /projects/objective/<id>/
 * for each objective with projects and /projects/status/<status>/ for each status with projects.
 */
export function projectListRoutes(archive: Pick<Archive, "projects" | "objectiveBySlug">): {
  all: ProjectListRoute<object>[];
  byObjective: ProjectListRoute<{ id: string }>[];
  byStatus: ProjectListRoute<{ status: ProjectListStatus }>[];
} {
  const rows = projectListRows(archive);
  const filters = projectFilters(rows);
  const pagesOf = (current: ProjectListFilter, objectiveTitle?: string): ProjectListPage[] =>
    projectIndexPages(filterProjectRows(rows, current)).map((page) => ({ ...page, filters, total: rows.length, current, objectiveTitle }));
  return {
    all: pagesOf({}).map((props) => ({ params: { page: props.page.param }, props })),
    byObjective: filters.objectives.flatMap((o) =>
      pagesOf({ objective: o.id }, o.title).map((props) => ({ params: { id: objectiveSlug(o.id), page: props.page.param }, props })),
    ),
    byStatus: filters.statuses.flatMap((s) => pagesOf({ status: s.status }).map((props) => ({ params: { status: s.status, page: props.page.param }, props }))),
  };
}

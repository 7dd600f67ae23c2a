/**
 * The /projects/ list and its static filter pages (/projects/objective/o1/, /projects/status/done/):
 * each project with owner and status from the registry, filterable without JavaScript.
 */
import type { Archive, ProjectTimeline } from "../archive.ts";
import { objectiveSlug } from "../routes.ts";

/** Registry status, or `unregistered` for a project only the weeks know. */
export type ProjectListStatus = "active" | "paused" | "done" | "unregistered";
export const PROJECT_LIST_STATUSES: readonly ProjectListStatus[] = ["active", "paused", "done", "unregistered"];

export interface ProjectListRow {
  project: ProjectTimeline;
  status: ProjectListStatus;
  owner?: string;
  /** Objective id (`O1`) from the registry, when set. */
  objectiveId?: string;
  objectiveTitle?: string;
}

export interface ProjectListFilter {
  objective?: string;
  status?: ProjectListStatus;
}

export function projectListRows(archive: Pick<Archive, "projects" | "objectiveBySlug">): ProjectListRow[] {
  return archive.projects.map((p) => {
    const objective = p.objective ? archive.objectiveBySlug.get(objectiveSlug(p.objective)) : undefined;
    return {
      project: p,
      status: p.entry ? p.entry.status : "unregistered",
      owner: p.entry?.owner,
      objectiveId: objective?.id ?? p.objective,
      objectiveTitle: objective?.title,
    };
  });
}

export function filterProjectRows(rows: readonly ProjectListRow[], filter: ProjectListFilter): ProjectListRow[] {
  return rows.filter(
    (r) =>
      (filter.objective === undefined || (r.objectiveId !== undefined && objectiveSlug(r.objectiveId) === objectiveSlug(filter.objective))) &&
      (filter.status === undefined || r.status === filter.status),
  );
}

/** The filter choices that have projects, with counts: objectives in id order, statuses in fixed order. */
export function projectFilters(rows: readonly ProjectListRow[]): {
  objectives: { id: string; title?: string; count: number }[];
  statuses: { status: ProjectListStatus; count: number }[];
} {
  const objectives = new Map<string, { id: string; title?: string; count: number }>();
  for (const r of rows)
    if (r.objectiveId) {
      const o = objectives.get(r.objectiveId) ?? { id: r.objectiveId, title: r.objectiveTitle, count: 0 };
      o.count++;
      objectives.set(r.objectiveId, o);
    }
  return {
    objectives: [...objectives.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))),
    statuses: PROJECT_LIST_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length })).filter((s) => s.count > 0),
  };
}

/** `/repo` → `/repo/`: the deploy base (and any folder URL) as every URL of the site is joined to it. */
export function withTrailingSlash(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}

/** An objective id as URLs write it (`O2` → `o2`): its pages, its filter page and the archive's lookup. */
export function objectiveSlug(id: string): string {
  return id.toLowerCase();
}

/** An incident severity as URLs write it (`AB` → `ab`). */
export function severitySlug(severity: string): string {
  return severity.toLowerCase();
}

/** Every internal URL of the site, built from the deploy base (`/` or `/repo/`). */
export function createRoutes(base: string) {
  const root = withTrailingSlash(base);
  const at = (path: string): string => `${root}${path}`;
  return {
    home: () => root,
    weeks: () => at("weeks/"),
    /** One year of the archive. */
    weekYear: (year: number) => at(`weeks/${year}/`),
    week: (slug: string, anchor?: string) => at(`weeks/${slug}/`) + (anchor ? `#${anchor}` : ""),
    projects: () => at("projects/"),
    project: (slug: string) => at(`projects/${slug}/`),
    objectives: () => at("objectives/"),
    objective: (id: string) => at(`objectives/${objectiveSlug(id)}/`),
    /** The subject threads of an objective, on pages of their own. */
    objectiveSubjects: (id: string) => at(`objectives/${objectiveSlug(id)}/subjects/`),
    metrics: () => at("metrics/"),
    /** One metric's chart and data table, a year per page. */
    metric: (id: string) => at(`metrics/${id}/`),
    incidents: () => at("incidents/"),
    incidentsYear: (year: number) => at(`incidents/${year}/`),
    incidentsSeverity: (severity: string) => at(`incidents/severity/${severitySlug(severity)}/`),
    projectsByObjective: (id: string) => at(`projects/objective/${objectiveSlug(id)}/`),
    projectsByStatus: (status: string) => at(`projects/status/${status}/`),
    reviews: () => at("reviews/"),
    review: (id: string) => at(`reviews/${id}/`),
    reviewCsv: (id: string) => at(`reviews/${id}.csv`),
    search: (q?: string) => at("search/") + (q ? `?q=${encodeURIComponent(q)}` : ""),
    asset: (path: string) => at(path.replace(/^\//, "")),
  };
}

export type Routes = ReturnType<typeof createRoutes>;

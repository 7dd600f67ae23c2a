import { t } from "../i18n/zh-CN.ts";
import { sortedRegistry } from "../lib/registry.ts";
import { createRoutes } from "../lib/routes.ts";
import type { WeekReport } from "../lib/report/model.ts";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { loadRegistry, startContentCheck, type ContentCheck } from "../lib/validate/load.ts";
import { archiveOf, archiveSearchRecords, parseWeekFile, visibleWeeks, weekLinks, withDistinctProjectSlugs } from "../lib/week-files.ts";
import { codeVersion, reportContextKey, WeekCache } from "../data/week-cache.ts";
import type { WeekJob } from "./week-job.ts";
import { runWeekJobs } from "./week-workers.ts";

export interface CheckedWeeks {
  check: ContentCheck;
  /** Set when the check passed: */
  passed?: {
    /** The search records of the archive the published weeks make, for indexing while Astro works. */
    records: SearchWeekRecord[];
    /** Drafts the build leaves out, as paths relative to the root. */
    drafts: string[];
    /** Where the parsed weeks are, for the pages (see data/week-cache.ts), and the code version that wrote them. */
    cache?: { file: string; version: string };
  };
}

/**
 * The build's week check, and — when it passes — every week parsed into the site's model, in one
 * pass over the files: each week's MDX is parsed once, by the check, and its tree goes straight to
 * the site's parser on the same thread (week-workers.ts spreads the weeks over the cores). The
 * parsed weeks are written to the week cache, which the pages read; the search records of the
 * archive they make are returned so indexing can start before Astro bundles anything.
 * An unchanged week is neither checked nor parsed again (week-cache.ts).
 */
export async function checkAndParseWeeks(input: {
  contentDir: string;
  root: string;
  base: string;
  staleAfterWeeks: number;
  /** Where to keep checks and parsed weeks (week-cache.ts); none: compute all, and the pages parse again. */
  cacheFile?: string;
  /** Threads for the check and parse (default: week-workers.ts decides). */
  threads?: number;
}): Promise<CheckedWeeks> {
  const version = input.cacheFile ? codeVersion(input.root) : "";
  const cache = input.cacheFile ? new WeekCache(input.cacheFile, version) : undefined;
  const run = startContentCheck(input.contentDir, input.root, { bodyCache: cache?.checks });
  const registry = sortedRegistry(loadRegistry(input.contentDir));
  const reportContext = reportContextKey(registry, input.base);
  const keyOf = (f: { path: string; source: string }) => [reportContext, f.path, f.source];

  const weeks = run.weekFiles.filter((f) => f.path.endsWith(".mdx") && !f.unreadable);
  const cached = weeks.map((f) => cache?.reports.get(keyOf(f)));
  const bodies = new Map(run.bodies.map((b) => [b.path, b]));
  const jobs: WeekJob[] = [];
  const jobOf = new Map<string, number>();
  weeks.forEach((f, i) => {
    const check = bodies.get(f.path);
    if (!check && cached[i]) return;
    jobOf.set(f.path, jobs.length);
    jobs.push({ path: f.path, source: f.source, check, parse: !cached[i] });
  });
  // The body cache stays here: the threads get what the checks read, as plain data.
  const { registry: checkRegistry, registryFile, publicFiles, allowedElements, weeksDir } = run.context;
  const context = { registry: checkRegistry, registryFile, publicFiles: publicFiles && [...publicFiles], allowedElements, weeksDir };
  const results = await runWeekJobs(jobs, { weeks: [...run.weeks], context, registry, base: input.base }, input.threads);

  const check = run.finish(run.bodies.map((b) => results[jobOf.get(b.path)!]!.problems));
  if (check.problems.some((p) => p.severity === "error")) {
    cache?.save();
    return { check };
  }
  const links = weekLinks(createRoutes(input.base));
  const files: { path: string; source: string; parsed: WeekReport }[] = [];
  weeks.forEach((f, i) => {
    const parsed = cached[i] ?? results[jobOf.get(f.path)!]?.parsed;
    // A week the parser rejects is left to the site, which stops the build with its error in context.
    if (!parsed) return;
    if (!cached[i]) cache?.reports.set(keyOf(f), parsed);
    files.push({ ...f, parsed });
  });
  cache?.save();
  const distinct = withDistinctProjectSlugs(
    files,
    files.map((f) => f.parsed),
    (f, derivedSlugs) => parseWeekFile(f.source, { file: f.path, registry, links, derivedSlugs }),
    registry,
  );
  // A build publishes no draft: the search records leave them out, as the pages do.
  const published = visibleWeeks(distinct, { drafts: false });
  const drafts = files.filter((f) => f.parsed.draft).map((f) => f.path);
  const records = archiveSearchRecords(archiveOf(published, registry, input.staleAfterWeeks), createRoutes(input.base), t.week);
  return { check, passed: { records, drafts, ...(input.cacheFile ? { cache: { file: input.cacheFile, version } } : {}) } };
}

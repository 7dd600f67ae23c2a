import { join, relative, resolve, sep } from "node:path";
import { t } from "../i18n/zh-CN.ts";
import type { PrefetchedWeeks } from "../lib/build-session.ts";
import { sortedRegistry } from "../lib/registry.ts";
import { createRoutes } from "../lib/routes.ts";
import { checkContentDir, loadRegistry, loadWeekFiles, type ContentCheck } from "../lib/validate/load.ts";
import type { ParsedWeekTree } from "../lib/validate/validate-week-files.ts";
import { archiveOf, archiveSearchRecords, parseWeekFile, visibleWeeks, weekLinks, withDistinctProjectSlugs, type ParsedWeekFile } from "../lib/week-files.ts";
import { codeVersion, WeekCache } from "./week-cache.ts";

/**
 * The build's week check, followed — when it passes — by the parse of every week into the site's
 * model from the check's own MDX trees. Done here, before Astro syncs and bundles, the trees are
 * dropped before the build's memory peak, and the search records exist early enough for Pagefind
 * (its own process) to index while Astro works. The data layer uses a parsed week only where it
 * matches its own base, registry and file text exactly (build-session.ts, prefetchLookup).
 * With a cache file, an unchanged week is neither checked nor parsed again (week-cache.ts).
 */
export function checkAndPrefetchWeeks(input: {
  contentDir: string;
  root: string;
  base: string;
  staleAfterWeeks: number;
  /** Where to keep checks and parsed weeks between builds (week-cache.ts); none: compute all. */
  cacheFile?: string;
}): { check: ContentCheck; prefetched?: PrefetchedWeeks; drafts?: string[] } {
  const cache = input.cacheFile ? new WeekCache(input.cacheFile, codeVersion(input.root)) : undefined;
  const trees = new Map<string, ParsedWeekTree>();
  const check = checkContentDir(input.contentDir, input.root, { onParsedWeek: (w) => trees.set(w.path, w), bodyCache: cache?.checks });
  if (check.problems.some((p) => p.severity === "error")) return { check };

  const registry = sortedRegistry(loadRegistry(input.contentDir));
  const routes = createRoutes(input.base);
  const links = weekLinks(routes);
  // What a parsed week depends on besides its own text.
  const context = JSON.stringify([registry, input.base]);
  const files: PrefetchedWeeks["files"] = [];
  for (const { path, source } of loadWeekFiles(join(input.contentDir, "weeks"), input.root)) {
    if (!path.endsWith(".mdx")) continue;
    const absolute = resolve(input.root, path);
    const key = [context, path, source];
    let parsed: ParsedWeekFile | undefined = cache?.reports.get(key);
    if (!parsed) {
      try {
        parsed = parseWeekFile(source, { file: absolute, registry, links, checked: trees.get(path) });
      } catch {
        // The site parses this week itself and stops the build with the error in context.
        continue;
      }
      cache?.reports.set(key, parsed);
    }
    files.push({ path: absolute, source, parsed });
  }
  const distinct = withDistinctProjectSlugs(
    files,
    files.map((f) => f.parsed),
    (f, derivedSlugs) => parseWeekFile(f.source, { file: f.path, registry, links, derivedSlugs }),
    registry,
  );
  distinct.forEach((parsed, i) => (files[i]!.parsed = parsed));
  trees.clear();
  cache?.save();
  // A build publishes no draft: the search records leave them out, as the pages do.
  const published = visibleWeeks(files.map((f) => f.parsed), { drafts: false });
  const drafts = files.filter((f) => f.parsed.report.draft).map((f) => relative(input.root, f.path).split(sep).join("/"));
  const archive = archiveOf(published, registry, input.staleAfterWeeks);
  const records = archiveSearchRecords(archive, routes, t.week);
  return { check, prefetched: { base: input.base, registry, files, records }, drafts };
}

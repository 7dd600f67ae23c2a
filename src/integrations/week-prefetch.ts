import { resolve } from "node:path";
import { t } from "../i18n/zh-CN.ts";
import type { PrefetchedWeeks } from "../lib/build-session.ts";
import type { Registry } from "../lib/registry.ts";
import { offerParsedWeek } from "../lib/report/shared-trees.ts";
import { createRoutes } from "../lib/routes.ts";
import { checkContentDir, loadRegistry, type ContentCheck } from "../lib/validate/load.ts";
import type { ParsedWeekTree } from "../lib/validate/validate-week-files.ts";
import { archiveOf, archiveSearchRecords, parseWeekFile, weekLinks } from "../lib/week-files.ts";

/** getCollection() lists entries by id; the data layer's registry, which the prefetch must equal, has that order. */
function inCollectionOrder(registry: Registry): Registry {
  const byKey = <T>(key: (e: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    projects: [...registry.projects].sort(byKey((p) => p.slug)),
    objectives: [...registry.objectives].sort(byKey((o) => o.id)),
  };
}

/**
 * The build's week check, followed — when it passes — by the parse of every week into the site's
 * model from the check's own MDX trees. Done here, before Astro syncs and bundles, the trees are
 * dropped before the build's memory peak, and the search records exist early enough for Pagefind
 * (its own process) to index while Astro works. The data layer uses a parsed week only where it
 * matches its own base, registry and file text exactly (build-session.ts, prefetchLookup).
 */
export function checkAndPrefetchWeeks(input: { contentDir: string; root: string; base: string; staleAfterWeeks: number }): {
  check: ContentCheck;
  prefetched?: PrefetchedWeeks;
} {
  const trees: ParsedWeekTree[] = [];
  const check = checkContentDir(input.contentDir, input.root, { onParsedWeek: (w) => trees.push(w) });
  if (check.problems.some((p) => p.severity === "error")) return { check };

  const registry = inCollectionOrder(loadRegistry(input.contentDir));
  const routes = createRoutes(input.base);
  const links = weekLinks(routes);
  const files: PrefetchedWeeks["files"] = [];
  for (const { path, source, text, tree } of trees.splice(0)) {
    const absolute = resolve(input.root, path);
    offerParsedWeek(source, text, tree);
    try {
      files.push({ path: absolute, source, parsed: parseWeekFile(source, { file: absolute, registry, links }) });
    } catch {
      // The site parses this week itself and stops the build with the error in context.
    }
  }
  const archive = archiveOf(
    files.map((f) => f.parsed),
    registry,
    input.staleAfterWeeks,
  );
  const records = archiveSearchRecords(archive, routes, { weekOf: t.week.weekOf, untitledSection: t.week.introSection });
  return { check, prefetched: { base: input.base, registry, files, records } };
}

import type { Registry } from "./registry.ts";
import type { SearchWeekRecord } from "./search/records.ts";
import type { ParsedWeekFile } from "./week-files.ts";

/**
 * What the integrations and the pages share during one `astro build`. Both run in one process but
 * as two module instances (the config's module graph and Vite's prerender bundle), hence a slot on
 * globalThis. Outside a build (dev server, tests, scripts) there is no session and every caller
 * falls back to its standalone behaviour.
 */
export interface BuildSession {
  /** Every week parsed right after the week check, from the check's trees (see integrations/week-prefetch.ts). */
  prefetched?: PrefetchedWeeks;
  /**
   * Given the site's search records once its archive is built, so the search integration can tell
   * whether the index it started from the prefetched records stands. Unset when nobody listens.
   */
  onSearchRecords?: (records: readonly SearchWeekRecord[]) => void;
}

export interface PrefetchedWeeks {
  /** The base URL and registry the weeks were parsed with: their links and project slugs depend on them. */
  base: string;
  registry: Registry;
  /** Weeks that parsed, by absolute path; a week the parser rejects is left to the site, which reports it. */
  files: { path: string; source: string; parsed: ParsedWeekFile }[];
  /** The search records of the archive these weeks make. */
  records: SearchWeekRecord[];
}

const SLOT = Symbol.for("weekly-archive.build-session");

type Slot = Record<symbol, BuildSession | undefined>;

/** Starts a build: content cannot change until it ends, so the archive is loaded once. */
export function beginBuildSession(session: BuildSession = {}): BuildSession {
  (globalThis as unknown as Slot)[SLOT] = session;
  return session;
}

export function currentBuildSession(): BuildSession | undefined {
  return (globalThis as unknown as Slot)[SLOT];
}

export function endBuildSession(): void {
  (globalThis as unknown as Slot)[SLOT] = undefined;
}

const trailingSlash = (base: string): string => (base.endsWith("/") ? base : `${base}/`);

/**
 * A lookup of prefetched weeks by absolute path and exact source text, or the reason the prefetch
 * cannot stand in for the site's own parse (another base URL or registry: links and slugs differ).
 */
export function prefetchLookup(
  prefetched: PrefetchedWeeks,
  site: { base: string; registry: Registry },
): { ok: true; get(path: string, source: string): ParsedWeekFile | undefined } | { ok: false; reason: string } {
  if (trailingSlash(prefetched.base) !== trailingSlash(site.base)) return { ok: false, reason: `base ${prefetched.base} ≠ ${site.base}` };
  if (JSON.stringify(prefetched.registry) !== JSON.stringify(site.registry)) return { ok: false, reason: "registry differs" };
  const byPath = new Map(prefetched.files.map((f) => [f.path, f]));
  return {
    ok: true,
    get(path, source) {
      const hit = byPath.get(path);
      return hit && hit.source === source ? hit.parsed : undefined;
    },
  };
}

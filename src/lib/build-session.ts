import type { SearchWeekRecord } from "./search/records.ts";

/**
 * What the integrations and the pages share during one `astro build`. Both run in one process but
 * as two module instances (the config's module graph and Vite's prerender bundle), hence a slot on
 * globalThis. Outside a build (dev server, tests, scripts) there is no session and every caller
 * falls back to its standalone behaviour.
 */
export interface BuildSession {
  /**
   * Given the search records as soon as the archive is built, so the Pagefind index is made while
   * pages render instead of after them. Unset when no search integration listens.
   */
  onSearchRecords?: (records: readonly SearchWeekRecord[]) => void;
}

const SLOT = Symbol.for("weekly-archive.build-session");

type Slot = Record<symbol, BuildSession | undefined>;

/** Starts a build: content cannot change until it ends, so the archive is loaded once. */
export function beginBuildSession(): BuildSession {
  const session: BuildSession = {};
  (globalThis as unknown as Slot)[SLOT] = session;
  return session;
}

export function currentBuildSession(): BuildSession | undefined {
  return (globalThis as unknown as Slot)[SLOT];
}

export function endBuildSession(): void {
  (globalThis as unknown as Slot)[SLOT] = undefined;
}

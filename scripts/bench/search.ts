/**
 * Search latency and bytes per query on a built product dist, through the search issue's harness
 * (scripts/search-quality.ts `measureBuiltSite`: the same `window.weeklyArchive.search` the /search/
 * page uses, against Ctrl+F truth from the rendered week pages).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { CATALOG_FILE, SEARCH_DATA_DIR } from "../../src/integrations/pagefind.ts";

export interface SearchFigures {
  queries: number;
  /** After the first search of a session, which loads Pagefind, its WebAssembly and the catalog. */
  medianMs: number;
  p95Ms: number;
  warmupMs: number;
  warmupBytes: number;
  medianBytes: number;
  meanBytes: number;
  recall: number;
  precision: number;
}

export interface SearchMeasure {
  /** What the /search/ page does: hits plus excerpts for the first page of them. */
  page: SearchFigures;
  /** `window.weeklyArchive.search`: every hit with an excerpt. */
  contract: SearchFigures;
}

export type SearchOutcome = { ok: true; figures: SearchMeasure } | { ok: false; reason: string };

const pick = (s: SearchFigures): SearchFigures => ({
  queries: s.queries,
  medianMs: s.medianMs,
  p95Ms: s.p95Ms,
  warmupMs: s.warmupMs,
  warmupBytes: s.warmupBytes,
  medianBytes: s.medianBytes,
  meanBytes: s.meanBytes,
  recall: s.recall,
  precision: s.precision,
});

export async function measureSearchLatency(browser: Browser, dist: string, queries: number): Promise<SearchOutcome> {
  if (!existsSync(join(dist, SEARCH_DATA_DIR, CATALOG_FILE)))
    return { ok: false, reason: "no search index in dist/ (pagefindIntegration not registered in astro.config.mjs)" };
  let harness: typeof import("../search-quality.ts");
  try {
    harness = await import("../search-quality.ts");
  } catch (e) {
    return { ok: false, reason: `search harness unavailable: ${(e as Error).message}` };
  }
  const { page, contract } = await harness.measureBuiltSite(dist, { queries, browser });
  return { ok: true, figures: { page: pick(page), contract: pick(contract) } };
}

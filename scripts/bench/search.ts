/**
 * Search latency and bytes per query on a built product dist, through the search issue's harness
 * (scripts/search-quality.ts `measureBuiltSite`: the same `window.weeklyArchive.search` the /search/
 * page uses, against Ctrl+F truth from the rendered week pages).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { CATALOG_FILE, SEARCH_DATA_DIR } from "../../src/integrations/search-index.ts";
import type { QualitySummary } from "../search-quality.ts";

export interface SearchFigures {
  queries: number;
  /** After the first search of a session, which loads Pagefind, its WebAssembly and the catalog. */
  medianMs: number;
  p95Ms: number;
  warmupMs: number;
  warmupBytes: number;
  medianBytes: number;
  meanBytes: number;
  /** The heaviest query of the session and its bytes. */
  maxBytes: number;
  maxBytesQuery: string;
  recall: number;
  precision: number;
  /** Queries whose answer changed when asked again in the same page (must be 0). */
  historyMismatches: number;
}

export interface SearchMeasure {
  /** What the /search/ page does: hits plus excerpts for the first page of them. */
  page: SearchFigures;
  /** `window.weeklyArchive.search`: every hit with an excerpt. */
  contract: SearchFigures;
  /** The worst case for bytes: the commonest characters, each query first thing in a fresh page. */
  worst: { query: string; bytes: number; ms: number };
}

export type SearchOutcome = { ok: true; figures: SearchMeasure } | { ok: false; reason: string };

const pick = (s: QualitySummary): SearchFigures => ({
  queries: s.queries,
  medianMs: s.medianMs,
  p95Ms: s.p95Ms,
  warmupMs: s.warmupMs,
  warmupBytes: s.warmupBytes,
  medianBytes: s.medianBytes,
  meanBytes: s.meanBytes,
  maxBytes: s.maxBytes,
  maxBytesQuery: s.maxBytesQuery,
  recall: s.recall,
  precision: s.precision,
  historyMismatches: s.historyMismatches.length,
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
  const { page, contract, cold } = await harness.measureBuiltSite(dist, { queries, browser });
  const worst = cold.reduce((a, c) => (c.bytes > a.bytes ? c : a), { query: "", bytes: 0, ms: 0 });
  return { ok: true, figures: { page: pick(page), contract: pick(contract), worst: { query: worst.query, bytes: worst.bytes, ms: worst.ms } } };
}

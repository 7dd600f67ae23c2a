/**
 * Search latency and bytes per query on a built product dist, through the search issue's harness
 * (scripts/search-quality.ts: the same `window.weeklyArchive.search` the /search/ page uses).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { CATALOG_FILE, SEARCH_DATA_DIR } from "../../src/integrations/pagefind.ts";
import { serveStatic } from "../../tests/e2e/static-server.ts";

export interface SearchFigures {
  queries: number;
  medianMs: number;
  p95Ms: number;
  /** First search of a session: loads Pagefind, its WebAssembly and the catalog. */
  warmupMs: number;
  warmupBytes: number;
  medianBytes: number;
  meanBytes: number;
  recall: number;
  precision: number;
}

export type SearchOutcome = { ok: true; figures: SearchFigures } | { ok: false; reason: string };

export async function measureSearchLatency(browser: Browser, dist: string, queries: number): Promise<SearchOutcome> {
  if (!existsSync(join(dist, SEARCH_DATA_DIR, CATALOG_FILE)))
    return { ok: false, reason: "no search index in dist/ (pagefindIntegration not registered in astro.config.mjs)" };
  let harness: typeof import("../search-quality.ts");
  try {
    harness = await import("../search-quality.ts");
  } catch (e) {
    return { ok: false, reason: `search harness unavailable: ${(e as Error).message}` };
  }
  const server = await serveStatic(dist);
  const truthContext = await browser.newContext();
  // A fresh context (empty HTTP cache): the timed session starts with nothing loaded, as a reader's would.
  const context = await browser.newContext();
  try {
    const texts = await harness.collectPageTexts(await truthContext.newPage(), server.url);
    await truthContext.close();
    const cases = harness.makeQueries(texts, queries);
    const summary = harness.summarize(texts, await harness.runQueries(await context.newPage(), server, cases));
    return {
      ok: true,
      figures: {
        queries: summary.queries,
        medianMs: summary.medianMs,
        p95Ms: summary.p95Ms,
        warmupMs: summary.warmupMs,
        warmupBytes: summary.warmupBytes,
        medianBytes: summary.medianBytes,
        meanBytes: summary.meanBytes,
        recall: summary.recall,
        precision: summary.precision,
      },
    };
  } finally {
    await truthContext.close();
    await context.close();
    await server.close();
  }
}

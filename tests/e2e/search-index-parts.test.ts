import { cpSync, readFileSync, rmSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageTexts, commonestCharacters, makeQueries, prepareSearchSite, truthFor, type PageText } from "../../scripts/search-quality.ts";
import { buildSearchFiles, CATALOG_FILE, SEARCH_DATA_DIR, writeSearchFiles } from "../../src/integrations/search-index.ts";
import { checkAndParseWeeks } from "../../src/integrations/checked-weeks.ts";
import { splitBySize } from "../../src/lib/search/index-parts.ts";
import { foldText } from "../../src/lib/search/normalize.ts";
import type { SearchWeekRecord } from "../../src/lib/search/records.ts";
import { indexContentLength } from "../../src/lib/search/tokens.ts";
import { siteConfig } from "../../src/site.config.ts";
import { launchBrowser, type PageProblems } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

// One small prose corpus, built once: its own index (one part), and the same site with the index
// split into parts by a budget a fraction of the corpus, so several Pagefind indexes must be merged.
const PARTS = 4;
let one: StaticServer;
let split: StaticServer;
let browser: Browser;
let pages: PageText[];
let lastPart: SearchWeekRecord[];
let splitDist: string;
const problems: PageProblems[] = [];

const sizeOf = (r: SearchWeekRecord): number => indexContentLength(foldText(r.text));

beforeAll(async () => {
  const site = prepareSearchSite({ count: 40, name: "search-parts-e2e", corpus: "prose", reuse: process.env.SKIP_BUILD === "1" });
  // The records the build indexed: the week check gives the site's own.
  const records = (await checkAndParseWeeks({ contentDir: site.contentDir, root: process.cwd(), base: "/", staleAfterWeeks: siteConfig.staleAfterWeeks }))
    .passed!.records;
  const budget = Math.ceil(records.reduce((a, r) => a + sizeOf(r), 0) / PARTS);
  const built = await buildSearchFiles(records, { partBytes: budget });
  expect(built.indexes).toBeGreaterThanOrEqual(PARTS);
  lastPart = splitBySize(records, sizeOf, budget).at(-1)!;
  splitDist = `${site.dist}-parts`;
  rmSync(splitDist, { recursive: true, force: true });
  cpSync(site.dist, splitDist, { recursive: true });
  writeSearchFiles(splitDist, built.files);

  one = await serveStatic(site.dist);
  split = await serveStatic(splitDist);
  browser = await launchBrowser();
  const context = await browser.newContext();
  pages = await collectPageTexts(await context.newPage(), one.url);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await one?.close();
  await split?.close();
});

/** The search page, with every request it makes (from the start: the page may warm Pagefind up on load). */
async function searchPage(server: StaticServer): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const seen: PageProblems = { consoleErrors: [], failedRequests: [] };
  problems.push(seen);
  page.on("request", (req) => requests.push(new URL(req.url()).pathname));
  page.on("console", (msg) => msg.type() === "error" && seen.consoleErrors.push(msg.text()));
  page.on("pageerror", (err) => seen.consoleErrors.push(String(err)));
  page.on("requestfailed", (req) => seen.failedRequests.push(`${req.url()} ${req.failure()?.errorText ?? ""}`));
  page.on("response", (res) => res.status() >= 400 && seen.failedRequests.push(`${res.url()} ${res.status()}`));
  await page.goto(`${server.url}search/`, { waitUntil: "networkidle" });
  await page.waitForFunction(() => !!(window as unknown as { weeklyArchive?: unknown }).weeklyArchive);
  return { page, requests };
}

/** Every query's whole answer (hits with counts and excerpts, chips), through the page's own search function. */
async function answers(page: Page, queries: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const q of queries)
    out.set(
      q,
      await page.evaluate(
        async (query) =>
          JSON.stringify(await (window as unknown as { weeklyArchive: { searchDetailed(q: string): Promise<unknown> } }).weeklyArchive.searchDetailed(query)),
        q,
      ),
    );
  return out;
}

/** A term of 3–4 characters that only one week of the last part contains. */
function rareTermOfLastPart(): { term: string; url: string } {
  const folded = pages.map((p) => foldText(p.text));
  for (const record of [...lastPart].reverse()) {
    const text = foldText(pages.find((p) => p.url === record.url)!.text);
    for (let at = 0; at + 4 <= text.length; at++) {
      const term = text.slice(at, at + 4);
      if (/\s/.test(term)) continue;
      if (folded.filter((f) => f.includes(term)).length === 1) return { term, url: record.url };
    }
  }
  throw new Error("no week of the last part has a term of its own");
}

describe("a search index split into parts", () => {
  it("answers every query exactly as the one index does: one character, phrases, a rare word of the last part", async () => {
    const rare = rareTermOfLastPart();
    expect(truthFor(pages, rare.term)).toEqual(new Set([rare.url]));
    const queries = [
      ...commonestCharacters(pages, 3),
      "a",
      "9",
      "。",
      '"vue 3"',
      '"X 光"',
      "存管 路由",
      rare.term,
      ...makeQueries(pages, 40, 5).map((c) => c.query),
    ];
    const a = await searchPage(one);
    const b = await searchPage(split);
    const expected = await answers(a.page, queries);
    const got = await answers(b.page, queries);
    const urls = (answer: string): string[] => (JSON.parse(answer) as { hits: { url: string }[] }).hits.map((h) => h.url);
    for (const q of queries) {
      expect(urls(got.get(q)!), q).toEqual(urls(expected.get(q)!));
      expect(got.get(q) === expected.get(q), `${q}: the same weeks, but other counts, excerpts or chips`).toBe(true);
    }
    // Not vacuous: the answers have the weeks Ctrl+F finds, and the further indexes were read.
    for (const q of [commonestCharacters(pages, 1)[0]!, '"vue 3"', rare.term]) expect(new Set(urls(got.get(q)!)), q).toEqual(truthFor(pages, q));
    expect(b.requests.filter((p) => /^\/pagefind-\d+\/index\//.test(p)).length).toBeGreaterThan(0);
    expect(a.requests.filter((p) => /^\/pagefind-\d+\//.test(p))).toEqual([]);
    await a.page.close();
    await b.page.close();
  });

  it("lists the further indexes in the catalog, and loads each one's metadata once", async () => {
    const catalog = JSON.parse(gunzipSync(readFileSync(`${splitDist}/${SEARCH_DATA_DIR}/${CATALOG_FILE}`)).toString("utf8")) as { indexes?: string[] };
    expect(catalog.indexes?.length).toBeGreaterThanOrEqual(PARTS - 1);
    const { page, requests } = await searchPage(split);
    await answers(page, ["的", "存管"]);
    for (const dir of ["pagefind/", ...catalog.indexes!])
      expect(
        requests.filter((p) => p.startsWith(`/${dir}pagefind.`) && p.endsWith(".pf_meta")),
        dir,
      ).toHaveLength(1);
    await page.close();
  });

  it("loads without a failed request or console error", () => {
    expect(problems.flatMap((p) => [...p.consoleErrors, ...p.failedRequests])).toEqual([]);
  });
});

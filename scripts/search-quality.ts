/**
 * Search quality and cost on a generated corpus, measured in Chromium through the same function the
 * /search/ page uses (`window.weeklyArchive.search`).
 *   npm run search-quality -- [--count 150] [--queries 300] [--seed 1] [--reuse]
 * Prints recall and precision against Ctrl+F truth (folded substring search over each week page's
 * visible text), false hits for absent terms, latency (median/p95 after the first search) and bytes
 * fetched per query. The functions are exported for the e2e test and the archive benchmark.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { ABSENT_TERMS, generateCorpus, mulberry32 } from "./lib/generate-corpus.ts";
import { foldText } from "../src/lib/search/normalize.ts";
import { parseQuery } from "../src/lib/search/query.ts";
import { CATALOG_FILE, SEARCH_DATA_DIR } from "../src/integrations/pagefind.ts";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { serveStatic, type StaticServer } from "../tests/e2e/static-server.ts";
import type { SearchHit, SearchOptions, SearchResult } from "../src/lib/search/engine.ts";

/** What the search page puts on `window` (see src/scripts/search/page.ts). */
interface WeeklyArchiveApi {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  searchDetailed(query: string, options?: SearchOptions): Promise<SearchResult>;
}

export interface SearchSite {
  contentDir: string;
  dist: string;
  /** Wall time of the site build, or 0 when an existing build was reused. */
  buildMs: number;
}

export interface PrepareOptions {
  count: number;
  seed?: number;
  /** Folder under tmp/; default `search-quality-<count>`. */
  name?: string;
  /** Keep an existing build of the same corpus. */
  reuse?: boolean;
  /** Another Astro config (e.g. one that adds an integration); default the project's. */
  config?: string;
}

const CATALOG = join(SEARCH_DATA_DIR, CATALOG_FILE);

/**
 * The environment for a child `astro build`. Under Vitest, process.env carries DEV=1, MODE=test,
 * SSR, BASE_URL and NODE_ENV=test; inherited, they make Astro build in dev mode, where the archive is
 * re-parsed for every page (minutes instead of seconds).
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST.*|TEST|DEV|PROD|MODE|SSR|BASE_URL|NODE_ENV)$/.test(key)) delete env[key];
  return env;
}

/** Writes the corpus (generated weeks + the real seed week + registry files) and builds the site. */
export function prepareSearchSite(options: PrepareOptions): SearchSite {
  const base = join("tmp", options.name ?? `search-quality-${options.count}`);
  const contentDir = join(base, "content");
  const dist = join(base, "dist");
  if (options.reuse && existsSync(join(dist, CATALOG))) return { contentDir, dist, buildMs: 0 };
  rmSync(base, { recursive: true, force: true });
  mkdirSync(join(contentDir, "weeks"), { recursive: true });
  for (const w of generateCorpus({ count: options.count, seed: options.seed ?? 1, skipWeeks: ["2024-W17"] }))
    writeFileSync(join(contentDir, "weeks", w.fileName), w.source);
  copyFileSync(join("content", "weeks", "2024-W17.mdx"), join(contentDir, "weeks", "2024-W17.mdx"));
  for (const f of ["projects.yaml", "objectives.yaml", "metrics.yaml"])
    if (existsSync(join("content", f))) copyFileSync(join("content", f), join(contentDir, f));
  const started = performance.now();
  const args = ["node_modules/astro/bin/astro.mjs", "build", "--outDir", resolve(dist)];
  const config = options.config ?? process.env.SEARCH_QUALITY_ASTRO_CONFIG;
  if (config) args.push("--config", config);
  execFileSync(process.execPath, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...buildEnv(), WEEKLY_ARCHIVE_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  if (!existsSync(join(dist, CATALOG)))
    throw new Error("构建结果里没有搜索索引：请在 astro.config.mjs 注册 pagefindIntegration()（no search index in the build）");
  return { contentDir, dist, buildMs: performance.now() - started };
}

export interface PageText {
  week: string;
  url: string;
  /** What a reader sees: the week title and the report body (innerText). */
  text: string;
}

/** Truth comes from the rendered pages, not from our index data: title + `article.week-body` innerText. */
export async function collectPageTexts(page: Page, siteUrl: string): Promise<PageText[]> {
  await page.goto(`${siteUrl}search/`, { waitUntil: "domcontentloaded" });
  const catalog = (await page.evaluate(async (url) => {
    const body = (await fetch(url)).body!.pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(body).text());
  }, `${siteUrl}${SEARCH_DATA_DIR}/${CATALOG_FILE}`)) as { weeks: { week: string; url: string }[] };
  const texts: PageText[] = [];
  for (const w of catalog.weeks) {
    await page.goto(new URL(w.url, siteUrl).href, { waitUntil: "domcontentloaded" });
    const text = await page.evaluate(() => {
      const title = document.querySelector(".week-title")?.textContent ?? "";
      const body = document.querySelector<HTMLElement>("article.week-body")?.innerText ?? "";
      return `${title}\n${body}`;
    });
    texts.push({ week: w.week, url: w.url, text });
  }
  return texts;
}

export type QueryKind = "cjk" | "latin" | "mixed" | "single" | "and" | "fixed" | "absent";

export interface QueryCase {
  query: string;
  kind: QueryKind;
}

const LATIN = /[A-Za-z0-9]/;
const CJK = /\p{Script=Han}/u;

/** Random 2–5 character substrings of page texts (CJK, Latin/number, mixed), AND pairs, singles, absent terms. */
export function makeQueries(pages: readonly PageText[], total: number, seed = 7): QueryCase[] {
  // Deterministic: the same seed gives the same query set.
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const substring = (want: (s: string) => boolean, min = 2, max = 5): string => {
    for (let tries = 0; tries < 200; tries++) {
      const chars = [...pick(pages).text];
      const n = min + Math.floor(rand() * (max - min + 1));
      const at = Math.floor(rand() * Math.max(1, chars.length - n));
      const s = chars.slice(at, at + n).join("");
      if ([...s].length === n && !/\s/.test(s) && want(s)) return s;
    }
    return pick(pages).text.slice(0, 2);
  };
  const cases: QueryCase[] = [
    { query: "OOM", kind: "fixed" },
    { query: "POS", kind: "fixed" },
    { query: "99.997%", kind: "fixed" },
    { query: "存管路由", kind: "fixed" },
    { query: "Showcase", kind: "fixed" },
  ];
  const allFolded = pages.map((p) => foldText(p.text));
  const absentTarget = Math.round(total * 0.1);
  const absent = ABSENT_TERMS.filter((t) => !allFolded.some((f) => f.includes(foldText(t))));
  for (const t of absent.slice(0, Math.ceil(absentTarget / 2))) cases.push({ query: t, kind: "absent" });
  // Plausible terms made of characters the corpus uses, absent as a whole.
  const hanChars = [...new Set(allFolded.join("").match(/\p{Script=Han}/gu) ?? [])];
  for (let tries = 0; cases.filter((c) => c.kind === "absent").length < absentTarget && tries < 10_000; tries++) {
    const term = Array.from({ length: 3 + Math.floor(rand() * 2) }, () => pick(hanChars)).join("");
    if (term && !allFolded.some((f) => f.includes(term))) cases.push({ query: term, kind: "absent" });
  }
  const plan: [QueryKind, number][] = [
    ["cjk", 0.48],
    ["latin", 0.15],
    ["mixed", 0.15],
    ["and", 0.17],
    ["single", 0.05],
  ];
  const remaining = Math.max(0, total - cases.length);
  for (const [kind, share] of plan) {
    const n = Math.max(1, Math.round(remaining * share));
    for (let i = 0; i < n; i++) {
      if (kind === "cjk") cases.push({ kind, query: substring((s) => [...s].every((c) => CJK.test(c))) });
      if (kind === "latin") cases.push({ kind, query: substring((s) => [...s].every((c) => LATIN.test(c) || /[.%+\-/:]/.test(c)) && LATIN.test(s)) });
      if (kind === "mixed") cases.push({ kind, query: substring((s) => LATIN.test(s) && CJK.test(s)) });
      if (kind === "single") cases.push({ kind, query: substring(() => true, 1, 1) });
      if (kind === "and") cases.push({ kind, query: `${substring(() => true, 2, 3)} ${substring(() => true, 2, 3)}` });
    }
  }
  return cases;
}

/** Ctrl+F truth: weeks whose folded page text contains every folded term. */
export function truthFor(pages: readonly PageText[], query: string, folded = pages.map((p) => foldText(p.text))): Set<string> {
  const terms = parseQuery(query).terms;
  return new Set(pages.filter((_, i) => terms.every((t) => folded[i]!.includes(t))).map((p) => p.url));
}

/** Case- and width-sensitive truth, for reference: a plain `includes` over the raw text. */
export function strictTruthFor(pages: readonly PageText[], query: string): Set<string> {
  const terms = query.split(/\s+/).filter(Boolean);
  return new Set(pages.filter((p) => terms.every((t) => p.text.includes(t))).map((p) => p.url));
}

const WARMUP_QUERY = "量子纠缠";

export interface QueryRun {
  query: string;
  kind: QueryKind;
  urls: string[];
  /** Pages in rank order carry `phrase` then week; true when the order obeys the ranking rule. */
  ordered: boolean;
  ms: number;
  bytes: number;
}

/** Opens the search page and runs every query through `window.weeklyArchive.search`, one at a time. */
export async function runQueries(
  page: Page,
  server: StaticServer,
  cases: readonly QueryCase[],
  options: { excerpts?: number } = {},
): Promise<{ warmupMs: number; warmupBytes: number; pageBytes: number; runs: QueryRun[] }> {
  server.bytes.total = 0;
  await page.goto(`${server.url}search/`, { waitUntil: "networkidle" });
  await page.waitForFunction(() => !!(window as unknown as { weeklyArchive?: unknown }).weeklyArchive);
  const pageBytes = server.bytes.total;
  const timed = async (query: string) => {
    server.bytes.total = 0;
    const r = await page.evaluate(
      async ({ query, excerpts }) => {
        const started = performance.now();
        const archive = (window as unknown as { weeklyArchive: WeeklyArchiveApi }).weeklyArchive;
        const hits =
          excerpts === undefined ? await archive.search(query) : (await archive.searchDetailed(query, { excerpts })).hits;
        const ms = performance.now() - started;
        return { ms, hits: hits.map((h) => ({ url: h.url, week: h.week, phrase: h.phrase })) };
      },
      { query, excerpts: options.excerpts },
    );
    return { ...r, bytes: server.bytes.total };
  };
  // The first search loads Pagefind, its WebAssembly and the catalog: reported apart. An absent
  // term keeps text shards out of it, so later queries pay for the shards they need.
  const warm = await timed(WARMUP_QUERY);
  const runs: QueryRun[] = [];
  for (const c of cases) {
    const r = await timed(c.query);
    const ordered = r.hits.every((h, i) => {
      const prev = r.hits[i - 1];
      return !prev || Number(prev.phrase) > Number(h.phrase) || (prev.phrase === h.phrase && prev.week > h.week);
    });
    runs.push({ query: c.query, kind: c.kind, urls: r.hits.map((h) => h.url), ordered, ms: r.ms, bytes: r.bytes });
  }
  return { warmupMs: warm.ms, warmupBytes: warm.bytes, pageBytes, runs };
}

export interface QualitySummary {
  weeks: number;
  queries: number;
  recall: number;
  precision: number;
  /** Against case- and width-sensitive truth (reference only). */
  strictPrecision: number;
  exactQueries: number;
  absentQueries: number;
  absentFalseHits: number;
  misordered: number;
  duplicateHits: number;
  fixed: Record<string, number>;
  warmupMs: number;
  warmupBytes: number;
  pageBytes: number;
  medianMs: number;
  p95Ms: number;
  medianBytes: number;
  meanBytes: number;
  failures: { query: string; missed: string[]; extra: string[] }[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

export function summarize(pages: readonly PageText[], result: Awaited<ReturnType<typeof runQueries>>): QualitySummary {
  const folded = pages.map((p) => foldText(p.text));
  let tp = 0;
  let truthTotal = 0;
  let hitTotal = 0;
  let strictTp = 0;
  let exact = 0;
  const failures: QualitySummary["failures"] = [];
  const fixed: Record<string, number> = {};
  for (const r of result.runs) {
    const truth = truthFor(pages, r.query, folded);
    const strict = strictTruthFor(pages, r.query);
    const got = new Set(r.urls);
    const hitsInTruth = r.urls.filter((u) => truth.has(u)).length;
    tp += hitsInTruth;
    strictTp += r.urls.filter((u) => strict.has(u)).length;
    truthTotal += truth.size;
    hitTotal += r.urls.length;
    const missed = [...truth].filter((u) => !got.has(u));
    const extra = r.urls.filter((u) => !truth.has(u));
    if (missed.length === 0 && extra.length === 0) exact++;
    else failures.push({ query: r.query, missed, extra });
    if (r.kind === "fixed") fixed[r.query] = r.urls.length;
  }
  const absentRuns = result.runs.filter((r) => r.kind === "absent");
  const timing = result.runs.map((r) => r.ms);
  const bytes = result.runs.map((r) => r.bytes);
  return {
    weeks: pages.length,
    queries: result.runs.length,
    recall: truthTotal ? tp / truthTotal : 1,
    precision: hitTotal ? tp / hitTotal : 1,
    strictPrecision: hitTotal ? strictTp / hitTotal : 1,
    exactQueries: exact,
    absentQueries: absentRuns.length,
    absentFalseHits: absentRuns.reduce((a, r) => a + r.urls.length, 0),
    misordered: result.runs.filter((r) => !r.ordered).length,
    duplicateHits: result.runs.reduce((a, r) => a + r.urls.length - new Set(r.urls).size, 0),
    fixed,
    warmupMs: result.warmupMs,
    warmupBytes: result.warmupBytes,
    pageBytes: result.pageBytes,
    medianMs: percentile(timing, 0.5),
    p95Ms: percentile(timing, 0.95),
    medianBytes: percentile(bytes, 0.5),
    meanBytes: bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length),
    failures,
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function formatSummary(label: string, s: QualitySummary): string {
  return [
    `${label}: ${s.weeks} weeks, ${s.queries} queries`,
    `  recall ${s.recall.toFixed(4)}  precision ${s.precision.toFixed(4)}  (exact result set for ${s.exactQueries}/${s.queries} queries; precision vs case/width-sensitive truth ${s.strictPrecision.toFixed(4)})`,
    `  absent terms: ${s.absentQueries} queries, ${s.absentFalseHits} false hits;  rank order violations: ${s.misordered};  duplicate weeks: ${s.duplicateHits}`,
    `  fixed: ${Object.entries(s.fixed).map(([q, n]) => `${q}→${n}`).join("  ")}`,
    `  search page ${kb(s.pageBytes)};  first search (loads Pagefind + catalog) ${s.warmupMs.toFixed(0)} ms, ${kb(s.warmupBytes)}`,
    `  per query after that: median ${s.medianMs.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms;  bytes median ${kb(s.medianBytes)}, mean ${kb(s.meanBytes)}`,
    ...s.failures.slice(0, 5).map((f) => `  ✗ ${JSON.stringify(f.query)} missed ${f.missed.length}, extra ${f.extra.length}`),
  ].join("\n");
}

export interface QualityRun {
  site: SearchSite;
  /** `window.weeklyArchive.search`: every hit with an excerpt. */
  contract: QualitySummary;
  /** What the page does: hits plus excerpts for the first 20. */
  page: QualitySummary;
}

export interface MeasureOptions {
  /** Number of queries (default 300) and the seed of the query set (default 7). */
  queries?: number;
  querySeed?: number;
  /** Site deploy sub-path, when the build used BASE_PATH. */
  base?: string;
  browser?: Browser;
}

/** Measures search on an already built site (any corpus): the contract function and the page's path. */
export async function measureBuiltSite(dist: string, options: MeasureOptions = {}): Promise<{ contract: QualitySummary; page: QualitySummary }> {
  const server = await serveStatic(dist, 0, options.base ?? "/");
  const browser = options.browser ?? (await launchBrowser());
  try {
    const context = await browser.newContext();
    const pages = await collectPageTexts(await context.newPage(), server.url);
    await context.close();
    const cases = makeQueries(pages, options.queries ?? 300, options.querySeed ?? 7);
    const fresh = async (excerpts?: number): Promise<QualitySummary> => {
      const ctx = await browser.newContext();
      try {
        return summarize(pages, await runQueries(await ctx.newPage(), server, cases, { excerpts }));
      } finally {
        await ctx.close();
      }
    };
    const contract = await fresh();
    const page = await fresh(PAGE_EXCERPTS);
    return { contract, page };
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
}

/** The search page builds excerpts for this many hits at a time. */
const PAGE_EXCERPTS = 20;

/** Builds (or reuses) the corpus site, then measures it. */
export async function measureSearch(options: PrepareOptions & MeasureOptions): Promise<QualityRun> {
  const site = prepareSearchSite(options);
  return { site, ...(await measureBuiltSite(site.dist, options)) };
}

if (import.meta.main) {
  // 1. Arguments.
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "150" },
      queries: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
      reuse: { type: "boolean", default: false },
      config: { type: "string" },
      /** Measure an existing build instead of generating one. */
      dist: { type: "string" },
      base: { type: "string", default: "/" },
    },
  });
  const queries = Number(values.queries);
  // 2. Build (or reuse) the corpus site, collect page texts, run the queries twice (contract, page path).
  const run: { site?: SearchSite; contract: QualitySummary; page: QualitySummary } = values.dist
    ? await measureBuiltSite(values.dist, { queries, base: values.base })
    : await measureSearch({ count: Number(values.count), seed: Number(values.seed), queries, reuse: values.reuse, config: values.config });
  // 3. Report; the exit code says whether the acceptance thresholds hold.
  if (run.site?.buildMs) console.log(`build: ${(run.site.buildMs / 1000).toFixed(1)} s (${run.site.dist})`);
  console.log(formatSummary("window.weeklyArchive.search (all excerpts)", run.contract));
  console.log(formatSummary(`search page path (excerpts for the first ${PAGE_EXCERPTS} hits)`, run.page));
  const ok = run.contract.recall >= 0.99 && run.contract.precision >= 0.99 && run.contract.absentFalseHits === 0;
  process.exitCode = ok ? 0 : 1;
}

/**
 * Search quality and cost on a generated corpus, measured in Chromium through the same function the
 * /search/ page uses (`window.weeklyArchive.search`).
 *   npm run search-quality -- [--count 150] [--queries 300] [--seed 1] [--corpus seed|prose] [--reuse]
 *   npm run search-quality -- --content path/to/content   (build a real archive's weeks instead)
 *   npm run search-quality -- --dist path/to/dist         (measure any built site)
 * Prints recall and precision against Ctrl+F truth (folded substring search over each week page's
 * visible text; quoted phrases: the terms back to back, whitespace between allowed) for every query
 * class — substrings, one character (the commonest ones included), phrases with a one-character term
 * at either end, terms next to punctuation, AND pairs, absent terms — whether the same queries asked
 * again in another order in the same page give the same answers (history), latency (median/p95 after
 * the first search), bytes per query and the heaviest query's bytes from a cold page.
 * The functions are exported for the e2e test and the archive benchmark.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { buildCorpusSite, buildSite } from "./lib/corpus-site.ts";
import { ABSENT_TERMS, mulberry32 } from "./lib/generate-corpus.ts";
import { foldText } from "../src/lib/search/normalize.ts";
import { findPhrase } from "../src/lib/search/match.ts";
import { parseQuery } from "../src/lib/search/query.ts";
import { CATALOG_FILE, SEARCH_DATA_DIR } from "../src/integrations/search-index.ts";
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
  /** `seed`: the seed week's vocabulary; `prose`: plus paragraphs of prose with spaces, Latin words, numbers, punctuation. */
  corpus?: "seed" | "prose";
  /** An existing content folder (`weeks/` and registries) to build instead of a generated corpus, e.g. a real archive. */
  content?: string;
}

const CATALOG = join(SEARCH_DATA_DIR, CATALOG_FILE);

/** Writes the corpus (generated weeks + the real seed week + registry files) and builds the site. */
export function prepareSearchSite(options: PrepareOptions): SearchSite {
  const name = options.name ?? (options.content ? "search-quality-content" : `search-quality-${options.corpus ?? "seed"}-${options.count}`);
  const config = options.config ?? process.env.SEARCH_QUALITY_ASTRO_CONFIG;
  // A build without a search index is not one to measure again.
  const reuse = options.reuse === true && existsSync(join("tmp", name, "dist", CATALOG));
  const site: SearchSite = options.content
    ? buildContentSite(name, options.content, reuse, config)
    : buildCorpusSite(name, { count: options.count, seed: options.seed, prose: options.corpus === "prose" }, { reuse, config });
  if (!existsSync(join(site.dist, CATALOG)))
    throw new Error("构建结果里没有搜索索引：请在 astro.config.mjs 注册 pagefindIntegration()（no search index in the build）");
  return site;
}

/** An existing content folder (a real archive), built as it is into tmp/<name>/dist. */
function buildContentSite(name: string, contentDir: string, reuse: boolean, config: string | undefined): SearchSite {
  const dist = join("tmp", name, "dist");
  if (reuse) return { contentDir, dist, buildMs: 0 };
  rmSync(join("tmp", name), { recursive: true, force: true });
  return { contentDir, dist, buildMs: buildSite({ contentDir, outDir: dist, config }) };
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

export type QueryKind = "cjk" | "latin" | "mixed" | "single" | "phrase" | "punct" | "and" | "fixed" | "absent";

export const QUERY_KINDS: readonly QueryKind[] = ["cjk", "latin", "mixed", "single", "phrase", "punct", "and", "fixed", "absent"];

export interface QueryCase {
  query: string;
  kind: QueryKind;
}

const LATIN = /[A-Za-z0-9]/;
const CJK = /\p{Script=Han}/u;
const PUNCT = /[\p{P}\p{S}]/u;

/** The `n` characters found in the most pages (ties by code point): the costliest one-character queries. */
export function commonestCharacters(pages: readonly PageText[], n: number): string[] {
  const pagesWith = new Map<string, number>();
  for (const p of pages) for (const c of new Set(foldText(p.text))) if (c.trim()) pagesWith.set(c, (pagesWith.get(c) ?? 0) + 1);
  return [...pagesWith]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([c]) => c);
}

/**
 * Random substrings of page texts by class (CJK, Latin/number, mixed, next to punctuation), AND
 * pairs, one-character queries (commonest characters, digits and letters, any character), quoted
 * phrases with a one-character term at the start or the end (cut from the text, with its spacing
 * or without), and absent terms.
 */
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
  /** A stretch of text with 2–6 non-space characters and its own spacing, cut into a phrase with a one-character edge. */
  const edgePhrase = (): string => {
    for (let tries = 0; tries < 200; tries++) {
      const text = pick(pages).text;
      const at = Math.floor(rand() * text.length);
      const want = 2 + Math.floor(rand() * 5);
      let end = at;
      let n = 0;
      while (end < text.length && n < want) {
        if (!/\s/.test(text[end]!)) n++;
        end++;
      }
      const terms = text.slice(at, end).split(/\s+/).filter(Boolean);
      if (n < 2 || terms.length === 0 || /\n/.test(text.slice(at, end))) continue;
      // Cut a one-character term off the start or the end unless the text already has one there.
      const edgeAlready = [...terms[0]!].length === 1 || [...terms[terms.length - 1]!].length === 1;
      if (!edgeAlready) {
        if (rand() < 0.5) {
          const [first, ...rest] = [...terms[0]!];
          terms.splice(0, 1, first!, rest.join(""));
        } else {
          const chars = [...terms[terms.length - 1]!];
          terms.splice(terms.length - 1, 1, chars.slice(0, -1).join(""), chars[chars.length - 1]!);
        }
      }
      return `"${terms.filter(Boolean).join(" ")}"`;
    }
    return `"${pick(pages).text.slice(0, 1)}"`;
  };
  const cases: QueryCase[] = [
    { query: "OOM", kind: "fixed" },
    { query: "POS", kind: "fixed" },
    { query: "99.997%", kind: "fixed" },
    { query: "存管路由", kind: "fixed" },
    { query: "Showcase", kind: "fixed" },
  ];
  const allFolded = pages.map((p) => foldText(p.text));
  const absentTarget = Math.round(total * 0.08);
  const absent = ABSENT_TERMS.filter((t) => !allFolded.some((f) => f.includes(foldText(t))));
  for (const t of absent.slice(0, Math.ceil(absentTarget / 2))) cases.push({ query: t, kind: "absent" });
  // Plausible terms made of characters the corpus uses, absent as a whole.
  const hanChars = [...new Set(allFolded.join("").match(/\p{Script=Han}/gu) ?? [])];
  for (let tries = 0; cases.filter((c) => c.kind === "absent").length < absentTarget && tries < 10_000; tries++) {
    const term = Array.from({ length: 3 + Math.floor(rand() * 2) }, () => pick(hanChars)).join("");
    if (term && !allFolded.some((f) => f.includes(term))) cases.push({ query: term, kind: "absent" });
  }
  const common = commonestCharacters(pages, 12);
  const plan: [QueryKind, number][] = [
    ["cjk", 0.3],
    ["latin", 0.1],
    ["mixed", 0.1],
    ["punct", 0.1],
    ["and", 0.12],
    ["single", 0.14],
    ["phrase", 0.14],
  ];
  const remaining = Math.max(0, total - cases.length);
  for (const [kind, share] of plan) {
    const n = Math.max(1, Math.round(remaining * share));
    for (let i = 0; i < n; i++) {
      if (kind === "cjk") cases.push({ kind, query: substring((s) => [...s].every((c) => CJK.test(c))) });
      if (kind === "latin") cases.push({ kind, query: substring((s) => [...s].every((c) => LATIN.test(c) || /[.%+\-/:]/.test(c)) && LATIN.test(s)) });
      if (kind === "mixed") cases.push({ kind, query: substring((s) => LATIN.test(s) && CJK.test(s)) });
      if (kind === "punct") cases.push({ kind, query: substring((s) => PUNCT.test(s) && [...s].some((c) => !PUNCT.test(c)), 2, 4) });
      if (kind === "and") cases.push({ kind, query: `${substring(() => true, 1, 3)} ${substring(() => true, 2, 3)}` });
      if (kind === "phrase") cases.push({ kind, query: edgePhrase() });
      if (kind === "single") {
        // A third each: the commonest characters, a digit or Latin letter, any character of the text.
        const which = i % 3;
        const query = which === 0 && i / 3 < common.length ? common[i / 3]! : substring(which === 1 ? (s) => LATIN.test(s) : () => true, 1, 1);
        cases.push({ kind, query });
      }
    }
  }
  return cases;
}

/** Ctrl+F truth: weeks whose folded page text contains every folded term (a quoted query: the terms back to back). */
export function truthFor(pages: readonly PageText[], query: string, folded = pages.map((p) => foldText(p.text))): Set<string> {
  const q = parseQuery(query);
  const has = q.quoted ? (f: string) => findPhrase(f, q.phrase) !== undefined : (f: string) => q.terms.every((t) => f.includes(t));
  return new Set(pages.filter((_, i) => has(folded[i]!)).map((p) => p.url));
}

/** Case- and width-sensitive truth, for reference: a plain `includes` over the raw text. */
export function strictTruthFor(pages: readonly PageText[], query: string): Set<string> {
  const terms = query
    .replace(/^\s*"(.*)"\s*$/s, "$1")
    .split(/\s+/)
    .filter(Boolean);
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

type Timed = { ms: number; bytes: number; hits: { url: string; week: string; phrase: boolean }[] };

/** Runs one query through `window.weeklyArchive` in an open search page; bytes are what the server sent meanwhile. */
async function timedQuery(page: Page, server: StaticServer, query: string, excerpts?: number): Promise<Timed> {
  server.bytes.total = 0;
  const r = await page.evaluate(
    async ({ query, excerpts }) => {
      const started = performance.now();
      const archive = (window as unknown as { weeklyArchive: WeeklyArchiveApi }).weeklyArchive;
      const hits = excerpts === undefined ? await archive.search(query) : (await archive.searchDetailed(query, { excerpts })).hits;
      const ms = performance.now() - started;
      return { ms, hits: hits.map((h) => ({ url: h.url, week: h.week, phrase: h.phrase })) };
    },
    { query, excerpts },
  );
  return { ...r, bytes: server.bytes.total };
}

async function openSearchPage(page: Page, server: StaticServer): Promise<number> {
  server.bytes.total = 0;
  await page.goto(`${server.url}search/`, { waitUntil: "networkidle" });
  await page.waitForFunction(() => !!(window as unknown as { weeklyArchive?: unknown }).weeklyArchive);
  return server.bytes.total;
}

export interface RunOutcome {
  warmupMs: number;
  warmupBytes: number;
  pageBytes: number;
  runs: QueryRun[];
  /** Queries whose answer (weeks in rank order) differed when asked again, in reverse order, in the same page. */
  historyMismatches: string[];
}

/**
 * Opens the search page and runs every query through `window.weeklyArchive.search`, one at a time;
 * then, in the same page, every query again in reverse order, which must give the same answers.
 */
export async function runQueries(
  page: Page,
  server: StaticServer,
  cases: readonly QueryCase[],
  options: { excerpts?: number; history?: boolean } = {},
): Promise<RunOutcome> {
  const pageBytes = await openSearchPage(page, server);
  // The first search loads Pagefind, its WebAssembly and the catalog: reported apart. An absent
  // term keeps text shards out of it, so later queries pay for the shards they need.
  const warm = await timedQuery(page, server, WARMUP_QUERY, options.excerpts);
  const runs: QueryRun[] = [];
  for (const c of cases) {
    const r = await timedQuery(page, server, c.query, options.excerpts);
    const ordered = r.hits.every((h, i) => {
      const prev = r.hits[i - 1];
      return !prev || Number(prev.phrase) > Number(h.phrase) || (prev.phrase === h.phrase && prev.week > h.week);
    });
    runs.push({ query: c.query, kind: c.kind, urls: r.hits.map((h) => h.url), ordered, ms: r.ms, bytes: r.bytes });
  }
  const historyMismatches: string[] = [];
  if (options.history !== false) {
    for (let i = runs.length - 1; i >= 0; i--) {
      const again = await timedQuery(page, server, runs[i]!.query, options.excerpts);
      if (JSON.stringify(again.hits.map((h) => h.url)) !== JSON.stringify(runs[i]!.urls)) historyMismatches.push(runs[i]!.query);
    }
  }
  return { warmupMs: warm.ms, warmupBytes: warm.bytes, pageBytes, runs, historyMismatches };
}

/** Per query class: how many queries, and recall/precision over them. */
export interface KindFigures {
  queries: number;
  exact: number;
  recall: number;
  precision: number;
}

export interface QualitySummary {
  weeks: number;
  queries: number;
  recall: number;
  precision: number;
  /** Against case- and width-sensitive truth (reference only). */
  strictPrecision: number;
  exactQueries: number;
  byKind: Partial<Record<QueryKind, KindFigures>>;
  absentQueries: number;
  absentFalseHits: number;
  misordered: number;
  duplicateHits: number;
  historyMismatches: string[];
  fixed: Record<string, number>;
  warmupMs: number;
  warmupBytes: number;
  pageBytes: number;
  medianMs: number;
  p95Ms: number;
  medianBytes: number;
  meanBytes: number;
  /** The query that fetched the most bytes in this session, and how many. */
  maxBytes: number;
  maxBytesQuery: string;
  failures: { query: string; kind: QueryKind; missed: string[]; extra: string[] }[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

export function summarize(pages: readonly PageText[], result: RunOutcome): QualitySummary {
  const folded = pages.map((p) => foldText(p.text));
  const totals = new Map<QueryKind | "all", { tp: number; truth: number; hits: number; exact: number; queries: number }>();
  const add = (key: QueryKind | "all", tp: number, truth: number, hits: number, exact: boolean): void => {
    const t = totals.get(key) ?? { tp: 0, truth: 0, hits: 0, exact: 0, queries: 0 };
    t.tp += tp;
    t.truth += truth;
    t.hits += hits;
    t.exact += Number(exact);
    t.queries++;
    totals.set(key, t);
  };
  let strictTp = 0;
  const failures: QualitySummary["failures"] = [];
  const fixed: Record<string, number> = {};
  for (const r of result.runs) {
    const truth = truthFor(pages, r.query, folded);
    const strict = strictTruthFor(pages, r.query);
    const got = new Set(r.urls);
    const hitsInTruth = r.urls.filter((u) => truth.has(u)).length;
    strictTp += r.urls.filter((u) => strict.has(u)).length;
    const missed = [...truth].filter((u) => !got.has(u));
    const extra = r.urls.filter((u) => !truth.has(u));
    const exact = missed.length === 0 && extra.length === 0;
    add("all", hitsInTruth, truth.size, r.urls.length, exact);
    add(r.kind, hitsInTruth, truth.size, r.urls.length, exact);
    if (!exact) failures.push({ query: r.query, kind: r.kind, missed, extra });
    if (r.kind === "fixed") fixed[r.query] = r.urls.length;
  }
  const ratio = (a: number, b: number): number => (b ? a / b : 1);
  const byKind: QualitySummary["byKind"] = {};
  for (const kind of QUERY_KINDS) {
    const t = totals.get(kind);
    if (t) byKind[kind] = { queries: t.queries, exact: t.exact, recall: ratio(t.tp, t.truth), precision: ratio(t.tp, t.hits) };
  }
  const all = totals.get("all") ?? { tp: 0, truth: 0, hits: 0, exact: 0, queries: 0 };
  const absentRuns = result.runs.filter((r) => r.kind === "absent");
  const timing = result.runs.map((r) => r.ms);
  const bytes = result.runs.map((r) => r.bytes);
  const heaviest = result.runs.reduce<QueryRun | undefined>((a, r) => (!a || r.bytes > a.bytes ? r : a), undefined);
  return {
    weeks: pages.length,
    queries: result.runs.length,
    recall: ratio(all.tp, all.truth),
    precision: ratio(all.tp, all.hits),
    strictPrecision: ratio(strictTp, all.hits),
    exactQueries: all.exact,
    byKind,
    absentQueries: absentRuns.length,
    absentFalseHits: absentRuns.reduce((a, r) => a + r.urls.length, 0),
    misordered: result.runs.filter((r) => !r.ordered).length,
    duplicateHits: result.runs.reduce((a, r) => a + r.urls.length - new Set(r.urls).size, 0),
    historyMismatches: result.historyMismatches,
    fixed,
    warmupMs: result.warmupMs,
    warmupBytes: result.warmupBytes,
    pageBytes: result.pageBytes,
    medianMs: percentile(timing, 0.5),
    p95Ms: percentile(timing, 0.95),
    medianBytes: percentile(bytes, 0.5),
    meanBytes: bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length),
    maxBytes: heaviest?.bytes ?? 0,
    maxBytesQuery: heaviest?.query ?? "",
    failures,
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Every class must reach these on every corpus (issue #13's acceptance). */
export const RECALL_FLOOR = 0.999;
export const PRECISION_FLOOR = 1;

export function meetsAcceptance(s: QualitySummary): boolean {
  return (
    Object.values(s.byKind).every((k) => k.recall >= RECALL_FLOOR && k.precision >= PRECISION_FLOOR) &&
    s.absentFalseHits === 0 &&
    s.historyMismatches.length === 0
  );
}

export function formatSummary(label: string, s: QualitySummary): string {
  return [
    `${label}: ${s.weeks} weeks, ${s.queries} queries`,
    `  recall ${s.recall.toFixed(4)}  precision ${s.precision.toFixed(4)}  (exact result set for ${s.exactQueries}/${s.queries} queries; precision vs case/width-sensitive truth ${s.strictPrecision.toFixed(4)})`,
    `  by class: ${Object.entries(s.byKind)
      .map(([k, f]) => `${k} ${f.exact}/${f.queries} r${f.recall.toFixed(3)} p${f.precision.toFixed(3)}`)
      .join(";  ")}`,
    `  absent terms: ${s.absentQueries} queries, ${s.absentFalseHits} false hits;  rank order violations: ${s.misordered};  duplicate weeks: ${s.duplicateHits}`,
    `  history: ${s.queries} queries asked again in reverse order in the same page, ${s.historyMismatches.length} answers differed${
      s.historyMismatches.length
        ? ` (${s.historyMismatches
            .slice(0, 5)
            .map((q) => JSON.stringify(q))
            .join(", ")})`
        : ""
    }`,
    `  fixed: ${Object.entries(s.fixed)
      .map(([q, n]) => `${q}→${n}`)
      .join("  ")}`,
    `  search page ${kb(s.pageBytes)};  first search (loads Pagefind + catalog) ${s.warmupMs.toFixed(0)} ms, ${kb(s.warmupBytes)}`,
    `  per query after that: median ${s.medianMs.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms;  bytes median ${kb(s.medianBytes)}, mean ${kb(s.meanBytes)}, max ${kb(s.maxBytes)} (${JSON.stringify(s.maxBytesQuery)})`,
    ...s.failures.slice(0, 8).map((f) => `  ✗ [${f.kind}] ${JSON.stringify(f.query)} missed ${f.missed.length}, extra ${f.extra.length}`),
  ].join("\n");
}

/** Bytes a query costs from a cold page (nothing but the search page, Pagefind and the catalog loaded). */
export interface ColdQuery {
  query: string;
  bytes: number;
  ms: number;
  hits: number;
}

/**
 * The worst cases for bytes: the commonest characters of the corpus, alone, as one AND query and
 * as a phrase, each asked first thing in a fresh page (after the warm-up), with the page's excerpts.
 */
export async function measureColdQueries(browser: Browser, server: StaticServer, queries: readonly string[]): Promise<ColdQuery[]> {
  const out: ColdQuery[] = [];
  for (const query of queries) {
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      await openSearchPage(page, server);
      await timedQuery(page, server, WARMUP_QUERY, PAGE_EXCERPTS);
      const r = await timedQuery(page, server, query, PAGE_EXCERPTS);
      out.push({ query, bytes: r.bytes, ms: r.ms, hits: r.hits.length });
    } finally {
      await ctx.close();
    }
  }
  return out;
}

export function heavyQueries(pages: readonly PageText[]): string[] {
  const common = commonestCharacters(pages, 8);
  return [common[0]!, common.slice(0, 4).join(" "), common.slice(0, 8).join(" "), common.slice(0, 6).join(""), `"${common.slice(0, 6).join(" ")}"`];
}

export function formatCold(cold: readonly ColdQuery[]): string {
  return [
    `cold queries (a fresh page each, after the warm-up; excerpts for the first ${PAGE_EXCERPTS} hits):`,
    ...cold.map((c) => `  ${JSON.stringify(c.query)}: ${kb(c.bytes)}, ${c.ms.toFixed(0)} ms, ${c.hits} weeks`),
  ].join("\n");
}

export interface QualityRun {
  site: SearchSite;
  /** `window.weeklyArchive.search`: every hit with an excerpt. */
  contract: QualitySummary;
  /** What the page does: hits plus excerpts for the first 20. */
  page: QualitySummary;
  /** The heaviest queries, each from a cold page. */
  cold: ColdQuery[];
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
export async function measureBuiltSite(dist: string, options: MeasureOptions = {}): Promise<Omit<QualityRun, "site">> {
  const server = await serveStatic(dist, 0, options.base ?? "/");
  const browser = options.browser ?? (await launchBrowser());
  try {
    const context = await browser.newContext();
    const pages = await collectPageTexts(await context.newPage(), server.url);
    await context.close();
    const cases = makeQueries(pages, options.queries ?? 300, options.querySeed ?? 7);
    const fresh = async (excerpts?: number, history?: boolean): Promise<QualitySummary> => {
      const ctx = await browser.newContext();
      try {
        return summarize(pages, await runQueries(await ctx.newPage(), server, cases, { excerpts, history }));
      } finally {
        await ctx.close();
      }
    };
    const contract = await fresh();
    // The history check ran on the contract path; the page path is for timing and bytes.
    const page = await fresh(PAGE_EXCERPTS, false);
    const cold = await measureColdQueries(browser, server, heavyQueries(pages));
    return { contract, page, cold };
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
      corpus: { type: "string", default: "seed" },
      /** Build this content folder instead of a generated corpus. */
      content: { type: "string" },
      /** Measure an existing build instead of generating one. */
      dist: { type: "string" },
      base: { type: "string", default: "/" },
    },
  });
  const queries = Number(values.queries);
  const corpus = values.corpus;
  if (corpus !== "seed" && corpus !== "prose") throw new Error(`--corpus 只能是 seed 或 prose（--corpus must be seed or prose），而不是 ${corpus}`);
  // 2. Build (or reuse) the corpus site, collect page texts, run the queries twice (contract, page path).
  const run: Omit<QualityRun, "site"> & { site?: SearchSite } = values.dist
    ? await measureBuiltSite(values.dist, { queries, base: values.base })
    : await measureSearch({
        count: Number(values.count),
        seed: Number(values.seed),
        queries,
        reuse: values.reuse,
        config: values.config,
        corpus,
        content: values.content,
      });
  // 3. Report; the exit code says whether the acceptance thresholds hold.
  if (run.site?.buildMs) console.log(`build: ${(run.site.buildMs / 1000).toFixed(1)} s (${run.site.dist})`);
  console.log(formatSummary("window.weeklyArchive.search (all excerpts)", run.contract));
  console.log(formatSummary(`search page path (excerpts for the first ${PAGE_EXCERPTS} hits)`, run.page));
  console.log(formatCold(run.cold));
  const ok = meetsAcceptance(run.contract) && meetsAcceptance(run.page);
  console.log(ok ? `PASS every class: recall ≥ ${RECALL_FLOOR}, precision ${PRECISION_FLOOR}, no false hit, no history dependence` : "FAIL (see above)");
  process.exitCode = ok ? 0 : 1;
}

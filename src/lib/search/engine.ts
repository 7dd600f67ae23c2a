/**
 * The search pipeline, independent of where the index lives: rewrite the query into index words,
 * ask the index for every position of each word, find the matches from the positions (tokens.ts),
 * rank, count, then cut excerpts from the text. The browser passes a Pagefind-backed
 * `SearchIndex`; unit tests pass an in-memory one. Nothing here depends on what was searched before.
 */
import { characterIndexes, type Catalog, type CatalogWeek, type Shard, type ShardWeek } from "./catalog.ts";
import { buildExcerpt, type ExcerptPart } from "./excerpt.ts";
import type { Range } from "./match.ts";
import { foldText } from "./normalize.ts";
import { isEmptyQuery, parseQuery, type ParsedQuery } from "./query.ts";
import { sectionAt } from "./records.ts";
import { chainStarts, phraseChain, termChain, type Chain } from "./tokens.ts";

export interface SearchIndex {
  /** For one index word: page id → its positions, ascending (Pagefind's exact search for that word). */
  positions(word: string): Promise<ReadonlyMap<string, readonly number[]>>;
  catalog(): Promise<Catalog>;
  shard(index: number): Promise<Shard>;
}

/** Selected chips: a hit must carry one of the values of every filter named. */
export type SearchFilters = Record<string, readonly string[]>;

export interface SearchOptions {
  filters?: SearchFilters;
  /** Build excerpts for the first n hits only (the rest get `excerpt: ""`); default all. */
  excerpts?: number;
}

/** One place of a week a hit shows. */
export interface HitExcerpt {
  /** Escaped HTML with `<mark>` around matches. */
  html: string;
  text: string;
  /** The same text in pieces, marked where a term matched: the search page builds DOM nodes from these. */
  parts: ExcerptPart[];
  /** Title of the section holding the match; empty when it is in the week title. */
  section: string;
  /** URL of that section (`url#anchor`). */
  sectionUrl: string;
}

/** Excerpts per hit, each from a different section. */
export const EXCERPTS_PER_HIT = 3;

export interface SearchHit {
  /** Week page URL without hash. */
  url: string;
  /** `2024-W17`. */
  week: string;
  title: string;
  /** The first excerpt's HTML (escaped, `<mark>` around matches). */
  excerpt: string;
  excerptText: string;
  dates: string;
  /** Section of the first match; empty when it is in the week title. */
  section: string;
  /** URL of that section (`url#anchor`). */
  sectionUrl: string;
  /** Up to EXCERPTS_PER_HIT places, from different sections, in text order. */
  excerpts: HitExcerpt[];
  /** Matches in the week: phrase occurrences for a quoted query, else marked stretches of any term. */
  count: number;
  /** The terms occur back to back (always true for one term). */
  phrase: boolean;
}

export interface FacetCount {
  filter: string;
  value: string;
  /** Hits of the query (before filters) with a match where this value applies (year: anywhere in the week). */
  count: number;
  selected: boolean;
}

export interface SearchResult {
  query: ParsedQuery;
  hits: SearchHit[];
  /** Hits before filters were applied. */
  unfiltered: number;
  facets: FacetCount[];
}

/** What the index says about one matching week. */
interface WeekMatch {
  week: CatalogWeek;
  /** Matches as character ranges (non-space characters, see tokens.ts), merged and in order. */
  spans: Range[];
  phrase: boolean;
  /** Chips this hit counts for. */
  facets: Set<number>;
}

const catalogIndexes = new WeakMap<Catalog, Map<string, number>>();

function indexOfIds(catalog: Catalog): Map<string, number> {
  let map = catalogIndexes.get(catalog);
  if (!map) {
    map = new Map(catalog.weeks.map((w, i) => [w.id, i]));
    catalogIndexes.set(catalog, map);
  }
  return map;
}

/** The chips of a week's matches: its year, and the objective/project of every region a match touches. */
function facetsOfSpans(week: CatalogWeek, catalog: Catalog, spans: readonly Range[]): Set<number> {
  const out = new Set(week.facets.filter((f) => catalog.facets[f]![0] === "year"));
  const r = week.regions;
  const endOf = (i: number): number => (i + 2 < r.length ? r[i + 2]! : Infinity);
  let first = 0;
  // Spans and regions are both in text order: one pass over each.
  for (const span of spans) {
    while (first < r.length && endOf(first) <= span.start) first += 2;
    for (let i = first; i < r.length && r[i]! < span.end; i += 2) if (r[i + 1]! >= 0) out.add(r[i + 1]!);
  }
  return out;
}

function matchesFilters(match: WeekMatch, catalog: Catalog, filters: SearchFilters): boolean {
  return Object.entries(filters).every(
    ([filter, values]) => values.length === 0 || [...match.facets].some((f) => catalog.facets[f]![0] === filter && values.includes(catalog.facets[f]![1])),
  );
}

function countFacets(matches: readonly WeekMatch[], catalog: Catalog, filters: SearchFilters): FacetCount[] {
  const counts = new Map<number, number>();
  for (const m of matches) for (const f of m.facets) counts.set(f, (counts.get(f) ?? 0) + 1);
  return catalog.facets
    .map(([filter, value], i) => ({
      filter,
      value,
      count: counts.get(i) ?? 0,
      selected: filters[filter]?.includes(value) ?? false,
    }))
    .filter((f) => f.count > 0 || f.selected);
}

type Positions = ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;

async function fetchPositions(index: SearchIndex, chains: readonly Chain[]): Promise<Positions> {
  const words = [...new Set(chains.flatMap((c) => c.constraints.map((k) => k.word)))];
  const lists = await Promise.all(words.map((w) => index.positions(w)));
  return new Map(words.map((w, i) => [w, lists[i]!]));
}

/** Pages holding every word of every chain: the only pages worth checking. */
function candidatePages(chains: readonly Chain[], positions: Positions): string[] {
  const words = [...new Set(chains.flatMap((c) => c.constraints.map((k) => k.word)))];
  const maps = words.map((w) => positions.get(w)!).sort((a, b) => a.size - b.size);
  const [first, ...rest] = maps;
  if (!first) return [];
  return [...first.keys()].filter((page) => rest.every((m) => m.has(page)));
}

function spansOf(chain: Chain, page: string, positions: Positions): Range[] {
  return chainStarts(chain, (w) => positions.get(w)?.get(page)).map((s) => ({ start: s, end: s + chain.length }));
}

/** Overlapping matches are one (Ctrl+F counts `存管存管` as two, and so do we: touching ones stay apart). */
function mergeOverlapping(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Matching weeks, phrase matches first, newest first among equals. */
async function findWeeks(index: SearchIndex, query: ParsedQuery): Promise<WeekMatch[]> {
  const catalog = await index.catalog();
  const phrase = phraseChain(query.phrase);
  // Quoted: the phrase is the match. Unquoted: every term must match; all of them are marked.
  const required = query.quoted ? [phrase] : query.required.map(termChain);
  const marked = query.quoted ? [phrase] : query.terms.map(termChain);
  const positions = await fetchPositions(index, marked);
  const position = indexOfIds(catalog);
  const out: { at: number; match: WeekMatch }[] = [];
  for (const page of candidatePages(required, positions)) {
    const at = position.get(page);
    if (at === undefined) continue;
    if (required.some((c) => spansOf(c, page, positions).length === 0)) continue;
    const spans = mergeOverlapping(marked.flatMap((c) => spansOf(c, page, positions)));
    const week = catalog.weeks[at]!;
    const isPhrase = query.quoted || query.phrase.length < 2 || spansOf(phrase, page, positions).length > 0;
    out.push({ at, match: { week, spans, phrase: isPhrase, facets: facetsOfSpans(week, catalog, spans) } });
  }
  out.sort((a, b) => Number(b.match.phrase) - Number(a.match.phrase) || a.at - b.at);
  return out.map((o) => o.match);
}

interface PreparedText {
  folded: string;
  /** UTF-16 offset of each non-space character, plus the text length at the end. */
  offsets: number[];
}

const preparedTexts = new WeakMap<ShardWeek, PreparedText>();

function prepare(week: ShardWeek): PreparedText {
  let prepared = preparedTexts.get(week);
  if (!prepared) {
    const folded = foldText(week.text);
    const chars = characterIndexes(folded);
    const offsets: number[] = [];
    for (let i = 0; i < folded.length; i++) if (chars[i + 1]! > chars[i]!) offsets.push(i);
    offsets.push(folded.length);
    prepared = { folded, offsets };
    preparedTexts.set(week, prepared);
  }
  return prepared;
}

/** A character range as a UTF-16 range of the text (the last character may be a surrogate pair). */
function textRange(prepared: PreparedText, span: Range): Range {
  const start = prepared.offsets[span.start] ?? prepared.folded.length;
  const lastStart = prepared.offsets[span.end - 1] ?? start;
  const cp = prepared.folded.codePointAt(lastStart) ?? 0;
  return { start, end: lastStart + (cp > 0xffff ? 2 : 1) };
}

interface HitSource {
  week: CatalogWeek;
  spans: Range[];
}

const hitSources = new WeakMap<SearchHit, HitSource>();

function toHit(match: WeekMatch): SearchHit {
  const hit: SearchHit = {
    url: match.week.url,
    week: match.week.week,
    title: match.week.title,
    excerpt: "",
    excerptText: "",
    dates: match.week.dates,
    section: "",
    sectionUrl: match.week.url,
    excerpts: [],
    count: match.spans.length,
    phrase: match.phrase,
  };
  hitSources.set(hit, { week: match.week, spans: match.spans });
  return hit;
}

/** Up to EXCERPTS_PER_HIT excerpts, each around the first match of a different section. */
function excerptsFor(source: HitSource, shardWeek: ShardWeek, query: ParsedQuery): HitExcerpt[] {
  const prepared = prepare(shardWeek);
  const sections = shardWeek.sections.map(([start, anchor, title]) => ({ start, anchor, title }));
  const seen = new Set<string>();
  const out: HitExcerpt[] = [];
  for (const span of source.spans) {
    const range = textRange(prepared, span);
    const section = sectionAt(sections, range.start);
    const key = section?.anchor ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    const excerpt = buildExcerpt(shardWeek.text, prepared.folded, query.terms, range);
    out.push({
      html: excerpt.html,
      text: excerpt.text,
      parts: excerpt.parts,
      section: section?.title ?? "",
      sectionUrl: section ? `${source.week.url}#${section.anchor}` : source.week.url,
    });
    if (out.length === EXCERPTS_PER_HIT) break;
  }
  return out;
}

async function shardWeeks(index: SearchIndex, weeks: readonly CatalogWeek[]): Promise<Map<string, ShardWeek>> {
  const shardIndexes = [...new Set(weeks.map((w) => w.shard))];
  const shards = await Promise.all(shardIndexes.map((i) => index.shard(i)));
  const wanted = new Set(weeks.map((w) => w.week));
  const out = new Map<string, ShardWeek>();
  for (const shard of shards) for (const w of shard.weeks) if (wanted.has(w.week)) out.set(w.week, w);
  return out;
}

/** Fills in excerpts and section of `hits[from, to)` (the UI shows hits a page at a time). */
export async function addExcerpts(index: SearchIndex, result: SearchResult, from: number, to: number): Promise<void> {
  const slice = result.hits.slice(from, to).filter((h) => h.excerpts.length === 0 && hitSources.has(h));
  const texts = await shardWeeks(
    index,
    slice.map((h) => hitSources.get(h)!.week),
  );
  for (const hit of slice) {
    const text = texts.get(hit.week);
    if (!text) continue;
    hit.excerpts = excerptsFor(hitSources.get(hit)!, text, result.query);
    const first = hit.excerpts[0];
    if (first) Object.assign(hit, { excerpt: first.html, excerptText: first.text, section: first.section, sectionUrl: first.sectionUrl });
  }
}

/** Full pipeline: hits (filtered, ranked, with excerpts) plus chip counts. */
export async function searchDetailed(index: SearchIndex, raw: string, options: SearchOptions = {}): Promise<SearchResult> {
  const query = parseQuery(raw);
  const filters = options.filters ?? {};
  if (isEmptyQuery(query)) return { query, hits: [], unfiltered: 0, facets: [] };
  const catalog = await index.catalog();
  const matches = await findWeeks(index, query);
  const filtered = matches.filter((m) => matchesFilters(m, catalog, filters));
  const result: SearchResult = {
    query,
    hits: filtered.map(toHit),
    unfiltered: matches.length,
    facets: countFacets(matches, catalog, filters),
  };
  await addExcerpts(index, result, 0, options.excerpts ?? filtered.length);
  return result;
}

/** The contract `window.weeklyArchive.search` exposes: every hit in rank order, one per week. */
export async function search(index: SearchIndex, raw: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  return (await searchDetailed(index, raw, options)).hits;
}

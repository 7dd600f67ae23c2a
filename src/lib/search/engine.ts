/**
 * The search pipeline, independent of where the index lives: rewrite the query into index words,
 * ask the index for exact matches (one chain per term, AND), rank, then cut excerpts from the text.
 * The browser passes a Pagefind-backed `SearchIndex`; unit tests pass an in-memory one.
 */
import type { Catalog, CatalogWeek, Shard, ShardWeek } from "./catalog.ts";
import { buildExcerpt } from "./excerpt.ts";
import { firstMatch } from "./match.ts";
import { foldText } from "./normalize.ts";
import { isEmptyQuery, parseQuery, type ParsedQuery } from "./query.ts";
import { sectionAt } from "./records.ts";
import { characterPrefix, phraseChains, termChain } from "./tokens.ts";

export interface SearchIndex {
  /** Ids of the pages where `words` occur at consecutive positions. */
  exact(words: readonly string[]): Promise<ReadonlySet<string>>;
  /** Ids of the pages with a word that starts with `prefix` (Pagefind's unquoted search). */
  prefixed(prefix: string): Promise<ReadonlySet<string>>;
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

export interface SearchHit {
  /** Week page URL without hash. */
  url: string;
  /** `2024-W17`. */
  week: string;
  title: string;
  /** Escaped HTML with `<mark>` around matches. */
  excerpt: string;
  excerptText: string;
  dates: string;
  /** Title of the section holding the first match; empty when it is in the week title. */
  section: string;
  /** URL of that section (`url#anchor`). */
  sectionUrl: string;
  /** The terms occur back to back (always true for one term). */
  phrase: boolean;
}

export interface FacetCount {
  filter: string;
  value: string;
  /** Hits of the query (before filters) carrying this value. */
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

function intersect(sets: readonly ReadonlySet<string>[]): Set<string> {
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  if (!first) return out;
  for (const id of first) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
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

function matchesFilters(week: CatalogWeek, catalog: Catalog, filters: SearchFilters): boolean {
  return Object.entries(filters).every(
    ([filter, values]) =>
      values.length === 0 ||
      week.facets.some((f) => catalog.facets[f]![0] === filter && values.includes(catalog.facets[f]![1])),
  );
}

function countFacets(weeks: readonly CatalogWeek[], catalog: Catalog, filters: SearchFilters): FacetCount[] {
  const counts = new Map<number, number>();
  for (const w of weeks) for (const f of w.facets) counts.set(f, (counts.get(f) ?? 0) + 1);
  return catalog.facets
    .map(([filter, value], i) => ({
      filter,
      value,
      count: counts.get(i) ?? 0,
      selected: filters[filter]?.includes(value) ?? false,
    }))
    .filter((f) => f.count > 0 || f.selected);
}

function union(sets: readonly ReadonlySet<string>[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
}

/** Pages holding one term: a chain of bigrams, or a prefix search for a single character. */
function pagesWith(index: SearchIndex, term: string): Promise<ReadonlySet<string>> {
  return [...term].length === 1 ? index.prefixed(characterPrefix(term)) : index.exact(termChain(term));
}

/** Matching weeks, phrase matches first, newest first among equals. */
async function findWeeks(index: SearchIndex, query: ParsedQuery): Promise<{ weeks: CatalogWeek[]; phrase: Set<string> }> {
  const catalog = await index.catalog();
  const several = query.phrase.length > 1;
  const [termIds, phraseIds] = await Promise.all([
    Promise.all(query.quoted ? [] : query.required.map((t) => pagesWith(index, t))),
    Promise.all(several ? phraseChains(query.phrase).map((c) => index.exact(c)) : []),
  ]);
  const phraseAny = union(phraseIds);
  const ids = query.quoted ? (several ? phraseAny : await pagesWith(index, query.phrase[0]!)) : intersect(termIds);
  const phrase = new Set(several ? [...ids].filter((id) => phraseAny.has(id)) : ids);
  const position = indexOfIds(catalog);
  const ranked = [...ids]
    .map((id) => position.get(id))
    .filter((i): i is number => i !== undefined)
    .sort((a, b) => Number(phrase.has(catalog.weeks[b]!.id)) - Number(phrase.has(catalog.weeks[a]!.id)) || a - b);
  return { weeks: ranked.map((i) => catalog.weeks[i]!), phrase };
}

const foldedTexts = new WeakMap<ShardWeek, string>();

function foldedText(week: ShardWeek): string {
  let folded = foldedTexts.get(week);
  if (folded === undefined) {
    folded = foldText(week.text);
    foldedTexts.set(week, folded);
  }
  return folded;
}

function toHit(week: CatalogWeek, phrase: boolean, shardWeek: ShardWeek | undefined, query: ParsedQuery): SearchHit {
  const hit: SearchHit = {
    url: week.url,
    week: week.week,
    title: week.title,
    excerpt: "",
    excerptText: "",
    dates: week.dates,
    section: "",
    sectionUrl: week.url,
    phrase,
  };
  if (!shardWeek) return hit;
  const folded = foldedText(shardWeek);
  const anchor = firstMatch(folded, query.phrase, query.terms);
  if (!anchor) return hit;
  const excerpt = buildExcerpt(shardWeek.text, folded, query.terms, anchor);
  hit.excerpt = excerpt.html;
  hit.excerptText = excerpt.text;
  const section = sectionAt(
    shardWeek.sections.map(([start, anchorId, title]) => ({ start, anchor: anchorId, title })),
    anchor.start,
  );
  if (section) {
    hit.section = section.title;
    hit.sectionUrl = `${week.url}#${section.anchor}`;
  }
  return hit;
}

async function shardWeeks(index: SearchIndex, weeks: readonly CatalogWeek[]): Promise<Map<string, ShardWeek>> {
  const shardIndexes = [...new Set(weeks.map((w) => w.shard))];
  const shards = await Promise.all(shardIndexes.map((i) => index.shard(i)));
  const wanted = new Set(weeks.map((w) => w.week));
  const out = new Map<string, ShardWeek>();
  for (const shard of shards) for (const w of shard.weeks) if (wanted.has(w.week)) out.set(w.week, w);
  return out;
}

/** Fills in excerpt and section of `hits[from, to)` (the UI shows hits a page at a time). */
export async function addExcerpts(index: SearchIndex, result: SearchResult, from: number, to: number): Promise<void> {
  const catalog = await index.catalog();
  const byWeek = new Map(catalog.weeks.map((w) => [w.week, w]));
  const slice = result.hits.slice(from, to).filter((h) => !h.excerpt);
  const weeks = slice.map((h) => byWeek.get(h.week)!).filter(Boolean);
  const texts = await shardWeeks(index, weeks);
  for (const hit of slice) Object.assign(hit, toHit(byWeek.get(hit.week)!, hit.phrase, texts.get(hit.week), result.query));
}

/** Full pipeline: hits (filtered, ranked, with excerpts) plus chip counts. */
export async function searchDetailed(index: SearchIndex, raw: string, options: SearchOptions = {}): Promise<SearchResult> {
  const query = parseQuery(raw);
  const filters = options.filters ?? {};
  if (isEmptyQuery(query)) return { query, hits: [], unfiltered: 0, facets: [] };
  const catalog = await index.catalog();
  const { weeks, phrase } = await findWeeks(index, query);
  const filtered = weeks.filter((w) => matchesFilters(w, catalog, filters));
  const result: SearchResult = {
    query,
    hits: filtered.map((w) => toHit(w, phrase.has(w.id), undefined, query)),
    unfiltered: weeks.length,
    facets: countFacets(weeks, catalog, filters),
  };
  await addExcerpts(index, result, 0, options.excerpts ?? filtered.length);
  return result;
}

/** The contract `window.weeklyArchive.search` exposes: every hit in rank order, one per week. */
export async function search(index: SearchIndex, raw: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  return (await searchDetailed(index, raw, options)).hits;
}

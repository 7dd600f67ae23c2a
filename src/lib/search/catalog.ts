/**
 * The files the search page loads besides Pagefind's index: a catalog (which Pagefind page is which
 * week, newest first) and the week texts in shards, fetched only for hits that need an excerpt.
 */
import { foldText, isSpaceUnit } from "./normalize.ts";
import type { SearchSection, SearchWeekRecord } from "./records.ts";

/** Newest first; the position is the rank among equal matches. */
export interface CatalogWeek {
  /** Pagefind page id (its fragment hash), as search results report it. */
  id: string;
  week: string;
  url: string;
  title: string;
  dates: string;
  /** Index into `Catalog.shards`. */
  shard: number;
  /** Indexes into `Catalog.facets`: the week's year and every chip a match can count for. */
  facets: number[];
  /**
   * Where matches count for objective and project chips: pairs `[first character, facet]`, flattened;
   * a region runs to the next one's start, facet −1 = no chip (characters = non-space characters of
   * the folded text, the unit of index positions, see tokens.ts).
   */
  regions: number[];
}

export interface Catalog {
  version: 1;
  /**
   * The Pagefind indexes besides `pagefind/` (paths from the site root, e.g. `pagefind-1/`), each
   * holding other weeks (see index-parts.ts); the browser merges them. Absent when there is one index.
   */
  indexes?: string[];
  /** Shard file names, relative to the catalog. */
  shards: string[];
  /** `[filter, value]` pairs, in the order chips are shown. */
  facets: [string, string][];
  weeks: CatalogWeek[];
}

export interface ShardWeek {
  week: string;
  text: string;
  /** `[start, anchor, title]`. */
  sections: [number, string, string][];
}

export interface Shard {
  weeks: ShardWeek[];
}

/**
 * Two weeks per shard: a page of 20 hits spread over the years costs at most 20 small files
 * (~4 KB each, gzip), a page of consecutive weeks about 10. Measured on the prose corpus: a
 * quarter per shard gzips to 1.0 KB a week but made a page of scattered hits ~250 KB.
 */
export const SHARD_WEEKS = 2;

export function compareWeeksNewestFirst(a: { week: string }, b: { week: string }): number {
  return a.week < b.week ? 1 : a.week > b.week ? -1 : 0;
}

const FILTER_ORDER = ["objective", "project", "year"];

function compareFacets([fa, va]: [string, string], [fb, vb]: [string, string]): number {
  const byFilter = FILTER_ORDER.indexOf(fa) - FILTER_ORDER.indexOf(fb);
  if (byFilter !== 0) return byFilter;
  // Years newest first; objectives and projects in natural order (O2 before O10).
  if (fa === "year") return vb.localeCompare(va);
  return va.localeCompare(vb, "zh-CN", { numeric: true });
}

/** For each UTF-16 offset of a folded text, how many non-space characters come before it. */
export function characterIndexes(folded: string): Uint32Array {
  const out = new Uint32Array(folded.length + 1);
  let n = 0;
  for (let i = 0; i < folded.length; i++) {
    out[i] = n;
    const unit = folded.charCodeAt(i);
    // A low surrogate belongs to the character counted at its high surrogate.
    if (unit >= 0xdc00 && unit <= 0xdfff) continue;
    if (!isSpaceUnit(unit)) n++;
  }
  out[folded.length] = n;
  return out;
}

function regionsOf(record: SearchWeekRecord, facetIndex: ReadonlyMap<string, number>): number[] {
  const chars = characterIndexes(foldText(record.text));
  const out: number[] = [];
  for (const s of record.sections) {
    const facet = s.facet ? (facetIndex.get(JSON.stringify(s.facet)) ?? -1) : -1;
    // Consecutive parts without a chip are one region.
    if (facet === -1 && out.length > 0 && out[out.length - 1] === -1) continue;
    out.push(chars[Math.min(s.start, record.text.length)]!, facet);
  }
  return out;
}

export interface CatalogFiles {
  catalog: Catalog;
  /** File name → JSON text. */
  shards: Map<string, string>;
}

/**
 * `pageIds` maps a week URL to its Pagefind page id, whichever index holds it; `nameShard` turns
 * shard JSON into a content-addressed file name so browsers may cache shards forever; `indexes` are
 * the further Pagefind indexes (see `Catalog.indexes`).
 */
export function buildCatalog(
  records: readonly SearchWeekRecord[],
  pageIds: ReadonlyMap<string, string>,
  nameShard: (json: string, index: number) => string,
  indexes: readonly string[] = [],
): CatalogFiles {
  const sorted = [...records].sort(compareWeeksNewestFirst);
  const facetKeys = new Map<string, [string, string]>();
  for (const r of sorted)
    for (const [filter, values] of Object.entries(r.filters)) for (const v of values) facetKeys.set(JSON.stringify([filter, v]), [filter, v]);
  const facets = [...facetKeys.values()].sort(compareFacets);
  const facetIndex = new Map(facets.map((f, i) => [JSON.stringify(f), i]));

  const shards = new Map<string, string>();
  const shardNames: string[] = [];
  for (let i = 0; i < sorted.length; i += SHARD_WEEKS) {
    const shard: Shard = {
      weeks: sorted.slice(i, i + SHARD_WEEKS).map((r) => ({
        week: r.week,
        text: r.text,
        sections: r.sections.map((s: SearchSection) => [s.start, s.anchor, s.title] as [number, string, string]),
      })),
    };
    const json = JSON.stringify(shard);
    const name = nameShard(json, shardNames.length);
    shardNames.push(name);
    shards.set(name, json);
  }

  const weeks: CatalogWeek[] = sorted.map((r, i) => {
    const id = pageIds.get(r.url);
    if (!id) throw new Error(`搜索索引缺少周报页面（search index lacks a page for ${r.week}, ${r.url}）`);
    return {
      id,
      week: r.week,
      url: r.url,
      title: r.title,
      dates: r.dates,
      shard: Math.floor(i / SHARD_WEEKS),
      facets: Object.entries(r.filters)
        .flatMap(([filter, values]) => values.map((v) => facetIndex.get(JSON.stringify([filter, v]))!))
        .sort((a, b) => a - b),
      regions: regionsOf(r, facetIndex),
    };
  });
  // Without further indexes the catalog is what it was before the index could be split.
  const merged = indexes.length > 0 ? { indexes: [...indexes] } : {};
  return { catalog: { version: 1, ...merged, shards: shardNames, facets, weeks }, shards };
}

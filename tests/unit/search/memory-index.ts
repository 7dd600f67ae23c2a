/**
 * An in-memory stand-in for Pagefind's one-word exact search over our index words: every position
 * of the word, page by page. Content is split on whitespace and numbered from 0, as Pagefind does
 * for custom records.
 */
import { buildCatalog, type Catalog, type Shard } from "../../../src/lib/search/catalog.ts";
import type { SearchIndex } from "../../../src/lib/search/engine.ts";
import { foldText } from "../../../src/lib/search/normalize.ts";
import type { SearchWeekRecord } from "../../../src/lib/search/records.ts";
import { indexContent } from "../../../src/lib/search/tokens.ts";

type Postings = Map<string, Map<string, number[]>>;

export function indexWords(content: string): Map<string, number[]> {
  const words = new Map<string, number[]>();
  const add = (w: string, pos: number): void => {
    const list = words.get(w) ?? [];
    list.push(pos);
    words.set(w, list);
  };
  content
    .split(" ")
    .filter(Boolean)
    .forEach((word, pos) => add(word, pos));
  return words;
}

export function createMemoryIndex(records: readonly SearchWeekRecord[]): SearchIndex & { catalogSync: Catalog } {
  const postings: Postings = new Map();
  for (const r of records) {
    const folded = foldText(r.text);
    for (const [word, positions] of indexWords(indexContent(folded))) {
      const pages = postings.get(word) ?? new Map<string, number[]>();
      pages.set(`page-${r.url}`, positions);
      postings.set(word, pages);
    }
  }
  const ids = new Map(records.map((r) => [r.url, `page-${r.url}`]));
  const { catalog, shards } = buildCatalog(records, ids, (_json, i) => `shard-${i}.json`);
  return {
    catalogSync: catalog,
    async positions(word) {
      return postings.get(word) ?? new Map();
    },
    async catalog() {
      return catalog;
    },
    async shard(i) {
      return JSON.parse(shards.get(catalog.shards[i]!)!) as Shard;
    },
  };
}

export function record(week: string, text: string, extra: Partial<SearchWeekRecord> = {}): SearchWeekRecord {
  const url = `/weeks/${week.toLowerCase()}/`;
  return {
    week,
    url,
    title: week,
    dates: "",
    text,
    sections: [],
    filters: { year: [week.slice(0, 4)] },
    ...extra,
  };
}

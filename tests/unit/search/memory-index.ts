/**
 * An in-memory stand-in for Pagefind's exact (quoted) search over our index words: a page matches
 * when the words occur at consecutive positions. Mirrors how Pagefind splits custom-record content
 * (whitespace) and compound words (`aaaa-1a2b3` → `aaaa1a2b3` plus the part `aaaa`).
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
    .forEach((raw, pos) => {
      add(raw.replace(/-/g, ""), pos);
      if (raw.includes("-")) add(raw.split("-")[0]!, pos);
    });
  return words;
}

export function createMemoryIndex(records: readonly SearchWeekRecord[]): SearchIndex & { catalogSync: Catalog } {
  const postings: Postings = new Map();
  for (const r of records) {
    for (const [word, positions] of indexWords(indexContent(foldText(r.text)))) {
      const pages = postings.get(word) ?? new Map<string, number[]>();
      pages.set(`page-${r.url}`, positions);
      postings.set(word, pages);
    }
  }
  const ids = new Map(records.map((r) => [r.url, `page-${r.url}`]));
  const { catalog, shards } = buildCatalog(records, ids, (_json, i) => `shard-${i}.json`);
  return {
    catalogSync: catalog,
    async exact(words) {
      const lists = words.map((w) => postings.get(w));
      const out = new Set<string>();
      if (lists.some((l) => !l) || lists.length === 0) return out;
      for (const [page, first] of lists[0]!) {
        const rest = lists.slice(1).map((l) => new Set(l!.get(page) ?? []));
        if (first.some((p) => rest.every((s, k) => s.has(p + k + 1)))) out.add(page);
      }
      return out;
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

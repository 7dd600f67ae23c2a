/**
 * The browser's SearchIndex: Pagefind (loaded on first use) answers one index word at a time with
 * every position of that word (see lib/search/tokens.ts for why that answer cannot depend on the
 * chunks earlier searches loaded); our catalog and text shards come from search-data/, fetched
 * once per page and kept in memory. A large archive's index is split (lib/search/index-parts.ts):
 * the catalog lists the further indexes, merged into the first one, so one Pagefind search asks
 * every index — each holds other weeks, so their answers together are the whole archive's.
 */
import type { Catalog, Shard } from "../../lib/search/catalog.ts";
import type { SearchIndex } from "../../lib/search/engine.ts";
import { wordQuery } from "../../lib/search/tokens.ts";

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
  search(query: string): Promise<{ results: { id: string; words: number[] }[] } | null>;
}

/** A promise that is forgotten when it fails, so the next search retries instead of failing forever. */
function retrying<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((e: unknown) => {
      pending = undefined;
      throw e;
    });
    return pending;
  };
}

/** search-data files are gzip; a host that already decoded them (Content-Encoding) hands over plain JSON. */
async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text() : new TextDecoder().decode(bytes);
  return JSON.parse(text) as T;
}

export function createPagefindIndex(base: string): SearchIndex & { warm(): void } {
  const dataUrl = `${base}search-data/`;
  // The catalog names this build's Pagefind pages and indexes: always revalidate it.
  const catalog = retrying(() => fetchJson<Catalog>(`${dataUrl}catalog.json.gz`, { cache: "no-cache" }));
  const pagefind = retrying(async () => {
    const url = `${base}pagefind/pagefind.js`;
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    try {
      // Excerpts come from our text shards; Pagefind's would describe index words.
      await api.options({ excerptLength: 0 });
      await api.init();
      const { indexes = [] } = await catalog();
      await Promise.all(indexes.map((path) => api.mergeIndex(`${base}${path}`)));
      return api;
    } catch (e) {
      // Pagefind keeps an index whose loading failed among those it searches: start afresh next time.
      await api.destroy().catch(() => undefined);
      throw e;
    }
  });
  const shards = new Map<number, () => Promise<Shard>>();

  return {
    warm(): void {
      void pagefind().catch(() => undefined);
      void catalog().catch(() => undefined);
    },
    // Not memoised here: Pagefind keeps the chunks it loaded, and asking again keeps every answer
    // a fresh reading of the index (the history test in scripts/search-quality.ts relies on it).
    async positions(word) {
      const api = await pagefind();
      const res = await api.search(wordQuery(word));
      if (!res) throw new Error(`Pagefind returned no answer for ${word}`);
      return new Map(res.results.map((r) => [r.id, [...r.words].sort((a, b) => a - b)]));
    },
    catalog,
    async shard(i) {
      let load = shards.get(i);
      if (!load) {
        load = retrying(async () => fetchJson<Shard>(`${dataUrl}${(await catalog()).shards[i]}`));
        shards.set(i, load);
      }
      return load();
    },
  };
}

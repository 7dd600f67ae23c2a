/** The /search/ page's status line (a live region): what the visitor's query and chips found. */
import { searchStrings as s } from "../../i18n/search.ts";
import type { SearchFilters, SearchResult } from "../../lib/search/engine.ts";

export function statusText(query: string, filters: SearchFilters, result: Pick<SearchResult, "hits" | "unfiltered">): string {
  const q = query.trim();
  if (!q) return s.prompt;
  const filtered = Object.values(filters).some((v) => v.length);
  if (result.hits.length === 0) return result.unfiltered > 0 && filtered ? s.emptyFiltered : s.empty(q);
  return filtered ? s.countFiltered(result.hits.length, result.unfiltered, q) : s.count(result.hits.length, q);
}

/**
 * What the /search/ page keeps in its URL — `?q=` and the chips (`objective`, `project`, `year`) —
 * read and written as plain strings, so the address bar, history and shared links agree.
 */
import type { SearchFilters } from "../../lib/search/engine.ts";

/** The filters in the order the URL writes them and the page shows their chips. */
export const FILTERS = ["objective", "project", "year"] as const;

export interface SearchState {
  /** As typed (not trimmed): the field shows it back. */
  query: string;
  filters: SearchFilters;
}

/** The state a query string (`location.search`) holds; empty filter values are dropped. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchFilters = {};
  for (const f of FILTERS) {
    const values = params.getAll(f).filter(Boolean);
    if (values.length) filters[f] = values;
  }
  return { query: params.get("q") ?? "", filters };
}

/** The URL of `state` on the page at `pathname`: no `?q=` for a blank query, no `?` when nothing is set. */
export function searchStateUrl(pathname: string, state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set("q", state.query);
  for (const f of FILTERS) for (const v of state.filters[f] ?? []) params.append(f, v);
  const qs = params.toString();
  return `${pathname}${qs ? `?${qs}` : ""}`;
}

/** A hit's link with `?q=`: the week page highlights the query and scrolls to its first match in the linked section. */
export function withHighlight(url: string, query: string): string {
  const hash = url.indexOf("#");
  const [path, fragment] = hash < 0 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  return `${path}?${new URLSearchParams({ q: query })}${fragment}`;
}

/**
 * The /search/ page's DOM: results as you type, `?q=` (and chips) in the URL, a page of hits at a time.
 * Also exposes `window.weeklyArchive.search` — the same pipeline the page renders. What the URL holds
 * (url-state.ts), the status line (status-text.ts) and which chips show (filter-chips.ts) are plain
 * functions beside it.
 */
import { searchStrings as s } from "../../i18n/search.ts";
import { addExcerpts, search, searchDetailed, type FacetCount, type SearchHit, type SearchOptions, type SearchResult } from "../../lib/search/engine.ts";
import { CHIPS_SHOWN, chipGroups } from "./filter-chips.ts";
import { createPagefindIndex } from "./pagefind-index.ts";
import { statusText } from "./status-text.ts";
import { readSearchState, searchStateUrl, withHighlight, type SearchState } from "./url-state.ts";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 120;

declare global {
  interface Window {
    weeklyArchive?: {
      search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
      searchDetailed(query: string, options?: SearchOptions): Promise<SearchResult>;
    };
  }
}

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  filters: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

function find<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`search page: missing ${selector}`);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function renderHit(hit: SearchHit, query: string): HTMLLIElement {
  const meta = el("p", { className: "search-hit__meta" });
  const parts = [hit.title !== hit.week ? hit.week : "", hit.dates].filter(Boolean);
  parts.forEach((p, i) => meta.append(...(i ? [el("span", { className: "search-hit__sep", ariaHidden: "true" }, " · ")] : []), el("span", {}, p)));
  const excerpts = el("ul", { className: "search-hit__excerpts" });
  for (const x of hit.excerpts) {
    // Text nodes and <mark> elements built from the week's text: nothing here is parsed as HTML.
    const text = el("span", {}, ...x.parts.map((p) => (p.mark ? el("mark", {}, p.text) : p.text)));
    excerpts.append(
      el(
        "li",
        { className: "search-hit__excerpt" },
        el("span", { className: "search-hit__where" }, el("a", { href: withHighlight(x.sectionUrl, query) }, x.section || s.inTitle)),
        text,
      ),
    );
  }
  const count = el("span", { className: "search-hit__count", title: s.matchesLabel(hit.count) }, s.matches(hit.count));
  count.setAttribute("aria-label", s.matchesLabel(hit.count));
  return el(
    "li",
    { className: "search-hit" },
    el("h2", { className: "search-hit__title" }, el("a", { href: withHighlight(hit.sectionUrl, query) }, hit.title), count),
    meta,
    excerpts,
  );
}

function renderFilters(
  container: HTMLElement,
  facets: FacetCount[],
  expanded: Set<string>,
  actions: { toggle(f: FacetCount): void; clear(): void; expand(filter: string): void },
): void {
  container.replaceChildren();
  container.hidden = facets.length === 0;
  for (const { filter, shown, hidden } of chipGroups(facets, expanded)) {
    const labelId = `search-filter-${filter}`;
    const group = el("div", { className: "search-filters__group", role: "group" });
    group.setAttribute("aria-labelledby", labelId);
    group.append(el("span", { className: "search-filters__label", id: labelId }, s.filterNames[filter] ?? filter));
    for (const chip of shown) {
      const button = el("button", { type: "button", className: "chip" }, chip.value, el("span", { className: "chip__count" }, String(chip.count)));
      button.setAttribute("aria-pressed", String(chip.selected));
      button.setAttribute("aria-label", s.chipLabel(chip.value, chip.count));
      button.addEventListener("click", () => actions.toggle(chip));
      group.append(button);
    }
    if (hidden > 0) {
      const more = el("button", { type: "button", className: "chip chip--more" }, s.moreChips(hidden));
      more.addEventListener("click", () => actions.expand(filter));
      group.append(more);
    }
    container.append(group);
  }
  if (facets.some((f) => f.selected)) {
    const clear = el("button", { type: "button", className: "search-filters__clear" }, s.clearFilters);
    clear.addEventListener("click", actions.clear);
    container.append(clear);
  }
}

export function startSearchPage(root: HTMLElement, base: string): void {
  const ui: Elements = {
    // The header's search box is this page's field (one box per page).
    form: find(document, "[data-search-form]"),
    input: find(document, "[data-search-input]"),
    status: find(root, "[data-search-status]"),
    filters: find(root, "[data-search-filters]"),
    results: find(root, "[data-search-results]"),
    more: find(root, "[data-search-more]"),
  };
  const index = createPagefindIndex(base);
  window.weeklyArchive = {
    search: (query, options) => search(index, query, options),
    searchDetailed: (query, options) => searchDetailed(index, query, options),
  };

  const readUrl = (): SearchState => readSearchState(location.search);
  let state = readUrl();
  let current: SearchResult | undefined;
  let shown = 0;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Typing replaces the history entry it created; a submitted or restored query starts a new one. */
  let typingEntry = false;
  const expanded = new Set<string>();

  const renderMore = (): void => {
    if (!current) return;
    const rest = current.hits.length - shown;
    ui.more.hidden = rest <= 0;
    ui.more.textContent = s.showMore(rest);
  };

  const render = (result: SearchResult): void => {
    current = result;
    shown = Math.min(PAGE_SIZE, result.hits.length);
    ui.results.replaceChildren(...result.hits.slice(0, shown).map((h) => renderHit(h, state.query)));
    ui.status.textContent = statusText(state.query, state.filters, result);
    renderFilters(ui.filters, result.facets, expanded, { toggle, clear: clearFilters, expand });
    renderMore();
  };

  const run = async (): Promise<void> => {
    const mine = ++sequence;
    if (!state.query.trim()) {
      render({ query: { phrase: [], terms: [], required: [], quoted: false }, hits: [], unfiltered: 0, facets: [] });
      return;
    }
    root.setAttribute("aria-busy", "true");
    try {
      const result = await searchDetailed(index, state.query, { filters: state.filters, excerpts: PAGE_SIZE });
      if (mine === sequence) render(result);
    } catch (e) {
      if (mine === sequence) ui.status.textContent = s.unavailable;
      console.warn("search failed", e);
    } finally {
      if (mine === sequence) root.removeAttribute("aria-busy");
    }
  };

  const commit = (push: boolean): void => {
    const url = searchStateUrl(location.pathname, state);
    if (url !== `${location.pathname}${location.search}`) {
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    void run();
  };

  function toggle(chip: FacetCount): void {
    const values = new Set(state.filters[chip.filter] ?? []);
    if (values.has(chip.value)) values.delete(chip.value);
    else values.add(chip.value);
    state = { ...state, filters: { ...state.filters, [chip.filter]: [...values] } };
    typingEntry = false;
    commit(true);
  }

  function expand(filter: string): void {
    expanded.add(filter);
    if (!current) return;
    renderFilters(ui.filters, current.facets, expanded, { toggle, clear: clearFilters, expand });
    ui.filters.querySelectorAll<HTMLButtonElement>(`[aria-labelledby="search-filter-${filter}"] .chip`)[CHIPS_SHOWN]?.focus();
  }

  function clearFilters(): void {
    state = { ...state, filters: {} };
    typingEntry = false;
    commit(true);
    ui.input.focus();
  }

  ui.input.addEventListener("focus", () => index.warm(), { once: true });
  ui.input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { ...state, query: ui.input.value };
      commit(!typingEntry);
      typingEntry = true;
    }, DEBOUNCE_MS);
  });
  ui.input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      const first = ui.results.querySelector("a");
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  ui.form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    state = { ...state, query: ui.input.value };
    commit(!typingEntry);
    typingEntry = false;
  });
  ui.more.addEventListener("click", async () => {
    const result = current;
    if (!result) return;
    const from = shown;
    const to = Math.min(result.hits.length, shown + PAGE_SIZE);
    await addExcerpts(index, result, from, to);
    if (result !== current) return;
    shown = to;
    const added = result.hits.slice(from, to).map((h) => renderHit(h, state.query));
    ui.results.append(...added);
    added[0]?.querySelector("a")?.focus();
    renderMore();
  });
  window.addEventListener("popstate", () => {
    state = readUrl();
    ui.input.value = state.query;
    typingEntry = false;
    void run();
  });

  ui.input.value = state.query;
  if (state.query.trim()) void run();
  else {
    ui.status.textContent = s.prompt;
    // Arriving without a query means the visitor came to type one.
    ui.input.focus();
  }
}

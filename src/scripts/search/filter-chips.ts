/** Which filter chips the /search/ page shows, in which order, and how many wait behind "more". */
import type { FacetCount } from "../../lib/search/engine.ts";
import { FILTERS } from "./url-state.ts";

/** Chips shown per filter before "more": long project lists would push the hits off small screens. */
export const CHIPS_SHOWN = 8;

export interface ChipGroup {
  filter: (typeof FILTERS)[number];
  shown: FacetCount[];
  /** Chips behind the "more" button; selected chips are always shown. */
  hidden: number;
}

/** One group per filter that has chips, in FILTERS order; `expanded` filters show every chip. */
export function chipGroups(facets: readonly FacetCount[], expanded: ReadonlySet<string>): ChipGroup[] {
  const groups: ChipGroup[] = [];
  for (const filter of FILTERS) {
    let chips = facets.filter((f) => f.filter === filter);
    if (chips.length === 0) continue;
    // Projects are many: the most frequent among the hits first.
    if (filter === "project") chips = [...chips].sort((a, b) => b.count - a.count);
    const hidden = expanded.has(filter) ? [] : chips.slice(CHIPS_SHOWN).filter((c) => !c.selected);
    groups.push({ filter, shown: chips.filter((c) => !hidden.includes(c)), hidden: hidden.length });
  }
  return groups;
}

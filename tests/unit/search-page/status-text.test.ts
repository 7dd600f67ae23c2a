import { describe, expect, it } from "vitest";
import { searchStrings as s } from "../../../src/i18n/search.ts";
import type { SearchFilters, SearchHit } from "../../../src/lib/search/engine.ts";
import { statusText } from "../../../src/scripts/search/status-text.ts";

const hits = (n: number) => Array.from({ length: n }, () => ({}) as SearchHit);

describe("search page status line", () => {
  it.each<[string, string, SearchFilters, number, number, string]>([
    ["a blank query asks for one", "  ", {}, 0, 0, s.prompt],
    ["a blank query asks for one, chips or not", "", { year: ["2024"] }, 0, 0, s.prompt],
    ["no week matches", " 量子纠缠 ", {}, 0, 0, "没有周报包含“量子纠缠”。"],
    ["chips hide every match", "存管", { year: ["2019"] }, 0, 7, s.emptyFiltered],
    ["chips with nothing to hide: no week matches at all", "存管", { year: ["2019"] }, 0, 0, "没有周报包含“存管”。"],
    ["weeks match", "存管", {}, 7, 7, "7 周包含“存管”"],
    ["chips narrow the matches", "存管", { project: ["存管路由"] }, 3, 7, "7 周包含“存管”，筛选后 3 周"],
    ["an emptied chip list is no filter", "存管", { project: [] }, 7, 7, "7 周包含“存管”"],
  ])("%s", (_, query, filters, shown, unfiltered, text) => {
    expect(statusText(query, filters, { hits: hits(shown), unfiltered })).toBe(text);
  });
});

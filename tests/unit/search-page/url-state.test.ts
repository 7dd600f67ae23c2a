import { describe, expect, it } from "vitest";
import { readSearchState, searchStateUrl, withHighlight, type SearchState } from "../../../src/scripts/search/url-state.ts";

describe("search page URL state", () => {
  it.each<[string, SearchState]>([
    ["", { query: "", filters: {} }],
    ["?q=%E5%AD%98%E7%AE%A1%E8%B7%AF%E7%94%B1", { query: "存管路由", filters: {} }],
    ["?q=a+b&project=%E8%B4%9D%E6%98%93%E8%BD%AC&year=2024&year=2023", { query: "a b", filters: { project: ["贝易转"], year: ["2024", "2023"] } }],
    // Unknown keys and empty values are not filters; the query is kept as typed (spaces included).
    ["?q=+x+&objective=&team=pay&objective=O1", { query: " x ", filters: { objective: ["O1"] } }],
  ])("reads %s", (search, state) => {
    expect(readSearchState(search)).toEqual(state);
  });

  it.each<[SearchState, string]>([
    [{ query: "", filters: {} }, "/search/"],
    [{ query: "   ", filters: {} }, "/search/"],
    [{ query: "存管 路由", filters: {} }, "/search/?q=%E5%AD%98%E7%AE%A1+%E8%B7%AF%E7%94%B1"],
    // Filters in FILTERS order whatever order they were chosen in; the chips survive a blank query.
    [{ query: "x", filters: { year: ["2024"], objective: ["O1", "O2"] } }, "/search/?q=x&objective=O1&objective=O2&year=2024"],
    [{ query: "", filters: { project: ["a&b"] } }, "/search/?project=a%26b"],
  ])("writes %j as %s", (state, url) => {
    expect(searchStateUrl("/search/", state)).toBe(url);
  });

  it("round-trips what it writes", () => {
    const state: SearchState = { query: "“上线” 100%", filters: { objective: ["O1"], project: ["贝易转（C转）"], year: ["2024"] } };
    const url = searchStateUrl("/repo/search/", state);
    expect(readSearchState(url.slice(url.indexOf("?")))).toEqual(state);
  });

  it.each([
    ["/weeks/2024-w17/", "/weeks/2024-w17/?q=%E5%AD%98%E7%AE%A1"],
    ["/weeks/2024-w17/#p-cun-guan", "/weeks/2024-w17/?q=%E5%AD%98%E7%AE%A1#p-cun-guan"],
  ])("links a hit at %s with the query before its fragment", (url, expected) => {
    expect(withHighlight(url, "存管")).toBe(expected);
  });
});

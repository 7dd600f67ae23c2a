import { describe, expect, it } from "vitest";
import type { FacetCount } from "../../../src/lib/search/engine.ts";
import { CHIPS_SHOWN, chipGroups } from "../../../src/scripts/search/filter-chips.ts";

const chip = (filter: string, value: string, count: number, selected = false): FacetCount => ({ filter, value, count, selected });
const projects = Array.from({ length: CHIPS_SHOWN + 3 }, (_, i) => chip("project", `p${i}`, i + 1));

describe("search page filter chips", () => {
  it("groups chips by filter in URL order, skipping filters without chips and unknown filters", () => {
    const groups = chipGroups([chip("year", "2024", 3), chip("team", "x", 9), chip("objective", "O1", 2)], new Set());
    expect(groups.map((g) => [g.filter, g.shown.map((c) => c.value), g.hidden])).toEqual([
      ["objective", ["O1"], 0],
      ["year", ["2024"], 0],
    ]);
  });

  it("puts the most frequent projects first and the rest behind “more”", () => {
    const [group] = chipGroups(projects, new Set());
    expect(group!.shown.map((c) => c.value)).toEqual(["p10", "p9", "p8", "p7", "p6", "p5", "p4", "p3"]);
    expect(group!.hidden).toBe(3);
  });

  it("keeps years and objectives in the order the engine gives them", () => {
    const years = ["2021", "2024", "2019"].map((y, i) => chip("year", y, 10 - i * 4));
    expect(chipGroups([...years].reverse(), new Set())[0]!.shown.map((c) => c.value)).toEqual(["2019", "2024", "2021"]);
  });

  it("never hides a selected chip", () => {
    const withSelected = projects.map((c) => (c.value === "p0" ? { ...c, selected: true } : c));
    const [group] = chipGroups(withSelected, new Set());
    expect(group!.shown.map((c) => c.value)).toContain("p0");
    expect([group!.shown.length, group!.hidden]).toEqual([CHIPS_SHOWN + 1, 2]);
  });

  it("shows every chip of an expanded filter", () => {
    const [group] = chipGroups(projects, new Set(["project"]));
    expect([group!.shown.length, group!.hidden]).toEqual([projects.length, 0]);
  });
});

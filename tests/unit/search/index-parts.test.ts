import { describe, expect, it } from "vitest";
import { splitBySize } from "../../../src/lib/search/index-parts.ts";

describe("splitBySize", () => {
  it.each([
    { items: [], budget: 10, runs: [] },
    { items: [3], budget: 10, runs: [[3]] },
    { items: [3, 3, 3], budget: 10, runs: [[3, 3, 3]] },
    { items: [5, 5, 5], budget: 10, runs: [[5, 5], [5]] },
    { items: [4, 4, 4, 4, 4], budget: 10, runs: [[4, 4], [4, 4], [4]] },
    { items: [1, 2, 3, 4, 5, 6], budget: 6, runs: [[1, 2, 3], [4], [5], [6]] },
  ])("cuts $items at $budget into $runs", ({ items, budget, runs }) => {
    expect(splitBySize(items, (n) => n, budget)).toEqual(runs);
  });

  it("gives a record larger than the budget a part of its own", () => {
    expect(splitBySize([2, 25, 3, 4, 30, 1], (n) => n, 10)).toEqual([[2], [25], [3, 4], [30], [1]]);
  });

  it("keeps the order, loses nothing and respects the budget, for any sizes", () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (let round = 0; round < 200; round++) {
      const budget = 1 + (next() % 50);
      const items = Array.from({ length: next() % 40 }, (_, i) => ({ i, size: next() % 60 }));
      const runs = splitBySize(items, (x) => x.size, budget);
      expect(runs.flat()).toEqual(items);
      const totals = runs.map((run) => run.reduce((a, x) => a + x.size, 0));
      runs.forEach((run, k) => expect(totals[k]! <= budget || run.length === 1, `${totals[k]} > ${budget}`).toBe(true));
      // Fewest parts: no part could also have taken the next part's first item.
      for (let k = 0; k + 1 < runs.length; k++) expect(totals[k]! + runs[k + 1]![0]!.size).toBeGreaterThan(budget);
    }
  });

  it("refuses a budget that is not positive", () => {
    expect(() => splitBySize([1], (n) => n, 0)).toThrow(RangeError);
    expect(() => splitBySize([1], (n) => n, Number.NaN)).toThrow(RangeError);
  });
});

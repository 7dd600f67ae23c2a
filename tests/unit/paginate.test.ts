import { describe, expect, it } from "vitest";
import { paginate } from "../../src/lib/paginate.ts";

describe("paginate", () => {
  it("keeps page 1 at the bare URL and numbers the rest", () => {
    const pages = paginate([...Array(120).keys()], 52);
    expect(pages.map((p) => [p.number, p.param, p.items.length])).toEqual([
      [1, undefined, 52],
      [2, "page/2", 52],
      [3, "page/3", 16],
    ]);
    expect(pages.every((p) => p.total === 3)).toBe(true);
  });
  it("gives one empty page for nothing", () => {
    expect(paginate([], 52)).toEqual([{ items: [], number: 1, total: 1, param: undefined }]);
  });
});

import { describe, expect, it } from "vitest";
import { createRoutes, withTrailingSlash } from "../../src/lib/routes.ts";
import { weekSlug } from "../../src/lib/week-id.ts";

describe("withTrailingSlash", () => {
  it.each([
    ["/", "/"],
    ["/repo", "/repo/"],
    ["/repo/", "/repo/"],
    ["https://example.com/notes", "https://example.com/notes/"],
    ["", "/"],
  ])("%s → %s", (path, expected) => {
    expect(withTrailingSlash(path)).toBe(expected);
  });
});

describe("routes", () => {
  it("join every URL to the base, with or without its slash", () => {
    for (const base of ["/repo", "/repo/"]) {
      const routes = createRoutes(base);
      expect([routes.home(), routes.project("cun-guan-lu-you"), routes.objective("O2")]).toEqual([
        "/repo/",
        "/repo/projects/cun-guan-lu-you/",
        "/repo/objectives/o2/",
      ]);
    }
  });

  it("link a week by its label as URLs write it", () => {
    expect(createRoutes("/").week(weekSlug("2024-W17"), "p-x")).toBe("/weeks/2024-w17/#p-x");
  });
});

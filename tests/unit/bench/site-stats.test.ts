import { describe, expect, it } from "vitest";
import { summarizeFiles } from "../../../scripts/bench/site-stats.ts";
import { formatMarkdownTable } from "../../../scripts/bench/report.ts";
import { median } from "../../../scripts/bench/stats.ts";

describe("summarizeFiles", () => {
  it("finds the home page, the largest week (not year) and project pages, the largest page, and the search index sizes", () => {
    const stats = summarizeFiles([
      { path: "index.html", bytes: 10 },
      { path: "404.html", bytes: 1 },
      { path: "weeks/index.html", bytes: 500 },
      { path: "weeks/2024-w17/index.html", bytes: 30 },
      { path: "weeks/2024-w18/index.html", bytes: 40 },
      { path: "weeks/2024/index.html", bytes: 60 },
      { path: "projects/index.html", bytes: 900 },
      { path: "projects/a/index.html", bytes: 70 },
      { path: "projects/a/page/2/index.html", bytes: 80 },
      { path: "pagefind/pagefind.js", bytes: 100 },
      { path: "pagefind/index/x.pf_index", bytes: 200 },
      { path: "pagefind-1/index/y.pf_index", bytes: 50 },
      { path: "search-data/catalog.json", bytes: 3 },
      { path: "_astro/a.css", bytes: 4 },
    ]);
    expect(stats).toEqual({
      pages: 9,
      distBytes: 2048,
      pagefindBytes: 350,
      searchDataBytes: 3,
      home: { path: "index.html", bytes: 10 },
      week: { path: "weeks/2024-w18/index.html", bytes: 40 },
      largestProject: { path: "projects/a/page/2/index.html", bytes: 80 },
      largestPage: { path: "projects/index.html", bytes: 900 },
    });
  });
});

describe("median and the table", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
  it("pads a Markdown table to its widest cells", () => {
    expect(
      formatMarkdownTable([
        ["", "52 weeks"],
        ["build", "9.1 s"],
      ]),
    ).toBe("|       | 52 weeks |\n| ----- | -------- |\n| build | 9.1 s    |");
  });
});

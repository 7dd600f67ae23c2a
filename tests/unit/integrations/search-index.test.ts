import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchFiles, CATALOG_FILE, isSearchFilePath, SEARCH_DATA_DIR, writeSearchFiles } from "../../../src/integrations/search-index.ts";
import type { Catalog } from "../../../src/lib/search/catalog.ts";
import { foldText } from "../../../src/lib/search/normalize.ts";
import { indexContentLength } from "../../../src/lib/search/tokens.ts";
import { record } from "../search/memory-index.ts";

const tmp = mkdtempSync(join(tmpdir(), "weekly-search-index-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Seven weeks in index order; the fourth is larger than the budget below.
const records = ["存管路由上线", "对账", "支付网关 OOM", "x".repeat(40), "清结算", "风控规则", "第 7 周"].map((text, i) => record(`2024-W0${i + 1}`, text));
const sizes = records.map((r) => indexContentLength(foldText(r.text)));
const budget = sizes[0]! + sizes[1]!;

const catalogOf = (files: Map<string, Uint8Array | string>): Catalog =>
  JSON.parse(gunzipSync(files.get(`${SEARCH_DATA_DIR}/${CATALOG_FILE}`) as Uint8Array).toString("utf8")) as Catalog;

const foldersOf = (files: Map<string, unknown>): string[] => [...new Set([...files.keys()].map((p) => p.split("/")[0]!))].sort();

describe("buildSearchFiles", () => {
  it("splits the index by content size, one Pagefind index folder per part, listed in the catalog", async () => {
    expect(sizes[3]).toBeGreaterThan(budget);
    const { files, indexes, weeks } = await buildSearchFiles(records, { partBytes: budget });
    // [W01 W02] [W03] [W04, too large for any part] [W05 W06] [W07]
    expect(indexes).toBe(5);
    expect(weeks).toBe(7);
    expect(foldersOf(files)).toEqual(["pagefind", "pagefind-1", "pagefind-2", "pagefind-3", "pagefind-4", SEARCH_DATA_DIR]);
    const catalog = catalogOf(files);
    expect(catalog.indexes).toEqual(["pagefind-1/", "pagefind-2/", "pagefind-3/", "pagefind-4/"]);
    expect(new Set(catalog.weeks.map((w) => w.id)).size).toBe(7);
    for (const dir of ["pagefind", "pagefind-3"]) {
      expect(files.has(`${dir}/pagefind-entry.json`), dir).toBe(true);
      expect(
        [...files.keys()].some((p) => p.startsWith(`${dir}/index/`)),
        dir,
      ).toBe(true);
    }
    // A further index is searched through the first one's runtime.
    expect(files.has("pagefind/pagefind.js")).toBe(true);
    expect([...files.keys()].filter((p) => /^pagefind-\d/.test(p) && /\.js$|wasm/.test(p))).toEqual([]);
  });

  it("keeps one index, and a catalog without further indexes, when everything fits", async () => {
    const { files, indexes } = await buildSearchFiles(records);
    expect(indexes).toBe(1);
    expect(foldersOf(files)).toEqual(["pagefind", SEARCH_DATA_DIR]);
    expect(catalogOf(files)).not.toHaveProperty("indexes");
  });
});

describe("writeSearchFiles", () => {
  it("replaces every index folder of an earlier build and leaves the pages alone", () => {
    const out = join(tmp, "site");
    for (const dir of ["pagefind-3", "pagefind", "search-data", "weeks", "pagefind-x"]) mkdirSync(join(out, dir), { recursive: true });
    writeFileSync(join(out, "pagefind-3", "pagefind-entry.json"), "{}");
    writeFileSync(join(out, "weeks", "index.html"), "<p>");
    writeSearchFiles(out, new Map([["pagefind/pagefind.js", "js"]]));
    expect(existsSync(join(out, "pagefind-3"))).toBe(false);
    expect(existsSync(join(out, "search-data"))).toBe(false);
    expect(existsSync(join(out, "pagefind", "pagefind.js"))).toBe(true);
    expect(existsSync(join(out, "weeks", "index.html"))).toBe(true);
    expect(existsSync(join(out, "pagefind-x"))).toBe(true);
  });
});

describe("isSearchFilePath", () => {
  it.each([
    ["pagefind/pagefind.js", true],
    ["pagefind-2/index/abc.pf_index", true],
    ["search-data/catalog.json.gz", true],
    ["pagefind", false],
    ["pagefind-0/x", false],
    ["pagefind-x/x", false],
    ["pagefinder/x", false],
    ["weeks/2024-w17/", false],
  ])("%s → %s", (path, expected) => {
    expect(isSearchFilePath(path)).toBe(expected);
  });
});

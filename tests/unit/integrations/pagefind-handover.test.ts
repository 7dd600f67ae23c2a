import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { pagefindIntegration } from "../../../src/integrations/pagefind.ts";
import { CATALOG_FILE, RECORDS_PATH, SEARCH_DATA_DIR } from "../../../src/integrations/search-index.ts";
import type { SearchWeekRecord } from "../../../src/lib/search/records.ts";
import { searchRecord } from "../../support/search-record.ts";

const tmp = mkdtempSync(join(tmpdir(), "weekly-pagefind-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const record = (week: string, text: string): SearchWeekRecord => searchRecord(week, text);

/** Runs astro:build:done over an output folder whose pages rendered `rendered`; returns the weeks the catalog lists. */
async function buildDone(early: SearchWeekRecord[] | undefined, rendered: SearchWeekRecord[]): Promise<string[]> {
  const outDir = mkdtempSync(join(tmp, "dist-"));
  mkdirSync(join(outDir, "search"), { recursive: true });
  writeFileSync(join(outDir, RECORDS_PATH), JSON.stringify(rendered));
  const integration = pagefindIntegration();
  if (early) integration.indexEarly(early);
  const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: "test" };
  await (integration.hooks["astro:build:done"] as (o: unknown) => Promise<void>)({ dir: pathToFileURL(`${outDir}/`), logger });
  expect(existsSync(join(outDir, RECORDS_PATH))).toBe(false);
  const catalog = JSON.parse(gunzipSync(readFileSync(join(outDir, SEARCH_DATA_DIR, CATALOG_FILE))).toString("utf8")) as {
    weeks: { week?: string; id?: string }[];
  };
  return catalog.weeks.map((w) => JSON.stringify(w));
}

describe("pagefindIntegration's early index", () => {
  it("stands when the pages rendered the same records, and is replaced by theirs when they differ", async () => {
    const a = [record("2024-W17", "支付成功率 99.9%")];
    const b = [record("2024-W17", "支付成功率 99.9%"), record("2024-W18", "贝易转上线")];
    const fromPages = await buildDone(undefined, b);
    expect(await buildDone(b, b)).toEqual(fromPages);
    // The early records lack a week the pages show: the index must be the pages' one.
    expect(await buildDone(a, b)).toEqual(fromPages);
    expect(fromPages.length).toBe(2);
  }, 120_000);
});

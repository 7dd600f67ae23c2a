import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import { reportContextKey, takeCachedReports } from "../../../src/data/week-cache.ts";
import { checkAndParseWeeks } from "../../../src/integrations/checked-weeks.ts";
import { sortedRegistry } from "../../../src/lib/registry.ts";
import { displayPath, loadRegistry, loadWeekFiles } from "../../../src/lib/validate/load.ts";
import { parseWeekFile, weekLinks } from "../../../src/lib/week-files.ts";
import { createRoutes } from "../../../src/lib/routes.ts";
import { FIXTURE_CONTENT } from "../../support/fixture-content.ts";

const tmp = mkdtempSync(join(tmpdir(), "weekly-checked-"));
mkdirSync("tmp", { recursive: true });
const repoTmp = mkdtempSync(join("tmp", "checked-weeks-"));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(repoTmp, { recursive: true, force: true });
});

/** A content folder: the fixture registry, the seed and generated weeks. */
function contentDir(name: string, count = 6, parent = tmp): string {
  const dir = join(parent, name);
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  for (const week of generateCorpus({ count, seed: 11, skipWeeks: ["2024-W17"] }))
    writeFileSync(join(dir, "weeks", week.fileName.replace(/.*\//, "")), week.source);
  return dir;
}

const run = (dir: string, options: { cacheFile?: string; threads?: number } = {}) =>
  checkAndParseWeeks({ contentDir: dir, root: process.cwd(), base: "/", staleAfterWeeks: 4, ...options });

describe("checkAndParseWeeks", () => {
  it("gives the same check and records from the cache and on two threads as on one without a cache", async () => {
    const dir = contentDir("same", 40);
    const cacheFile = join(tmp, "same-cache.txt");
    const fresh = await run(dir, { threads: 1 });
    const first = await run(dir, { cacheFile, threads: 2 });
    expect(existsSync(cacheFile)).toBe(true);
    const second = await run(dir, { cacheFile, threads: 2 });
    for (const result of [first, second]) {
      expect(result.check).toEqual(fresh.check);
      expect(result.passed?.records).toEqual(fresh.passed?.records);
      expect(result.passed?.drafts).toEqual(fresh.passed?.drafts);
    }
    expect(fresh.passed?.records).toHaveLength(41);
  }, 120_000);

  it("leaves every week's parse where the pages look for it: same context, path and text as the site's own parse", async () => {
    // Inside the repository, as content is.
    const dir = contentDir("handover", 6, repoTmp);
    const cacheFile = join(tmp, "handover-cache.txt");
    const result = await run(dir, { cacheFile });
    expect(result.passed?.cache?.file).toBe(cacheFile);
    const reports = { get: (key: string[]) => takeCachedReports(cacheFile, result.passed!.cache!.version, [key])[0] };
    const registry = sortedRegistry(loadRegistry(dir));
    const context = reportContextKey(registry, "/");
    const files = loadWeekFiles(join(dir, "weeks"));
    expect(files).toHaveLength(7);
    for (const { path, source } of files) {
      // The collection loader (data/week-loader.ts) names a file relative to the root: so must the check.
      expect(path).toBe(relative(process.cwd(), resolve(path)).split(sep).join("/"));
      expect(path.startsWith("tmp/checked-weeks-")).toBe(true);
      const own = parseWeekFile(source, { file: path, registry, links: weekLinks(createRoutes("/")) });
      expect(reports.get([context, path, source])).toEqual(JSON.parse(JSON.stringify(own)));
    }
  });

  it("checks and parses an edited week again, and keeps only the entries of present weeks", async () => {
    const dir = contentDir("edited");
    const cacheFile = join(tmp, "edited-cache.txt");
    await run(dir, { cacheFile });
    const seed = join(dir, "weeks", "2024-W17.mdx");
    writeFileSync(seed, readFileSync(seed, "utf8").replace("- 【贝易转（C转）】", "- 【新项目甲】启动\n- 【贝易转（C转）】"));
    const edited = await run(dir, { cacheFile });
    expect(edited.passed?.records.find((r) => r.week === "2024-W17")?.text).toContain("新项目甲");
    const lines = readFileSync(cacheFile, "utf8").trim().split("\n").slice(1);
    expect(lines.filter((l) => l.startsWith("r ")).length).toBe(7);
    expect(lines.filter((l) => l.startsWith("c ")).length).toBe(7);
  });

  it("reports a week's errors from the cache too, and hands nothing on then", async () => {
    const dir = contentDir("broken");
    const cacheFile = join(tmp, "broken-cache.txt");
    writeFileSync(join(dir, "weeks", "2024-W18.mdx"), "---\nweek: 2024-W18\n---\n\n- 【贝易转（C转）】{broken\n");
    const first = await run(dir, { cacheFile });
    const second = await run(dir, { cacheFile });
    expect(first.passed).toBeUndefined();
    expect(second.check).toEqual(first.check);
    expect(second.check.problems.some((p) => p.severity === "error" && p.file.endsWith("2024-W18.mdx"))).toBe(true);
  });

  it("names the drafts it leaves out of the records", async () => {
    const dir = contentDir("draft");
    const file = join(dir, "weeks", "2024-W17.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^---\n/, "---\ndraft: true\n"));
    const result = await run(dir);
    // Named as every message of the check names a file.
    expect(result.passed?.drafts).toEqual([displayPath(file)]);
    expect(result.passed?.records.map((r) => r.week)).not.toContain("2024-W17");
  });
});

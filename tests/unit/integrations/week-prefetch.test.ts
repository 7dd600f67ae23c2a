import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import { codeVersion, WeekCache } from "../../../src/integrations/week-cache.ts";
import { checkAndPrefetchWeeks } from "../../../src/integrations/week-prefetch.ts";

const tmp = mkdtempSync(join(tmpdir(), "weekly-prefetch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A content folder: the real registry, the seed and a few generated weeks. */
function contentDir(name: string): string {
  const dir = join(tmp, name);
  cpSync("content", dir, { recursive: true });
  for (const week of generateCorpus({ count: 6, seed: 11, skipWeeks: ["2024-W17"] }))
    writeFileSync(join(dir, "weeks", week.fileName.replace(/.*\//, "")), week.source);
  return dir;
}

const run = (dir: string, cacheFile?: string) =>
  checkAndPrefetchWeeks({ contentDir: dir, root: process.cwd(), base: "/", staleAfterWeeks: 4, cacheFile });

describe("checkAndPrefetchWeeks", () => {
  it("gives the same check and weeks from the cache as without it", () => {
    const dir = contentDir("same");
    const cacheFile = join(tmp, "same-cache.json");
    const fresh = run(dir);
    const first = run(dir, cacheFile);
    expect(existsSync(cacheFile)).toBe(true);
    const second = run(dir, cacheFile);
    for (const result of [first, second]) {
      expect(result.check).toEqual(fresh.check);
      expect(JSON.parse(JSON.stringify(result.prefetched))).toEqual(JSON.parse(JSON.stringify(fresh.prefetched)));
    }
    expect(fresh.prefetched?.files).toHaveLength(7);
  });

  it("checks and parses an edited week again, and only the cache of present weeks is kept", () => {
    const dir = contentDir("edited");
    const cacheFile = join(tmp, "edited-cache.json");
    run(dir, cacheFile);
    const seed = join(dir, "weeks", "2024-W17.mdx");
    writeFileSync(seed, readFileSync(seed, "utf8").replace("- 【贝易转（C转）】", "- 【新项目甲】启动\n- 【贝易转（C转）】"));
    const edited = run(dir, cacheFile);
    const week = edited.prefetched!.files.find((f) => f.path.endsWith("2024-W17.mdx"))!;
    expect(week.parsed.report.projects.map((p) => p.name)).toContain("新项目甲");
    const stored = JSON.parse(readFileSync(cacheFile, "utf8")) as { reports: object; checks: object };
    expect(Object.keys(stored.reports)).toHaveLength(7);
  });

  it("reports a week's errors from the cache too, and prefetches nothing then", () => {
    const dir = contentDir("broken");
    const cacheFile = join(tmp, "broken-cache.json");
    writeFileSync(join(dir, "weeks", "2024-W18.mdx"), "---\nweek: 2024-W18\n---\n\n- 【贝易转（C转）】{broken\n");
    const first = run(dir, cacheFile);
    const second = run(dir, cacheFile);
    expect(first.prefetched).toBeUndefined();
    expect(second.check).toEqual(first.check);
    expect(second.check.problems.some((p) => p.severity === "error" && p.file.endsWith("2024-W18.mdx"))).toBe(true);
  });
});

describe("WeekCache", () => {
  it("forgets everything when the code that filled it changes", () => {
    const file = join(tmp, "versioned.json");
    const a = new WeekCache(file, "v1");
    a.checks.set(["ctx", "w.mdx", "text"], []);
    a.save();
    expect(new WeekCache(file, "v1").checks.get(["ctx", "w.mdx", "text"])).toEqual([]);
    expect(new WeekCache(file, "v2").checks.get(["ctx", "w.mdx", "text"])).toBeUndefined();
    expect(new WeekCache(file, "v1").checks.get(["other ctx", "w.mdx", "text"])).toBeUndefined();
  });

  it("versions on our sources", () => {
    expect(codeVersion(process.cwd())).toMatch(/^[0-9a-f]{64}$/);
    expect(codeVersion(process.cwd())).not.toBe(codeVersion(tmp));
  });
});

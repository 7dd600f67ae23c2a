import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { codeVersion, reportContextKey, takeCachedReports, WeekCache } from "../../../src/data/week-cache.ts";
import type { WeekReport } from "../../../src/lib/report/model.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "week-cache-"));
  dirs.push(dir);
  return dir;
};

const parsed = { week: "2024-W17", html: '<p>支付\n成功率 "99%"</p>' } as unknown as WeekReport;

describe("WeekCache", () => {
  it("reads back on the next build what this one stored, newlines and quotes in values included", () => {
    const file = join(tempDir(), "weeks.txt");
    const cache = new WeekCache(file, "v1");
    cache.checks.set(["ctx", '2024-W17 源文本 "引号"\n第二行'], [{ message: "x\ny" } as never]);
    cache.checks.set(["ctx", "2024-W18"], []);
    cache.reports.set(["ctx", "2024-W17"], parsed);
    cache.save();
    const next = new WeekCache(file, "v1");
    expect(next.checks.get(["ctx", '2024-W17 源文本 "引号"\n第二行'])).toEqual([{ message: "x\ny" }]);
    expect(next.checks.get(["ctx", "2024-W18"])).toEqual([]);
    expect(next.reports.get(["ctx", "2024-W17"])).toEqual(parsed);
    // A check and a report under the same key are different entries.
    expect(next.reports.get(["ctx", "2024-W18"])).toBeUndefined();
    expect(next.checks.get(["other ctx", "2024-W18"])).toBeUndefined();
  });

  it("forgets everything written by other code, and keeps only the entries the last build used", () => {
    const file = join(tempDir(), "weeks.txt");
    const a = new WeekCache(file, "v1");
    a.reports.set(["ctx", "2024-W17"], parsed);
    a.reports.set(["ctx", "2024-W18"], parsed);
    a.save();
    expect(new WeekCache(file, "v2").reports.get(["ctx", "2024-W17"])).toBeUndefined();
    const b = new WeekCache(file, "v1");
    b.reports.get(["ctx", "2024-W17"]);
    b.save();
    const c = new WeekCache(file, "v1");
    expect(c.reports.get(["ctx", "2024-W17"])).toEqual(parsed);
    expect(c.reports.get(["ctx", "2024-W18"])).toBeUndefined();
  });

  it("starts empty on a damaged file instead of failing the build", () => {
    const file = join(tempDir(), "weeks.txt");
    writeFileSync(file, "weekly-archive-weeks 2 v1\nr 0123\nnot a line at all\n");
    expect(new WeekCache(file, "v1").reports.get(["ctx", "x"])).toBeUndefined();
  });
});

describe("takeCachedReports", () => {
  it("finds a week only under the same context, path and text, and only from the same code", () => {
    const file = join(tempDir(), "weeks.txt");
    const context = reportContextKey({ projects: [], objectives: [] }, "/archive");
    const cache = new WeekCache(file, "v1");
    cache.reports.set([context, "content/weeks/2024-W17.mdx", "text"], parsed);
    cache.checks.set([context, "content/weeks/2024-W17.mdx", "text"], []);
    cache.save();
    const take = (key: string[], version = "v1", from = file) => takeCachedReports(from, version, [key])[0];
    expect(take([context, "content/weeks/2024-W17.mdx", "text"])).toEqual(parsed);
    // The base is the same with or without its trailing slash; another base or registry is another context.
    expect(take([reportContextKey({ projects: [], objectives: [] }, "/archive/"), "content/weeks/2024-W17.mdx", "text"])).toEqual(parsed);
    expect(take([reportContextKey({ projects: [], objectives: [] }, "/"), "content/weeks/2024-W17.mdx", "text"])).toBeUndefined();
    expect(take([reportContextKey({ projects: [{ slug: "a" }], objectives: [] }, "/archive"), "content/weeks/2024-W17.mdx", "text"])).toBeUndefined();
    expect(take([context, "content/weeks/2024-W17.mdx", "text edited"])).toBeUndefined();
    expect(take([context, "content/weeks/2024-W18.mdx", "text"])).toBeUndefined();
    expect(take([context, "content/weeks/2024-W17.mdx", "text"], "v2")).toBeUndefined();
    expect(take([context, "content/weeks/2024-W17.mdx", "text"], "v1", join(tempDir(), "absent.txt"))).toBeUndefined();
  });

  it("reads a file of many megabytes a chunk at a time without losing a line across chunks, in the order asked", () => {
    const file = join(tempDir(), "weeks.txt");
    const cache = new WeekCache(file, "v1");
    // ~20 MB of two-byte text: lines straddle the 8 MB chunks.
    const weeks = Array.from({ length: 60 }, (_, i) => ({ week: `2024-W${i}`, html: "支付".repeat(60_000 + i * 997) }) as unknown as WeekReport);
    weeks.forEach((w, i) => cache.reports.set(["ctx", `w${i}`], w));
    cache.save();
    const keys = weeks.map((_, i) => ["ctx", `w${59 - i}`]);
    const found = takeCachedReports(file, "v1", keys);
    expect(found.map((w) => w?.week)).toEqual(weeks.map((w) => w.week).reverse());
    expect(found.every((w, i) => w?.html.length === weeks[59 - i]!.html.length)).toBe(true);
  });
});

describe("codeVersion", () => {
  it("is the same for an identical copy of the code and changes when one source file does", () => {
    const a = tempDir();
    for (const dir of ["src/lib", "src/integrations", "src/data", "src/i18n"]) cpSync(dir, join(a, dir), { recursive: true });
    cpSync("package-lock.json", join(a, "package-lock.json"));
    const b = tempDir();
    cpSync(a, b, { recursive: true });
    expect(codeVersion(b)).toBe(codeVersion(a));
    const file = join(b, "src/lib/report/parse-week.ts");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n// changed\n`);
    expect(codeVersion(b)).not.toBe(codeVersion(a));
    const c = tempDir();
    cpSync(a, c, { recursive: true });
    writeFileSync(join(c, "src/data/new-module.ts"), "export {};\n");
    expect(codeVersion(c)).not.toBe(codeVersion(a));
  });
});

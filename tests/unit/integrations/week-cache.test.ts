import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WeekCache } from "../../../src/integrations/week-cache.ts";
import type { ParsedWeekFile } from "../../../src/lib/week-files.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("WeekCache", () => {
  it("writes entry by entry the same JSON a single stringify would, and reads it back on the next build", () => {
    const dir = mkdtempSync(join(tmpdir(), "week-cache-"));
    dirs.push(dir);
    const file = join(dir, "weeks.json");
    const cache = new WeekCache(file, "v1");
    cache.checks.set(["ctx", "2024-W17 源文本 \"引号\""], [{ message: "x" } as never]);
    cache.checks.set(["ctx", "2024-W18"], []);
    const parsed = { report: { week: "2024-W17", html: "<p>支付\n</p>" } } as unknown as ParsedWeekFile;
    cache.reports.set(["ctx", "2024-W17"], parsed);
    cache.save();
    const text = readFileSync(file, "utf8");
    expect(() => JSON.parse(text)).not.toThrow();
    const stored = JSON.parse(text);
    expect(Object.keys(stored)).toEqual(["version", "checks", "reports"]);
    expect(text).toBe(JSON.stringify(stored));
    const next = new WeekCache(file, "v1");
    expect(next.checks.get(["ctx", "2024-W18"])).toEqual([]);
    expect(next.reports.get(["ctx", "2024-W17"])).toEqual(parsed);
    // A cache from other code is not used.
    expect(new WeekCache(file, "v2").reports.get(["ctx", "2024-W17"])).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import type { WeekJob, WeekJobSetup } from "../../../src/integrations/week-job.ts";
import { runWeekJobs, threadCount } from "../../../src/integrations/week-workers.ts";

const seed = readFileSync("tests/fixtures/seed-week.mdx", "utf8");
const jobs: WeekJob[] = [
  ...[...generateCorpus({ count: 40, seed: 5, skipWeeks: ["2024-W17"] })].map((w) => ({
    path: `weeks/${w.fileName}`,
    source: w.source,
    check: { path: `weeks/${w.fileName}`, source: w.source, week: w.fileName.replace(/\.mdx$/, ""), draft: false },
    parse: true,
  })),
  { path: "weeks/2024-W17.mdx", source: seed, parse: true },
  {
    path: "weeks/2024-W18.mdx",
    source: "---\nweek: 2024-W18\n---\n\n- 【贝易转（C转）】{broken\n",
    check: { path: "weeks/2024-W18.mdx", source: "---\nweek: 2024-W18\n---\n\n- 【贝易转（C转）】{broken\n", week: "2024-W18", draft: false },
    parse: true,
  },
];
const setup: WeekJobSetup = { weeks: ["2024-W17", "2024-W18"], context: {}, registry: { projects: [], objectives: [] }, base: "/" };

describe("runWeekJobs", () => {
  it("gives the same results, in job order, on one thread and on three", async () => {
    const one = await runWeekJobs(jobs, setup, 1);
    const three = await runWeekJobs(jobs, setup, 3);
    expect(JSON.parse(JSON.stringify(three))).toEqual(JSON.parse(JSON.stringify(one)));
    expect(one.at(-2)?.parsed?.week).toBe("2024-W17");
    // A week that fails its check is not parsed.
    expect(one.at(-1)?.parsed).toBeUndefined();
    expect(one.at(-1)?.problems.some((p) => p.severity === "error")).toBe(true);
  }, 120_000);

  it("does a failed thread's batch on this one instead of losing it", async () => {
    const one = await runWeekJobs(jobs, setup, 1);
    const dying = await runWeekJobs(jobs, setup, 2, new URL("../../fixtures/workers/dies-on-first-batch.mjs", import.meta.url));
    expect(JSON.parse(JSON.stringify(dying))).toEqual(JSON.parse(JSON.stringify(one)));
  }, 120_000);
});

describe("threadCount", () => {
  it("keeps a small archive on this thread and follows WEEKLY_ARCHIVE_THREADS", () => {
    expect(threadCount(20, {})).toBe(1);
    expect(threadCount(20, { WEEKLY_ARCHIVE_THREADS: "3" })).toBe(3);
    expect(threadCount(5000, { WEEKLY_ARCHIVE_THREADS: "1" })).toBe(1);
    expect(threadCount(5000, {})).toBeGreaterThanOrEqual(1);
  });
});

import { describe, expect, it } from "vitest";
import { budgetExitCode, evaluateBudgets, type BudgetInput } from "../../../scripts/bench/budgets.ts";

const fitting: BudgetInput = {
  weeks: 520,
  coldRatio: 0.9,
  warmRatio: 1.1,
  weekPageJsBytes: 440,
  largestProjectHtmlBytes: 75_000,
  peakMemoryBytes: 1.2e9,
  coldWallMs: 13_000,
  distBytes: 17e6,
  largestPage: { path: "objectives/o1/index.html", bytes: 130_000 },
  largestProcessBytes: 0.9e9,
};
/** The same archive five times larger, every per-week figure flat. */
const large: BudgetInput = { ...fitting, weeks: 2600, coldRatio: 1.2, coldWallMs: 65_000, distBytes: 85e6, largestProcessBytes: 1.3e9 };

describe("evaluateBudgets", () => {
  it("passes every budget when the 520-week figures fit", () => {
    const lines = evaluateBudgets([fitting]);
    expect(lines.map((l) => l.status)).toEqual(["PASS", "PASS", "PASS", "PASS", "PASS", "SKIP", "SKIP", "SKIP", "PASS"]);
    expect(budgetExitCode(lines)).toBe(0);
  });

  it("passes the page, 2,600-week and growth budgets when per-week figures stay flat", () => {
    const lines = evaluateBudgets([fitting, large]);
    expect(lines.map((l) => l.status)).toEqual(Array(9).fill("PASS"));
    expect(lines[6]!.detail).toContain("2600: 32.7 KB/week (×1.00)");
  });

  it.each<[string, Partial<BudgetInput>, number]>([
    ["a 301 KB page at 2,600 weeks", { largestPage: { path: "metrics/index.html", bytes: 301_000 } }, 4],
    ["a slow build at 2,600 weeks", { coldRatio: 1.7 }, 5],
    ["dist/ growing faster than the archive", { distBytes: 111e6 }, 6],
    ["build time growing faster than the archive", { coldWallMs: 82_000 }, 7],
    ["a 2.1 GB process", { largestProcessBytes: 2.1e9 }, 8],
  ])("fails on %s", (_, change, index) => {
    const lines = evaluateBudgets([fitting, { ...large, ...change }]);
    expect(lines[index]!.status).toBe("FAIL");
    expect(lines.filter((l) => l.status === "FAIL")).toHaveLength(1);
    expect(budgetExitCode(lines)).toBe(1);
  });

  it.each<[string, Partial<BudgetInput>, number]>([
    ["a slow warm build", { warmRatio: 1.51 }, 0],
    ["a slow cold build", { coldRatio: 1.6 }, 0],
    ["31 KB of week-page JS", { weekPageJsBytes: 31_000 }, 1],
    ["a 301 KB project page", { largestProjectHtmlBytes: 301_000 }, 2],
    ["2.1 GB of memory", { peakMemoryBytes: 2.1e9 }, 3],
  ])("fails on %s and exits 1", (_, change, index) => {
    const lines = evaluateBudgets([{ ...fitting, ...change }]);
    expect(lines[index]!.status).toBe("FAIL");
    expect(lines.filter((l) => l.status === "FAIL")).toHaveLength(1);
    expect(budgetExitCode(lines)).toBe(1);
  });

  it("skips the 520-week budgets when 520 is not among the sizes, but still checks week-page JS", () => {
    const lines = evaluateBudgets([{ ...fitting, weeks: 52, coldRatio: 3 }]);
    expect(lines.map((l) => l.status)).toEqual(["SKIP", "PASS", "SKIP", "SKIP", "PASS", "SKIP", "SKIP", "SKIP", "PASS"]);
    expect(budgetExitCode(lines)).toBe(0);
  });

  it("judges week-page JS at the worst size", () => {
    const lines = evaluateBudgets([fitting, { ...fitting, weeks: 52, weekPageJsBytes: 40_000 }]);
    expect(lines[1]).toMatchObject({ status: "FAIL", detail: expect.stringContaining("40.0 KB") });
  });
});

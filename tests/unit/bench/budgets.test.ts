import { describe, expect, it } from "vitest";
import { budgetExitCode, evaluateBudgets, type BudgetInput } from "../../../scripts/bench/budgets.ts";

const fitting: BudgetInput = {
  weeks: 520,
  coldRatio: 0.9,
  warmRatio: 1.1,
  weekPageJsBytes: 440,
  largestProjectHtmlBytes: 75_000,
  peakMemoryBytes: 1.2e9,
};

describe("evaluateBudgets", () => {
  it("passes every budget when the 520-week figures fit", () => {
    const lines = evaluateBudgets([fitting]);
    expect(lines.map((l) => l.status)).toEqual(["PASS", "PASS", "PASS", "PASS"]);
    expect(budgetExitCode(lines)).toBe(0);
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
    expect(lines.map((l) => l.status)).toEqual(["SKIP", "PASS", "SKIP", "SKIP"]);
    expect(budgetExitCode(lines)).toBe(0);
  });

  it("judges week-page JS at the worst size", () => {
    const lines = evaluateBudgets([fitting, { ...fitting, weeks: 52, weekPageJsBytes: 40_000 }]);
    expect(lines[1]).toMatchObject({ status: "FAIL", detail: expect.stringContaining("40.0 KB") });
  });
});

/**
 * The archive's performance budgets (issue 7) and their evaluation. KB = 1000 bytes and
 * GB = 10⁹ bytes: the stricter reading of each limit.
 */

export const BUDGET_WEEKS = 520;
export const BUDGETS = {
  /** Product build time over the floor's, at BUDGET_WEEKS. */
  maxBuildRatio: 1.5,
  /** Script bytes a week page runs before search is used, at every size. */
  maxWeekPageJsBytes: 30_000,
  /** HTML bytes of the largest project page, at BUDGET_WEEKS. */
  maxProjectPageHtmlBytes: 300_000,
  /** Peak memory of the whole build process tree, at BUDGET_WEEKS. */
  maxPeakMemoryBytes: 2_000_000_000,
} as const;

/** What the budgets need from one corpus size. */
export interface BudgetInput {
  weeks: number;
  /** Median ratio of the cold pairs (builds from empty caches). */
  coldRatio: number;
  /** Median ratio of the warm pairs; absent when none ran. */
  warmRatio?: number;
  weekPageJsBytes?: number;
  largestProjectHtmlBytes?: number;
  /** Highest peak over every product build of this size. */
  peakMemoryBytes: number;
}

export type BudgetStatus = "PASS" | "FAIL" | "SKIP";

export interface BudgetLine {
  status: BudgetStatus;
  name: string;
  detail: string;
}

const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;
const gb = (n: number): string => `${(n / 1e9).toFixed(2)} GB`;

function judge(ok: boolean): BudgetStatus {
  return ok ? "PASS" : "FAIL";
}

export function evaluateBudgets(inputs: readonly BudgetInput[]): BudgetLine[] {
  const at = inputs.find((i) => i.weeks === BUDGET_WEEKS);
  const skipped = (name: string): BudgetLine => ({ status: "SKIP", name, detail: `${BUDGET_WEEKS} weeks not in --sizes` });
  const lines: BudgetLine[] = [];

  const ratioName = `product/floor build time ≤ ${BUDGETS.maxBuildRatio} at ${BUDGET_WEEKS} weeks`;
  if (!at) lines.push(skipped(ratioName));
  else {
    // Both cache states must fit: a fresh CI clone builds cold, an author's second build warm.
    const worst = Math.max(at.coldRatio, at.warmRatio ?? 0);
    const warm = at.warmRatio === undefined ? "warm not measured" : `warm ${at.warmRatio.toFixed(2)}`;
    lines.push({ status: judge(worst <= BUDGETS.maxBuildRatio), name: ratioName, detail: `cold ${at.coldRatio.toFixed(2)}, ${warm}` });
  }

  const jsName = `week page JS before search ≤ ${kb(BUDGETS.maxWeekPageJsBytes)}`;
  const js = inputs.filter((i) => i.weekPageJsBytes !== undefined);
  if (js.length === 0) lines.push({ status: "SKIP", name: jsName, detail: "no week page measured" });
  else {
    const worst = js.reduce((a, i) => (i.weekPageJsBytes! > a.weekPageJsBytes! ? i : a));
    lines.push({
      status: judge(worst.weekPageJsBytes! <= BUDGETS.maxWeekPageJsBytes),
      name: jsName,
      detail: `${kb(worst.weekPageJsBytes!)} (largest of ${js.map((i) => i.weeks).join("/")} weeks)`,
    });
  }

  const htmlName = `largest project page ≤ ${kb(BUDGETS.maxProjectPageHtmlBytes)} HTML at ${BUDGET_WEEKS} weeks`;
  if (!at) lines.push(skipped(htmlName));
  else if (at.largestProjectHtmlBytes === undefined) lines.push({ status: "FAIL", name: htmlName, detail: "no project page was built" });
  else
    lines.push({
      status: judge(at.largestProjectHtmlBytes <= BUDGETS.maxProjectPageHtmlBytes),
      name: htmlName,
      detail: kb(at.largestProjectHtmlBytes),
    });

  const memName = `peak build memory ≤ ${gb(BUDGETS.maxPeakMemoryBytes)} at ${BUDGET_WEEKS} weeks`;
  if (!at) lines.push(skipped(memName));
  else
    lines.push({
      status: judge(at.peakMemoryBytes <= BUDGETS.maxPeakMemoryBytes),
      name: memName,
      detail: `${gb(at.peakMemoryBytes)} (whole process tree)`,
    });
  return lines;
}

/** Exit code for the bench: 1 when any budget fails; skipped budgets do not fail the run. */
export function budgetExitCode(lines: readonly BudgetLine[]): number {
  return lines.some((l) => l.status === "FAIL") ? 1 : 0;
}

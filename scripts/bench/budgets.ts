/**
 * The archive's performance budgets (issue 7) and their evaluation. KB = 1000 bytes and
 * GB = 10⁹ bytes: the stricter reading of each limit.
 */

export const BUDGET_WEEKS = 520;
/** The size the growth budgets start from, and the large size whose build must stay as close to the floor. */
export const LARGE_WEEKS = 2600;
export const BUDGETS = {
  /** Product build time over the floor's, at BUDGET_WEEKS. */
  maxBuildRatio: 1.5,
  /** Script bytes a week page runs before search is used, at every size. */
  maxWeekPageJsBytes: 30_000,
  /** HTML bytes of the largest project page, at BUDGET_WEEKS. */
  maxProjectPageHtmlBytes: 300_000,
  /** Peak memory of the whole build process tree, at BUDGET_WEEKS. */
  maxPeakMemoryBytes: 2_000_000_000,
  /** HTML bytes of the largest page of the site, at every size. */
  maxPageHtmlBytes: 300_000,
  /** A per-week figure (dist/ bytes, build time) at N weeks over the same figure at BUDGET_WEEKS. */
  maxPerWeekGrowth: 1.25,
  /** Memory of the build's largest single process (GNU time), at every size. */
  maxProcessMemoryBytes: 2_000_000_000,
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
  /** Median wall time of the cold product builds. */
  coldWallMs?: number;
  /** dist/ of the product. */
  distBytes?: number;
  largestPage?: { path: string; bytes: number };
  /** Largest single process over the product builds (GNU time); absent without /usr/bin/time. */
  largestProcessBytes?: number;
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

function ratioLine(input: BudgetInput | undefined, weeks: number): BudgetLine {
  const name = `product/floor build time ≤ ${BUDGETS.maxBuildRatio} at ${weeks} weeks`;
  if (!input) return { status: "SKIP", name, detail: `${weeks} weeks not in --sizes` };
  // Both cache states must fit: a fresh CI clone builds cold, an author's second build warm.
  const worst = Math.max(input.coldRatio, input.warmRatio ?? 0);
  const warm = input.warmRatio === undefined ? "warm not measured" : `warm ${input.warmRatio.toFixed(2)}`;
  return { status: judge(worst <= BUDGETS.maxBuildRatio), name, detail: `cold ${input.coldRatio.toFixed(2)}, ${warm}` };
}

/** A figure per week of archive, so that growth faster than the archive shows at a glance. */
export function perWeek(total: number, weeks: number): number {
  return total / weeks;
}

export function evaluateBudgets(inputs: readonly BudgetInput[]): BudgetLine[] {
  const at = inputs.find((i) => i.weeks === BUDGET_WEEKS);
  const skipped = (name: string): BudgetLine => ({ status: "SKIP", name, detail: `${BUDGET_WEEKS} weeks not in --sizes` });
  const lines: BudgetLine[] = [];

  lines.push(ratioLine(at, BUDGET_WEEKS));

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

  // Every page bounded: the largest HTML page at the worst size.
  const pageName = `largest HTML page ≤ ${kb(BUDGETS.maxPageHtmlBytes)} at every size`;
  const pages = inputs.filter((i) => i.largestPage);
  if (pages.length === 0) lines.push({ status: "SKIP", name: pageName, detail: "no page measured" });
  else {
    const worst = pages.reduce((a, i) => (i.largestPage!.bytes > a.largestPage!.bytes ? i : a));
    lines.push({
      status: judge(pages.every((i) => i.largestPage!.bytes <= BUDGETS.maxPageHtmlBytes)),
      name: pageName,
      detail: `${kb(worst.largestPage!.bytes)} /${worst.largestPage!.path} at ${worst.weeks} weeks (${pages.map((i) => `${i.weeks}: ${kb(i.largestPage!.bytes)}`).join(", ")})`,
    });
  }

  lines.push(
    ratioLine(
      inputs.find((i) => i.weeks === LARGE_WEEKS),
      LARGE_WEEKS,
    ),
  );

  // Linear cost: per-week figures of every larger size against the BUDGET_WEEKS ones.
  const larger = inputs.filter((i) => i.weeks > BUDGET_WEEKS);
  const growth = (label: string, unit: (n: number) => string, value: (i: BudgetInput) => number | undefined): void => {
    const name = `${label} per week at N weeks ≤ ${BUDGETS.maxPerWeekGrowth} × the ${BUDGET_WEEKS}-week figure`;
    const base = at && value(at);
    if (base === undefined || larger.length === 0) {
      lines.push({ status: "SKIP", name, detail: `needs ${BUDGET_WEEKS} weeks and a larger size in --sizes` });
      return;
    }
    const perBase = perWeek(base, BUDGET_WEEKS);
    const measured = larger
      .filter((i) => value(i) !== undefined)
      .map((i) => ({ weeks: i.weeks, ratio: perWeek(value(i)!, i.weeks) / perBase, per: perWeek(value(i)!, i.weeks) }));
    lines.push({
      status: judge(measured.every((m) => m.ratio <= BUDGETS.maxPerWeekGrowth)),
      name,
      detail: [`${BUDGET_WEEKS}: ${unit(perBase)}`, ...measured.map((m) => `${m.weeks}: ${unit(m.per)} (×${m.ratio.toFixed(2)})`)].join(", "),
    });
  };
  growth(
    "dist/ bytes",
    (n) => `${(n / 1000).toFixed(1)} KB/week`,
    (i) => i.distBytes,
  );
  growth(
    "cold build time",
    (n) => `${n.toFixed(1)} ms/week`,
    (i) => i.coldWallMs,
  );

  const procName = `largest build process ≤ ${gb(BUDGETS.maxProcessMemoryBytes)} at every size`;
  const procs = inputs.filter((i) => i.largestProcessBytes !== undefined);
  if (procs.length === 0) lines.push({ status: "SKIP", name: procName, detail: "needs /usr/bin/time (Debian: apt-get install -y time)" });
  else
    lines.push({
      status: judge(procs.every((i) => i.largestProcessBytes! <= BUDGETS.maxProcessMemoryBytes)),
      name: procName,
      detail: procs.map((i) => `${i.weeks}: ${gb(i.largestProcessBytes!)}`).join(", "),
    });
  return lines;
}

/** Exit code for the bench: 1 when any budget fails; skipped budgets do not fail the run. */
export function budgetExitCode(lines: readonly BudgetLine[]): number {
  return lines.some((l) => l.status === "FAIL") ? 1 : 0;
}

import type { PeriodSummary } from "../insights/period-review.ts";

/** The columns of the /reviews/ table, left to right. */
export const REVIEW_KINDS = ["year", "half", "quarter"] as const;

/** One row of /reviews/: a year, and its periods of each kind in calendar order. */
export interface ReviewIndexRow {
  year: number;
  periods: Record<(typeof REVIEW_KINDS)[number], PeriodSummary[]>;
}

/** /reviews/ as a table of years (newest first, as listPeriods gives them), each with its year, halves and quarters. */
export function reviewIndexRows(periods: readonly PeriodSummary[]): ReviewIndexRow[] {
  const years = [...new Set(periods.map((p) => p.period.year))];
  return years.map((year) => {
    const ofYear = periods.filter((p) => p.period.year === year);
    const ofKind = (kind: string) => ofYear.filter((p) => p.period.kind === kind).reverse();
    return { year, periods: { year: ofKind("year"), half: ofKind("half"), quarter: ofKind("quarter") } };
  });
}

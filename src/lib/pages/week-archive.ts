import type { ArchiveWeek, YearGroup } from "../archive.ts";
import type { WeekReport } from "../report/model.ts";

/** One year on the /weeks/ index: counts only; its weeks are listed on its own page. */
export interface YearSummary {
  year: number;
  count: number;
  /** Newest month first. */
  months: { month: number; count: number }[];
}

export interface WeekArchiveIndex {
  total: number;
  /** Newest first. */
  years: YearSummary[];
  /** The newest year in full (as on its own page), so the latest weeks are one click from anywhere. */
  latest?: YearGroup;
}

/**
 * The /weeks/ index and one page per year. A year holds at most 53 weeks, so every page stays small
 * however many years the archive spans.
 */
export function weekArchivePages(years: readonly YearGroup[]): { index: WeekArchiveIndex; years: YearGroup[] } {
  return {
    index: {
      total: years.reduce((n, y) => n + y.count, 0),
      years: years.map((y) => ({ year: y.year, count: y.count, months: y.months.map((m) => ({ month: m.month, count: m.weeks.length })) })),
      latest: years[0],
    },
    years: [...years],
  };
}

/** The home page's 近期周报: the `count` weeks before the newest (which the page shows in full), newest first. */
export function recentWeeks(weeks: readonly ArchiveWeek[], count: number): WeekReport[] {
  return weeks
    .slice(Math.max(0, weeks.length - 1 - count), Math.max(0, weeks.length - 1))
    .reverse()
    .map((w) => w.report);
}

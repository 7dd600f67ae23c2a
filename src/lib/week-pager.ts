import type { WeekReport } from "./report/model.ts";
import { weekGap, type WeekGap } from "./week-gap.ts";

/** One side of a week page's pager: the neighbouring week file and how far away it is. */
export interface WeekNeighbour {
  slug: string;
  week: string;
  title: string;
  gap: WeekGap;
}

export interface WeekPager {
  prev?: WeekNeighbour;
  next?: WeekNeighbour;
}

function neighbour(from: WeekReport, to: WeekReport | undefined): WeekNeighbour | undefined {
  return to && { slug: to.slug, week: to.week, title: to.title, gap: weekGap(from.week, to.week) };
}

/**
 * The pager of a week page. Its neighbours are the archive's previous and next files, which need not
 * be the previous and next ISO weeks: the gap goes with them so the page never calls a week two
 * years away 上一周.
 */
export function weekPager(week: { report: WeekReport; prev?: WeekReport; next?: WeekReport }): WeekPager {
  return { prev: neighbour(week.report, week.prev), next: neighbour(week.report, week.next) };
}

import type { IncidentEntry, IncidentLog, MonthCount } from "../insights/incident-log.ts";
import { paginate, type TimelinePage } from "../paginate.ts";

/** Incidents per page of /incidents/ (about 600 bytes each). */
export const INCIDENT_PAGE_SIZE = 50;

export interface IncidentPage {
  page: TimelinePage<IncidentEntry>;
  /** Incidents in the whole log. */
  total: number;
  /** Months this page's incidents span (quiet reported months included), newest first. */
  months: MonthCount[];
  /** Every year with its count and the page its newest incident is on: the way to older years. */
  years: { year: string; count: number; page: number }[];
}

/** /incidents/ as pages of the newest-first log, each with the month counts of its own stretch. */
export function incidentPages(log: Pick<IncidentLog, "entries" | "months">): IncidentPage[] {
  const pages = paginate(log.entries, INCIDENT_PAGE_SIZE);
  const years = new Map<string, { year: string; count: number; page: number }>();
  for (const p of pages)
    for (const e of p.items) {
      const year = e.month.slice(0, 4);
      const y = years.get(year) ?? { year, count: 0, page: p.number };
      y.count++;
      years.set(year, y);
    }
  const yearList = [...years.values()];
  return pages.map((page) => {
    const newest = page.number === 1 ? log.months[0]?.month : page.items[0]?.month;
    const oldest = page.number === page.total ? log.months.at(-1)?.month : page.items.at(-1)?.month;
    const months = newest && oldest ? log.months.filter((m) => m.month <= newest && m.month >= oldest) : [];
    return { page, total: log.entries.length, months, years: yearList };
  });
}

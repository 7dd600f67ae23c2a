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
}

/**
 * /incidents/ (or one of its year and severity pages) as pages of the newest-first log, each with the
 * month counts of its own stretch; the way to older years is the year filter (incident-filters.ts).
 */
export function incidentPages(log: Pick<IncidentLog, "entries" | "months">): IncidentPage[] {
  const pages = paginate(log.entries, INCIDENT_PAGE_SIZE);
  return pages.map((page) => {
    const newest = page.number === 1 ? log.months[0]?.month : page.items[0]?.month;
    const oldest = page.number === page.total ? log.months.at(-1)?.month : page.items.at(-1)?.month;
    const months = newest && oldest ? log.months.filter((m) => m.month <= newest && m.month >= oldest) : [];
    return { page, total: log.entries.length, months };
  });
}

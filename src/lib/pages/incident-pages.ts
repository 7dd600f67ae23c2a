import { countBySeverity, countByYear, filterIncidents, type FilterCount, type IncidentFilter } from "../insights/incident-filters.ts";
import type { IncidentEntry, IncidentLog, MonthCount } from "../insights/incident-log.ts";
import { paginate, type TimelinePage } from "../paginate.ts";
import { severitySlug } from "../routes.ts";

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

/** A page of /incidents/ or of one of its year and severity pages, with both filter bars. */
export interface IncidentListPage extends IncidentPage {
  /** Every choice of the two filter bars, counted over the whole log. */
  years: FilterCount<number>[];
  severities: FilterCount<string>[];
  /** Incidents in the whole log: the bars' 全部. */
  all: number;
  /** What this list shows; `{}` on /incidents/. */
  current: IncidentFilter;
}

export interface IncidentListRoute<Params> {
  params: Params & { page: string | undefined };
  props: IncidentListPage;
}

/**
 * The three incident lists as Astro routes, from one log: /incidents/, /incidents/<year>/ for each year
 * and /incidents/severity/<severity>/ for each severity that weeks state.
 */
export function incidentListRoutes(log: Pick<IncidentLog, "entries" | "months">): {
  all: IncidentListRoute<object>[];
  byYear: IncidentListRoute<{ year: string }>[];
  bySeverity: IncidentListRoute<{ severity: string }>[];
} {
  const years = countByYear(log.entries);
  const severities = countBySeverity(log.entries);
  const pagesOf = (current: IncidentFilter, months: MonthCount[]): IncidentListPage[] =>
    incidentPages({ entries: filterIncidents(log.entries, current), months }).map((page) => ({
      ...page,
      years,
      severities,
      all: log.entries.length,
      current,
    }));
  return {
    all: pagesOf({}, log.months).map((props) => ({ params: { page: props.page.param }, props })),
    byYear: years.flatMap((y) =>
      pagesOf(
        { year: y.key },
        log.months.filter((m) => m.month.startsWith(`${y.key}-`)),
      ).map((props) => ({
        params: { year: String(y.key), page: props.page.param },
        props,
      })),
    ),
    // No month table on a severity page: its incidents are scattered over the whole log.
    bySeverity: severities.flatMap((s) =>
      pagesOf({ severity: s.key }, []).map((props) => ({ params: { severity: severitySlug(s.key), page: props.page.param }, props })),
    ),
  };
}

import type { Incident, WeekReport } from "../report/model.ts";
import { addDays } from "date-fns/addDays";
import { weekStart, type WeekId } from "../week-id.ts";

/** One production incident on /incidents/, with the week that reported it. */
export interface IncidentEntry extends Incident {
  week: WeekId;
  weekSlug: string;
  /** `YYYY-MM` the incident counts under: its date, else its week's Thursday. */
  month: string;
  /** Whether `date` was written in the report (else the month is the week's). */
  dated: boolean;
}

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

export interface IncidentLog {
  /** Newest first: by date and time, undated incidents at their week's Thursday. */
  entries: IncidentEntry[];
  /** Newest month first: every month with an incident or a report (reported quiet months count 0). */
  months: MonthCount[];
  /** Incidents per week slug, for the metric charts. */
  countByWeek: Map<string, number>;
}

/** The Thursday decides which month an ISO week belongs to (as on the archive pages). */
function thursdayIso(week: WeekId): string {
  const d = addDays(weekStart(week), 3);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Every 生产事件 across weeks, newest first, and how many fell in each month. */
export function buildIncidentLog(reports: readonly Pick<WeekReport, "week" | "slug" | "incidents">[]): IncidentLog {
  const entries: (IncidentEntry & { sortKey: string })[] = [];
  const countByWeek = new Map<string, number>();
  for (const r of reports) {
    countByWeek.set(r.slug, r.incidents.length);
    r.incidents.forEach((incident, i) => {
      const day = incident.date ?? thursdayIso(r.week);
      entries.push({
        ...incident,
        week: r.week,
        weekSlug: r.slug,
        month: day.slice(0, 7),
        dated: !!incident.date,
        // Week and position break ties, so the order never depends on the sort implementation.
        sortKey: `${day} ${incident.time ?? "00:00"} ${r.week} ${String(i).padStart(3, "0")}`,
      });
    });
  }
  entries.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.month, (counts.get(e.month) ?? 0) + 1);
  // A month with reports but no incident is news (0); a month without any report is no data, not 0.
  for (const r of reports) {
    const month = thursdayIso(r.week).slice(0, 7);
    if (!counts.has(month)) counts.set(month, 0);
  }
  const months: MonthCount[] = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([month, count]) => ({ month, count }));
  return { entries: entries.map(({ sortKey: _, ...e }) => e), months, countByWeek };
}

/**
 * Year and severity views of the incident log, as static pages (/incidents/2024/,
 * /incidents/severity/b/): filtering without JavaScript, and per-year counts.
 */
import type { IncidentEntry } from "./incident-log.ts";

export interface FilterCount<K> {
  key: K;
  count: number;
}

export interface IncidentFilter {
  year?: number;
  /** As parsed (`A`, `AB`, `P1`); compared case-insensitively. */
  severity?: string;
}

/** The year an incident counts under: its date's, else its week's Thursday's (`month` carries both). */
export function incidentYear(e: Pick<IncidentEntry, "month">): number {
  return Number(e.month.slice(0, 4));
}

const SEVERITY_ORDER = ["A", "AB", "B", "C", "CD", "D", "P0", "P1", "P2", "P3"];

/** Years with incidents, newest first, with their counts. */
export function countByYear(entries: readonly IncidentEntry[]): FilterCount<number>[] {
  const counts = new Map<number, number>();
  for (const e of entries) counts.set(incidentYear(e), (counts.get(incidentYear(e)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([key, count]) => ({ key, count }));
}

/** Severities stated in weeks, most severe first, with their counts; unrated incidents are not a severity. */
export function countBySeverity(entries: readonly IncidentEntry[]): FilterCount<string>[] {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.severity) counts.set(e.severity, (counts.get(e.severity) ?? 0) + 1);
  const rank = (s: string) => (SEVERITY_ORDER.includes(s) ? SEVERITY_ORDER.indexOf(s) : SEVERITY_ORDER.length);
  return [...counts.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1)).map(([key, count]) => ({ key, count }));
}

export function filterIncidents(entries: readonly IncidentEntry[], filter: IncidentFilter): IncidentEntry[] {
  return entries.filter(
    (e) =>
      (filter.year === undefined || incidentYear(e) === filter.year) &&
      (filter.severity === undefined || e.severity?.toLowerCase() === filter.severity.toLowerCase()),
  );
}

/**
 * Review periods: quarters, halves and years. A week belongs to the period of its Thursday, the
 * day that decides ISO membership, so 2024-W01 (Thursday 4 January) is in 2024-Q1 and a week is
 * never split between two periods.
 */
import { compareWeekIds, weekStart, type WeekId } from "../week-id.ts";

export type PeriodKind = "quarter" | "half" | "year";

export interface Period {
  /** URL id: `2024-q2`, `2024-h1`, `2024`. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** Quarter 1–4 or half 1–2; 1 for a year. */
  index: number;
}

/** `YYYY-MM-DD` of a week's Thursday. */
export function thursdayOf(week: WeekId): string {
  const monday = weekStart(week);
  const d = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The quarter, half and year a week belongs to, by its Thursday. */
export function periodsOfWeek(week: WeekId): Period[] {
  const [y, m] = thursdayOf(week).split("-").map(Number) as [number, number];
  const quarter = Math.ceil(m / 3);
  const half = m <= 6 ? 1 : 2;
  return [
    { id: `${y}-q${quarter}`, kind: "quarter", year: y, index: quarter },
    { id: `${y}-h${half}`, kind: "half", year: y, index: half },
    { id: `${y}`, kind: "year", year: y, index: 1 },
  ];
}

/** Parses `2024-q2`, `2024-h1`, `2024`; undefined for anything else. */
export function parsePeriodId(id: string): Period | undefined {
  const m = /^(\d{4})(?:-(q[1-4]|h[12]))?$/.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (!m[2]) return { id, kind: "year", year, index: 1 };
  return { id, kind: m[2][0] === "q" ? "quarter" : "half", year, index: Number(m[2][1]) };
}

/** Whether a week falls in a period. */
export function inPeriod(week: WeekId, period: Period): boolean {
  return periodsOfWeek(week).some((p) => p.id === period.id);
}

const KIND_ORDER: Record<PeriodKind, number> = { year: 0, half: 1, quarter: 2 };

/** Newest year first; inside a year: the year, then halves, then quarters, newest first. */
export function comparePeriods(a: Period, b: Period): number {
  return b.year - a.year || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.index - a.index;
}

/** Every period that has at least one of the weeks, each with its weeks oldest first. */
export function groupWeeksByPeriod<T extends { week: WeekId }>(weeks: readonly T[]): { period: Period; weeks: T[] }[] {
  const byId = new Map<string, { period: Period; weeks: T[] }>();
  for (const w of [...weeks].sort((a, b) => compareWeekIds(a.week, b.week)))
    for (const p of periodsOfWeek(w.week)) {
      const group = byId.get(p.id) ?? { period: p, weeks: [] };
      group.weeks.push(w);
      byId.set(p.id, group);
    }
  return [...byId.values()].sort((a, b) => comparePeriods(a.period, b.period));
}

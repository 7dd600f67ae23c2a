import { addWeeks } from "date-fns/addWeeks";
import { endOfISOWeek } from "date-fns/endOfISOWeek";
import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import { getISOWeeksInYear } from "date-fns/getISOWeeksInYear";

declare const weekIdBrand: unique symbol;
/** A canonical ISO week label such as `2024-W17`, checked once at the edge. */
export type WeekId = string & { readonly [weekIdBrand]: true };

const WEEK_LABEL = /^(\d{4})-W(\d{2})$/;

export interface WeekParts {
  year: number;
  week: number;
}

/** Splits `2024-W17` into numbers without checking the week exists in that year. */
export function splitWeekLabel(label: string): WeekParts | undefined {
  const m = WEEK_LABEL.exec(label);
  if (!m) return undefined;
  return { year: Number(m[1]), week: Number(m[2]) };
}

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function weeksInYear(year: number): number {
  // Jan 4th always lies in ISO week 1 of its own year.
  return getISOWeeksInYear(new Date(year, 0, 4));
}

export function isWeekId(value: unknown): value is WeekId {
  if (typeof value !== "string") return false;
  const parts = splitWeekLabel(value);
  return !!parts && parts.year >= 1000 && parts.week >= 1 && parts.week <= weeksInYear(parts.year);
}

/** Why a label is not a week, in the words an author needs; undefined when it is one. */
export function explainWeekId(value: string): string | undefined {
  const parts = splitWeekLabel(value);
  if (!parts) return `"${value}" 不是 ISO 周格式，应写成 YYYY-Www，例如 2024-W17（周数两位，W 大写）`;
  const max = weeksInYear(parts.year);
  if (parts.week < 1 || parts.week > max) return `${parts.year} 年只有 ${max} 个 ISO 周（W01–W${max}），不存在 W${String(parts.week).padStart(2, "0")}`;
  return undefined;
}

export function parseWeekId(value: string): WeekId {
  const why = explainWeekId(value);
  if (why) throw new Error(why);
  return value as WeekId;
}

export function formatWeekId(year: number, week: number): WeekId {
  return parseWeekId(`${year}-W${String(week).padStart(2, "0")}`);
}

/** The ISO week a calendar date falls in (local time of the Date). */
export function weekIdOfDate(date: Date): WeekId {
  return formatWeekId(getISOWeekYear(date), getISOWeek(date));
}

/** Monday 00:00 (local) of the week. */
export function weekStart(id: WeekId): Date {
  const { year, week } = splitWeekLabel(id)!;
  // Week 1 is the one holding 4 January. Plain day arithmetic: a build asks this tens of thousands
  // of times (charts, gaps, periods), and date-fns' setISOWeek + startOfISOWeek cost it seconds.
  const mondayOfWeek1 = 4 - ((new Date(year, 0, 4).getDay() + 6) % 7);
  return new Date(year, 0, mondayOfWeek1 + 7 * (week - 1));
}

/** Sunday 23:59:59.999 (local) of the week. */
export function weekEnd(id: WeekId): Date {
  return endOfISOWeek(weekStart(id));
}

export function addWeeksToId(id: WeekId, n: number): WeekId {
  return weekIdOfDate(addWeeks(weekStart(id), n));
}

export function compareWeekIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A week label as URLs write it (`2024-W17` → `2024-w17`), as Astro's glob loader would produce:
 * every week link and every lookup by URL goes through here. Takes any label, checked or not.
 */
export function weekSlug(week: string): string {
  return week.toLowerCase();
}

/** Weeks between two labels (b − a), negative when b is earlier. */
export function weeksBetween(a: WeekId, b: WeekId): number {
  const ms = weekStart(b).getTime() - weekStart(a).getTime();
  return Math.round(ms / (7 * 24 * 3600 * 1000));
}

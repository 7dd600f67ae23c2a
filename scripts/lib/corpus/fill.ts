/** Filling templates: the {placeholders} of the vocabulary with numbers, dates and names drawn per week. */
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { splitWeekLabel, type WeekId } from "../../../src/lib/week-id.ts";
import type { Rng } from "./random.ts";
import { BANKS, CITIES, CLUSTERS, LINKS, PROSE_SLOTS } from "./vocabulary.ts";

export interface WeekDates {
  monday: Date;
  friday: Date;
  /** Day offset from Monday of the report's created date (4 = Fri, 5 = Sat). */
  lastDay: number;
  /** Minutes after midnight at which the report was written on that day. */
  createdMinutes: number;
}

export interface FillContext {
  rng: Rng;
  dates: WeekDates;
  week: WeekId;
  progress: number;
  count: number;
  lastFuture?: Date;
  short?: string;
  subject?: string;
}

export const md = (d: Date) => format(d, "M/d");
const roundTo5 = (n: number) => Math.round(n / 5) * 5;
const clampPct = (n: number) => Math.max(5, Math.min(100, n));

function quarterOf(dates: WeekDates): number {
  return Math.floor(dates.friday.getMonth() / 3) + 1;
}

function accuracyLine(rng: Rng): string {
  const asked = rng.int(200, 520);
  const right = Math.round(asked * (0.84 + rng.next() * 0.12));
  return `总询问量${asked}条，准确条数${right}条，准确率${((right / asked) * 100).toFixed(2)}%`;
}

function placeholder(key: string, c: FillContext): string {
  const { rng, dates } = c;
  switch (key) {
    case "p":
      return String(c.progress);
    case "p2":
      return String(clampPct(roundTo5(c.progress + rng.int(-4, 3) * 5)));
    case "p3":
      return String(clampPct(roundTo5(c.progress + rng.int(-8, 1) * 5)));
    case "n":
      return String(rng.int(2, 12));
    case "n2":
      return String(rng.int(1, 6));
    case "N":
      return String(rng.int(20, 480));
    case "cum":
      return String(c.count);
    case "min":
      return String(rng.int(3, 40));
    case "d0":
      return md(addDays(dates.monday, rng.int(0, 4)));
    case "dd":
      return format(addDays(dates.monday, rng.int(0, 4)), "d");
    case "d":
      c.lastFuture = addDays(dates.friday, rng.int(3, 17));
      return md(c.lastFuture);
    case "d2":
      return md(addDays(c.lastFuture ?? dates.friday, rng.int(3, 10)));
    case "m":
      return format(addDays(dates.friday, rng.int(15, 60)), "M");
    case "q":
      return String(quarterOf(dates));
    case "k":
      return (85 + rng.next() * 11).toFixed(2);
    case "w":
      return String(rng.int(5, 30));
    case "a":
      return String(rng.int(10, 30));
    case "b":
      return String(rng.int(3, 9));
    case "t":
      return (rng.int(5, 30) / 10).toFixed(1);
    case "small":
      return `0.0${rng.int(1, 9)}`;
    case "qa":
      return accuracyLine(rng);
    case "bank":
      return rng.pick(BANKS);
    case "city":
      return rng.pick(CITIES);
    case "cluster":
      return rng.pick(CLUSTERS);
    case "link": {
      const url = rng.pick(LINKS);
      return `[${url}](${url})`;
    }
    case "week":
      return c.week;
    case "year":
      return String(splitWeekLabel(c.week)!.year);
    case "wn":
      return String(splitWeekLabel(c.week)!.week);
    case "short":
      return c.short ?? "";
    case "subject":
      return c.subject ?? "";
    default:
      throw new Error(`generate-corpus: unknown placeholder {${key}} in a template`);
  }
}

export function fillTemplate(template: string, c: FillContext): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => placeholder(key, c));
}

/** Authors end items inconsistently: nothing, 。 or ；. */
export function endPunctuation(text: string, rng: Rng): string {
  if (/[。；;，)）]$/.test(text)) return text;
  return (
    text +
    rng.weighted<string>([
      ["", 6],
      ["。", 3],
      ["；", 1],
    ])
  );
}

export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function fillProse(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => rng.pick(PROSE_SLOTS[slot]!));
}

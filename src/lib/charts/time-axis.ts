import { scaleUtc, type ScaleTime } from "d3-scale";
import { weekIdOfDate, weekStart, weeksBetween, type WeekId } from "../week-id.ts";

/**
 * The shared x axis of every chart over weeks: real time (each week at its Monday), so four years
 * without reports take four years of width, and labels that never overlap at any archive size.
 *
 * Labels are HTML laid over the scaled SVG (components/ChartFrame.astro), so their size is the page's
 * font size on any screen. Where they sit is a percentage of the plot; which of them show depends on
 * the width the plot has at least: `wide` ticks from WIDE_MIN_PX up, `narrow` ones below (a phone).
 */

/** A label along an axis: where (percent of the plot, 0 = left / top) and what. */
export interface AxisTick {
  at: number;
  text: string;
}

export interface TimeTick extends AxisTick {
  /** Shown on wide screens (plot at least WIDE_MIN_PX wide). */
  wide: boolean;
  /** Shown on narrow screens (plot at least NARROW_MIN_PX wide). */
  narrow: boolean;
}

/** Narrowest plot in each layout: a 320 px phone, and a 40rem (640 px) window, minus page padding and the y labels. */
export const NARROW_MIN_PX = 220;
export const WIDE_MIN_PX = 540;
/** Below this viewport width the narrow set of ticks shows (CSS in ChartFrame.astro uses the same 40rem). */
export const WIDE_FROM_REM = 40;
/** Label font size in px (0.75rem); widths below are estimated from it. */
export const LABEL_PX = 12;
/** Free space kept between two labels. */
const GAP_PX = 10;

/** Monday of the week as a UTC instant: the same for every viewer, whatever their time zone. */
export function weekDate(week: WeekId): Date {
  const local = weekStart(week);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** A time scale over the weeks' span onto [0, 100]; a single week gets half a week either side. */
export function weekScale(weeks: readonly WeekId[]): ScaleTime<number, number> {
  const dates = weeks.map(weekDate).sort((a, b) => a.getTime() - b.getTime());
  const first = dates[0] ?? new Date(Date.UTC(2024, 0, 1));
  const last = dates.at(-1) ?? first;
  const pad = first.getTime() === last.getTime() ? 3.5 * 864e5 : 0;
  return scaleUtc()
    .domain([new Date(first.getTime() - pad), new Date(last.getTime() + pad)])
    .range([0, 100]);
}

/** Width of a label in px: CJK characters are a full em, digits and Latin letters a bit over half. */
export function labelWidthPx(text: string, fontPx = LABEL_PX): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.62;
  return em * fontPx;
}

type Level = "year" | "month" | "week";

function levelOf(ticks: readonly Date[]): Level {
  if (ticks.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1)) return "year";
  if (ticks.every((d) => d.getUTCDate() === 1)) return "month";
  return "week";
}

/** `2024`, `2024-04`, `2024-W17`: years for long spans, months for a year or two, week ids for a few months. */
function label(date: Date, level: Level): string {
  const y = date.getUTCFullYear();
  if (level === "year") return String(y);
  if (level === "month") return `${y}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  // A Monday: the ISO week it starts.
  return weekIdOfDate(new Date(y, date.getUTCMonth(), date.getUTCDate()));
}

/** Candidate ticks: at most `count`, on years, months or Mondays depending on the span. */
function candidates(scale: ScaleTime<number, number>, count: number): { date: Date; level: Level }[] {
  const [from, to] = scale.domain() as [Date, Date];
  const spanWeeks = (to.getTime() - from.getTime()) / (7 * 864e5);
  if (spanWeeks <= 20) {
    // Weeks: every k-th Monday inside the domain.
    const step = Math.max(1, Math.ceil(spanWeeks / Math.max(1, count)));
    const out: { date: Date; level: Level }[] = [];
    // The first Monday 00:00 UTC (where weekDate puts a week) inside the domain.
    const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    while (start.getUTCDay() !== 1 || start < from) start.setUTCDate(start.getUTCDate() + 1);
    for (let d = start; d <= to; d = new Date(d.getTime() + step * 7 * 864e5)) out.push({ date: d, level: "week" });
    return out;
  }
  const ticks = scale.ticks(count).filter((d) => d.getUTCDate() === 1);
  const level = levelOf(ticks);
  return ticks.map((date) => ({ date, level: level === "week" ? "month" : level }));
}

/** Keeps ticks left to right while each clears the last kept one (and both plot edges) at `minPx`. */
function spaced(ticks: readonly AxisTick[], minPx: number): AxisTick[] {
  const kept: AxisTick[] = [];
  for (const t of ticks) {
    const half = labelWidthPx(t.text) / 2;
    const px = (t.at / 100) * minPx;
    // Half a label may hang over the left edge (into the y labels' column, above the x labels);
    // none over the right one, where the page ends on a phone.
    if (px + half > minPx) continue;
    const prev = kept.at(-1);
    if (prev) {
      const prevPx = (prev.at / 100) * minPx;
      if (px - prevPx < labelWidthPx(prev.text) / 2 + half + GAP_PX) continue;
    }
    kept.push(t);
  }
  return kept;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The x labels of a chart over these weeks: a wide and a narrow set, each free of overlaps at its minimum width. */
export function timeTicks(scale: ScaleTime<number, number>): TimeTick[] {
  const make = (count: number) => candidates(scale, count).map(({ date, level }) => ({ at: round(scale(date)), text: label(date, level) }));
  const wide = spaced(make(8), WIDE_MIN_PX);
  const narrow = spaced(make(4), NARROW_MIN_PX);
  const byKey = new Map<string, TimeTick>();
  for (const t of wide) byKey.set(`${t.at}|${t.text}`, { ...t, wide: true, narrow: false });
  for (const t of narrow) {
    const key = `${t.at}|${t.text}`;
    const hit = byKey.get(key);
    if (hit) hit.narrow = true;
    else byKey.set(key, { ...t, wide: false, narrow: true });
  }
  return [...byKey.values()].sort((a, b) => a.at - b.at);
}

/** Whether two weeks are consecutive ISO weeks: a line between readings further apart breaks. */
export function isNextWeek(a: WeekId, b: WeekId): boolean {
  return weeksBetween(a, b) === 1;
}

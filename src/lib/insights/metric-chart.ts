import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { NARROW_MIN_PX, isNextWeek, timeTicks, weekDate, weekScale, type AxisTick, type TimeTick } from "../charts/time-axis.ts";
import { formatMetric } from "./format.ts";
import type { MetricPoint, MetricSeries } from "./metric-series.ts";
import type { WeekId } from "../week-id.ts";

/**
 * Geometry of one metric chart. Every metric chart shares one x axis — the archive's span in real
 * time, each week at its Monday — so a gap of years is as wide as years, and a line joins two
 * readings only when they are consecutive weeks. Axis labels are positions in percent for HTML
 * laid over the SVG (components/ChartFrame.astro): their size is the page's, on a phone as on a desk.
 */
export interface MetricChartModel {
  /** The SVG's own coordinates (viewBox): the plot, then a strip for incident markers below it. */
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Line segments; a week without a reading breaks the line. */
  path: string;
  points: (MetricPoint & { x: number; y: number; text: string })[];
  /** Draw a dot for every point (only when few enough to tell apart); missed points are always drawn. */
  showDots: boolean;
  /** The target line; its label sits with the y labels, left of the plot, never on the data. */
  target?: { y: number; at: number; text: string };
  /** Grid lines (SVG y) and their labels (percent of the height). */
  yTicks: (AxisTick & { y: number })[];
  xTicks: TimeTick[];
  /** Weeks with incidents: a marker under the plot, linked to the week's incidents. */
  incidents: { x: number; week: WeekId; weekSlug: string; anchor?: string; count: number }[];
  /** Markers one by one with links and tooltips; past a few dozen weeks they are one path (the table links them). */
  linkIncidents: boolean;
  /** All incident markers as one path, used when they are not linked one by one. */
  incidentPath: string;
  /** Baseline of the incident markers. */
  markerY: number;
}

export interface IncidentWeek {
  week: WeekId;
  weekSlug: string;
  count: number;
  anchor?: string;
}

const WIDTH = 560;
const PLOT_HEIGHT = 206;
const HEIGHT = 230;
/** Room inside the plot's edges so end dots and markers are not cut. */
const INSET = 8;
/** Tenths of a unit are plenty on screen and in print, and keep a 500-week page small. */
const round = (v: number) => Math.round(v * 10) / 10;
const DOT_LIMIT = 80;
/** Rendered px a y label needs from the target label (one line of 12 px text), at the narrowest plot. */
const LABEL_CLEARANCE_PX = 15;

/** `weeks` is every week of the archive, oldest first; `incidentWeeks` those with incidents. */
export function metricChart(series: MetricSeries, weeks: readonly WeekId[], incidentWeeks: readonly IncidentWeek[]): MetricChartModel {
  const plot = { left: INSET, right: WIDTH - INSET, top: INSET, bottom: PLOT_HEIGHT - INSET };
  const fmt = (v: number) => formatMetric(v, series.unit, series.decimals);
  const values = series.points.map((p) => p.value);
  if (series.target !== undefined) values.push(series.target);
  // Counts (whole numbers) start at zero and get whole-number ticks; rates fit their data.
  const counts = series.decimals === 0 && series.unit !== "%";
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (counts) lo = Math.min(0, lo);
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [lo - 1, hi + 1];
  const y = scaleLinear().domain([lo, hi]).nice(3).range([plot.bottom, plot.top]);
  const [dlo, dhi] = y.domain() as [number, number];
  const ticks = y.ticks(counts ? Math.max(1, Math.min(3, Math.round(dhi - dlo))) : 3).filter((v) => !counts || Number.isInteger(v));
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const tickDecimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));

  const time = weekScale(weeks.length ? weeks : series.points.map((p) => p.week));
  const xOf = (week: WeekId) => round(plot.left + (time(weekDate(week)) / 100) * (plot.right - plot.left));
  const points = series.points.map((p) => ({ ...p, x: xOf(p.week), y: round(y(p.value)), text: p.raw || fmt(p.value) }));
  const path = series.points.length > 1 ? segments(points) : "";

  const percentX = (x: number) => Math.round((x / WIDTH) * 10000) / 100;
  const percentY = (v: number) => Math.round((v / HEIGHT) * 10000) / 100;
  const target = series.target === undefined ? undefined : { y: round(y(series.target)), text: fmt(series.target) };
  // Rendered px per SVG unit on the narrowest plot: y labels closer than that to the target give way to it.
  const pxPerUnit = NARROW_MIN_PX / WIDTH;
  const yTicks = ticks
    .map((v) => ({ y: round(y(v)), text: formatMetric(v, series.unit, tickDecimals) }))
    .filter((t) => !target || Math.abs(t.y - target.y) * pxPerUnit >= LABEL_CLEARANCE_PX)
    .map((t) => ({ ...t, at: percentY(t.y) }));
  const xTicks = timeTicks(time).map((t) => ({ ...t, at: percentX(plot.left + (t.at / 100) * (plot.right - plot.left)) }));

  const markerY = PLOT_HEIGHT + 14;
  const incidents = incidentWeeks.map((w) => ({ ...w, x: xOf(w.week) }));
  return {
    width: WIDTH,
    height: HEIGHT,
    plot,
    path,
    points,
    showDots: points.length <= DOT_LIMIT,
    target: target && { ...target, at: percentY(target.y) },
    yTicks,
    xTicks,
    incidents,
    linkIncidents: weeks.length <= DOT_LIMIT,
    incidentPath: incidents.map((m) => trianglePath(m.x, markerY)).join(""),
    markerY,
  };
}

/** The line through the readings, broken wherever two readings are not consecutive weeks. */
function segments(points: readonly { week: WeekId; x: number; y: number }[]): string {
  const draw = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y)
    .digits(1);
  const runs: { week: WeekId; x: number; y: number }[][] = [];
  for (const p of points) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && isNextWeek(last.week, p.week)) run.push(p);
    else runs.push([p]);
  }
  // A lone reading is a zero-length segment: with round caps it shows as a dot even when dots are off.
  return runs.map((run) => (run.length === 1 ? `M${run[0]!.x} ${run[0]!.y}h0` : (draw(run) ?? ""))).join("");
}

/** A small upward triangle centred on x, sitting on y: the incident marker. */
export function trianglePath(x: number, y: number): string {
  return `M${x} ${round(y - 6)}L${round(x + 5)} ${round(y + 3)}L${round(x - 5)} ${round(y + 3)}Z`;
}

/** A diamond centred on (x, y): the missed-target marker (shape, not only colour, tells it apart). */
export function diamondPath(x: number, y: number): string {
  return `M${x} ${round(y - 6)}L${round(x + 6)} ${y}L${x} ${round(y + 6)}L${round(x - 6)} ${y}Z`;
}

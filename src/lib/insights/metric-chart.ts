import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { formatMetric } from "./format.ts";
import type { MetricPoint, MetricSeries } from "./metric-series.ts";

/**
 * Geometry of one metric chart. Unlike the progress LineChart (whose x axis is the series' own
 * points), every metric chart shares one x axis — all weeks of the archive — so weeks without a
 * reading leave a gap and an incident week can be marked even where the metric is missing.
 */
export interface MetricChartModel {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Line segments; a week without a reading breaks the line. */
  path: string;
  points: (MetricPoint & { x: number; y: number; text: string })[];
  /** Draw a dot for every point (only when few enough to tell apart); missed points are always drawn. */
  showDots: boolean;
  target?: { y: number; text: string };
  yTicks: { y: number; text: string }[];
  xTicks: { x: number; text: string }[];
  /** Weeks with incidents: a marker under the plot, linked to the week's incidents. */
  incidents: { x: number; week: string; weekSlug: string; anchor?: string; count: number }[];
  /** Markers one by one with links and tooltips; past a few dozen weeks they are one path (the table links them). */
  linkIncidents: boolean;
  /** All incident markers as one path, used when they are not linked one by one. */
  incidentPath: string;
  /** Baseline of the incident markers. */
  markerY: number;
}

export interface IncidentWeek {
  week: string;
  weekSlug: string;
  count: number;
  anchor?: string;
}

const WIDTH = 720;
/** Tenths of a pixel are plenty on screen and in print, and keep a 500-week page small. */
const round = (v: number) => Math.round(v * 10) / 10;
const HEIGHT = 260;
const DOT_LIMIT = 80;

/** `weeks` is every week of the archive, oldest first; `incidentWeeks` those with incidents. */
export function metricChart(series: MetricSeries, weeks: readonly string[], incidentWeeks: readonly IncidentWeek[]): MetricChartModel {
  // Room on the right for half a week label (about 28px) under the last point.
  const plot = { left: 64, right: WIDTH - 32, top: 16, bottom: HEIGHT - 52 };
  const fmt = (v: number) => formatMetric(v, series.unit, series.decimals);
  const values = series.points.map((p) => p.value);
  if (series.target !== undefined) values.push(series.target);
  // Counts (whole numbers) start at zero and get whole-number ticks; rates fit their data.
  const counts = series.decimals === 0 && series.unit !== "%";
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (counts) lo = Math.min(0, lo);
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [lo - 1, hi + 1];
  const y = scaleLinear().domain([lo, hi]).nice(4).range([plot.bottom, plot.top]);
  const [dlo, dhi] = y.domain() as [number, number];
  const ticks = y.ticks(counts ? Math.max(1, Math.min(4, Math.round(dhi - dlo))) : 4).filter((v) => !counts || Number.isInteger(v));
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const tickDecimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const x = scalePoint<string>().domain(weeks).range([plot.left, plot.right]).padding(0.5);

  const byWeek = new Map(series.points.map((p) => [p.week, p]));
  const lineOf = line<string>()
    .defined((w) => byWeek.has(w))
    .x((w) => x(w) ?? plot.left)
    .y((w) => y(byWeek.get(w)!.value))
    .digits(1);
  const points = series.points.map((p) => ({ ...p, x: round(x(p.week) ?? plot.left), y: round(y(p.value)), text: p.raw || fmt(p.value) }));

  const every = Math.max(1, Math.ceil(weeks.length / 8));
  const markerY = plot.bottom + 14;
  const incidents = incidentWeeks.map((w) => ({ ...w, x: round(x(w.week) ?? plot.left) }));
  return {
    width: WIDTH,
    height: HEIGHT,
    plot,
    path: series.points.length > 1 ? (lineOf(weeks as string[]) ?? "") : "",
    points,
    showDots: points.length <= DOT_LIMIT,
    target: series.target === undefined ? undefined : { y: round(y(series.target)), text: fmt(series.target) },
    yTicks: ticks.map((v) => ({ y: round(y(v)), text: formatMetric(v, series.unit, tickDecimals) })),
    xTicks: xTicks(weeks, x, every),
    incidents,
    linkIncidents: weeks.length <= DOT_LIMIT,
    incidentPath: incidents.map((m) => trianglePath(m.x, markerY)).join(""),
    markerY,
  };
}

/** A small upward triangle centred on x, sitting on y: the incident marker. */
export function trianglePath(x: number, y: number): string {
  return `M${x} ${round(y - 6)}L${round(x + 5)} ${round(y + 3)}L${round(x - 5)} ${round(y + 3)}Z`;
}

/** A diamond centred on (x, y): the missed-target marker (shape, not only colour, tells it apart). */
export function diamondPath(x: number, y: number): string {
  return `M${x} ${round(y - 6)}L${round(x + 6)} ${y}L${x} ${round(y + 6)}L${round(x - 6)} ${y}Z`;
}

/** Every `every`-th week, plus the last one unless it would overlap its neighbour's label. */
function xTicks(weeks: readonly string[], x: (w: string) => number | undefined, every: number): { x: number; text: string }[] {
  const ticks = weeks.filter((_, i) => i % every === 0).map((w) => ({ x: round(x(w) ?? 0), text: w }));
  const last = weeks.at(-1);
  if (last && ticks.at(-1)?.text !== last) {
    const lx = round(x(last) ?? 0);
    // Labels are about 56px wide at the chart's font size.
    if (lx - (ticks.at(-1)?.x ?? -Infinity) < 60) ticks.pop();
    ticks.push({ x: lx, text: last });
  }
  return ticks;
}

import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { WeekId } from "../week-id.ts";
import { isNextWeek, timeTicks, weekDate, weekScale, type AxisTick, type TimeTick } from "./time-axis.ts";

export interface ChartPoint {
  /** The week (`2024-W17`): where the point sits on the time axis. */
  label: WeekId;
  value: number;
  /** Link for the point (e.g. the week page). */
  href?: string;
  /** Drawn as a warning (below target, an incident week…). */
  flagged?: boolean;
  /** Tooltip text. */
  note?: string;
}

export interface LineChartModel {
  /** The SVG's own coordinates (viewBox); axis labels are HTML over it (components/ChartFrame.astro). */
  width: number;
  height: number;
  /** Runs of consecutive weeks, solid. */
  path: string;
  /** Jumps over weeks without a figure, dashed: a gap shows as a gap, not as steady progress. */
  jumpPath: string;
  points: (ChartPoint & { x: number; y: number })[];
  yTicks: (AxisTick & { y: number })[];
  xTicks: TimeTick[];
  target?: { y: number; at: number; text: string };
}

export interface LineChartOptions {
  width?: number;
  height?: number;
  /** Fixed y domain; default fits the data (and the target). */
  yDomain?: [number, number];
  target?: number;
  targetLabel?: string;
  format?: (v: number) => string;
}

const INSET = 8;
const round = (v: number) => Math.round(v * 10) / 10;
const percent = (v: number, of: number) => Math.round((v / of) * 10000) / 100;

/** Static SVG geometry for a line over weeks on a real time axis; the view only draws it. */
export function lineChart(data: ChartPoint[], options: LineChartOptions = {}): LineChartModel {
  const width = options.width ?? 560;
  const height = options.height ?? 200;
  const fmt = options.format ?? ((v: number) => String(v));
  const values = data.map((d) => d.value).concat(options.target === undefined ? [] : [options.target]);
  let [lo, hi] = options.yDomain ?? [Math.min(...values), Math.max(...values)];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const y = scaleLinear()
    .domain([lo, hi])
    .nice(3)
    .range([height - INSET, INSET]);
  const time = weekScale(data.map((d) => d.label));
  const toX = (at: number) => INSET + (at / 100) * (width - 2 * INSET);
  const points = data.map((d) => ({ ...d, x: round(toX(time(weekDate(d.label)))), y: round(y(d.value)) }));
  const draw = line<{ x: number; y: number }>()
    .x((p) => p.x)
    .y((p) => p.y)
    .digits(1);
  let path = "";
  let jumpPath = "";
  let run: typeof points = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && !isNextWeek(prev.label, p.label)) {
      if (run.length > 1) path += draw(run) ?? "";
      jumpPath += draw([prev, p]) ?? "";
      run = [];
    }
    run.push(p);
  });
  if (run.length > 1) path += draw(run) ?? "";
  return {
    width,
    height,
    path,
    jumpPath,
    points,
    yTicks: y.ticks(3).map((v) => ({ y: round(y(v)), at: percent(y(v), height), text: fmt(v) })),
    xTicks: timeTicks(time).map((t) => ({ ...t, at: percent(toX(t.at), width) })),
    target:
      options.target === undefined
        ? undefined
        : { y: round(y(options.target)), at: percent(y(options.target), height), text: options.targetLabel ?? fmt(options.target) },
  };
}

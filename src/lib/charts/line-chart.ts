import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

export interface ChartPoint {
  /** X label, usually a week id. */
  label: string;
  value: number;
  /** Link for the point (e.g. the week page). */
  href?: string;
  /** Drawn as a warning (below target, an incident week…). */
  flagged?: boolean;
  /** Tooltip text. */
  note?: string;
}

export interface LineChartModel {
  width: number;
  height: number;
  path: string;
  points: (ChartPoint & { x: number; y: number })[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  target?: { y: number; label: string };
  plot: { left: number; right: number; top: number; bottom: number };
}

export interface LineChartOptions {
  width?: number;
  height?: number;
  /** Fixed y domain; default fits the data (and the target). */
  yDomain?: [number, number];
  target?: number;
  targetLabel?: string;
  format?: (v: number) => string;
  /** At most this many x labels. */
  maxXTicks?: number;
}

/** Static SVG geometry for a line over weeks; the view only draws it. */
export function lineChart(data: ChartPoint[], options: LineChartOptions = {}): LineChartModel {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const plot = { left: 48, right: width - 12, top: 12, bottom: height - 28 };
  const fmt = options.format ?? ((v: number) => String(v));
  const values = data.map((d) => d.value).concat(options.target === undefined ? [] : [options.target]);
  let [lo, hi] = options.yDomain ?? [Math.min(...values), Math.max(...values)];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const y = scaleLinear().domain([lo, hi]).nice(4).range([plot.bottom, plot.top]);
  const x = scalePoint<string>().domain(data.map((d) => d.label)).range([plot.left, plot.right]).padding(0.3);
  const points = data.map((d) => ({ ...d, x: x(d.label) ?? plot.left, y: y(d.value) }));
  const path = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y)(points) ?? "";
  const every = Math.max(1, Math.ceil(data.length / (options.maxXTicks ?? 8)));
  return {
    width,
    height,
    path: points.length > 1 ? path : "",
    points,
    yTicks: y.ticks(4).map((v) => ({ y: y(v), label: fmt(v) })),
    xTicks: points.filter((_, i) => i % every === 0 || i === points.length - 1).map((p) => ({ x: p.x, label: p.label })),
    target: options.target === undefined ? undefined : { y: y(options.target), label: options.targetLabel ?? fmt(options.target) },
    plot,
  };
}

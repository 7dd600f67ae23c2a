import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { weekDate, weekScale } from "./time-axis.ts";

export interface SparklineModel {
  width: number;
  height: number;
  path: string;
  last?: { x: number; y: number };
  label: string;
}

/**
 * A tiny progress line (0–100 %) drawn as static SVG path data, on real time like the big charts:
 * a long silence between two figures takes its width instead of one even step.
 */
export function sparkline(input: readonly { week: string; percent: number }[] | readonly number[], label: string, width = 96, height = 24): SparklineModel {
  const pad = 2;
  // Plain values (already thinned by a page builder) keep even spacing; week points go on real time.
  const points = input.map((p, i) => (typeof p === "number" ? { week: "", percent: p, i } : { ...p, i }));
  const timed = points.length > 0 && points.every((p) => p.week);
  const time = weekScale(timed ? points.map((p) => p.week) : []);
  const last = Math.max(1, points.length - 1);
  const xOf = (p: { week: string; i: number }) => pad + ((timed ? time(weekDate(p.week)) : (p.i / last) * 100) / 100) * (width - 2 * pad);
  const y = scaleLinear().domain([0, 100]).range([height - pad, pad]);
  const draw = line<{ week: string; percent: number; i: number }>()
    .x((p) => xOf(p))
    .y((p) => y(p.percent))
    .digits(1);
  const lastPoint = points.at(-1);
  return {
    width,
    height,
    path: points.length > 1 ? (draw(points) ?? "") : "",
    last: lastPoint === undefined ? undefined : { x: xOf(lastPoint), y: y(lastPoint.percent) },
    label,
  };
}

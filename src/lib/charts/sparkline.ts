import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { WeekId } from "../week-id.ts";
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
export function sparkline(input: readonly { week: WeekId; percent: number }[] | readonly number[], label: string, width = 96, height = 24): SparklineModel {
  const pad = 2;
  // Plain values (already thinned by a page builder) keep even spacing; week points go on real time.
  const points: { week?: WeekId; percent: number; i: number }[] = input.map((p, i) => (typeof p === "number" ? { percent: p, i } : { ...p, i }));
  const weeks = points.flatMap((p) => (p.week ? [p.week] : []));
  const timed = points.length > 0 && weeks.length === points.length;
  const time = weekScale(timed ? weeks : []);
  const last = Math.max(1, points.length - 1);
  const xOf = (p: { week?: WeekId; i: number }) => pad + ((timed && p.week ? time(weekDate(p.week)) : (p.i / last) * 100) / 100) * (width - 2 * pad);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - pad, pad]);
  const draw = line<{ week?: WeekId; percent: number; i: number }>()
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

import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";

export interface SparklineModel {
  width: number;
  height: number;
  path: string;
  last?: { x: number; y: number };
  label: string;
}

/** A tiny progress line (0–100 %) drawn as static SVG path data. */
export function sparkline(values: number[], label: string, width = 96, height = 24): SparklineModel {
  const pad = 2;
  const x = scaleLinear().domain([0, Math.max(1, values.length - 1)]).range([pad, width - pad]);
  const y = scaleLinear().domain([0, 100]).range([height - pad, pad]);
  const path = line<number>()
    .x((_, i) => x(i))
    .y((v) => y(v))(values) ?? "";
  const lastValue = values.at(-1);
  return {
    width,
    height,
    path: values.length > 1 ? path : "",
    last: lastValue === undefined ? undefined : { x: x(values.length - 1), y: y(lastValue) },
    label,
  };
}

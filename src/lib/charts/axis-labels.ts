import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import type { AxisTick, TimeTick } from "./time-axis.ts";

/** What a chart's axis labels need: the model's ticks, and the target's label when there is one. */
export interface AxisLabels {
  xTicks: readonly TimeTick[];
  yTicks: readonly AxisTick[];
  target?: AxisTick;
}

const span = (className: string[], style: string, text: string): ElementContent => ({
  type: "element",
  tagName: "span",
  properties: { className, style },
  children: [{ type: "text", value: text }],
});

/**
 * The HTML axis labels laid over a chart's SVG (styles/chart-frame.css places them). A plain
 * function, so a browser test can lay the site's own labels out for any generated series.
 */
export function axisLabelsHtml({ xTicks, yTicks, target }: AxisLabels): string {
  const children: ElementContent[] = [
    ...yTicks.map((t) => span(["chart-y"], `top:${t.at}%`, t.text)),
    ...(target ? [span(["chart-y", "chart-y--target"], `top:${target.at}%`, target.text)] : []),
    ...xTicks.map((t) => span(["chart-x", ...(t.wide ? ["chart-x--wide"] : []), ...(t.narrow ? ["chart-x--narrow"] : [])], `left:${t.at}%`, t.text)),
  ];
  const root: Element = { type: "element", tagName: "div", properties: { className: ["chart-frame__labels"], ariaHidden: "true" }, children };
  return toHtml(root);
}

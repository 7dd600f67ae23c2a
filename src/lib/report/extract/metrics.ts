import type { Nodes, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { extractMetricReadings } from "../metrics.ts";
import type { MetricGroup } from "../model.ts";
import { lineOf, type Context, type RawSection } from "./common.ts";

/** Step 6: metric readings of 系统运行数据, grouped under their sub-titles. */
export function extractMetrics(section: RawSection, ctx: Context): MetricGroup[] {
  const groups: MetricGroup[] = [];
  let current: MetricGroup | undefined;
  for (const { text, line, node } of textLines(section.nodes, ctx)) {
    const readings = extractMetricReadings(text, line);
    if (readings.length === 0) {
      if (node.type === "heading" || /[：:]\s*$/.test(text) || !/\d/.test(text)) {
        current = { title: text.replace(/[：:]\s*$/, "").trim(), readings: [] };
        groups.push(current);
      }
      continue;
    }
    if (!current) {
      current = { title: "", readings: [] };
      groups.push(current);
    }
    current.readings.push(...readings);
  }
  return groups.filter((g) => g.readings.length > 0);
}

interface TextLine {
  text: string;
  line: number;
  node: Nodes;
}

/** Every paragraph line inside a section, list items included, in order. */
function textLines(nodes: RootContent[], ctx: Context): TextLine[] {
  const lines: TextLine[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === "paragraph" || node.type === "heading") {
      const start = lineOf(node, ctx);
      toString(node)
        .split("\n")
        .forEach((text, i) => {
          if (text.trim()) lines.push({ text: text.trim(), line: start + i, node });
        });
      return;
    }
    if ("children" in node) for (const c of node.children as Nodes[]) walk(c);
  };
  for (const n of nodes) walk(n);
  return lines;
}

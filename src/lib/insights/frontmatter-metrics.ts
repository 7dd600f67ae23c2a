import { isMap, isScalar } from "yaml";
import { readWeekSource } from "../report/week-source.ts";

/** One value written under a week's frontmatter `metrics:` (`deposit-success-rate: 99.997%`). */
export interface FrontmatterMetric {
  /** The key as written: a metric id, or a label such as `入金有效成功率`. */
  key: string;
  value: number;
  /** The value as written (`99.997%`, `0`). */
  raw: string;
  /** 1-based line of the key in the week file. */
  line: number;
}

// Matched against the trimmed value: `\s*[%]?\s*$` on an untrimmed one backtracks quadratically.
const VALUE = /^(-?\d+(?:\.\d+)?)\s*[%％]?$/;

/**
 * The `metrics:` map of a week's frontmatter, with file lines. WeekReport does not carry it,
 * so the data module reads it from the same source text; values the schema would reject are skipped
 * (the week validator reports those).
 */
export function readFrontmatterMetrics(source: string): FrontmatterMetric[] {
  const { split, frontmatter } = readWeekSource(source);
  if (!split.frontmatter || !frontmatter?.valid || !/^metrics\s*:/m.test(split.frontmatter.yaml)) return [];
  const { doc, lineCounter } = frontmatter;
  if (!isMap(doc.contents)) return [];
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "metrics");
  if (!pair || !isMap(pair.value)) return [];
  const found: FrontmatterMetric[] = [];
  for (const item of pair.value.items) {
    if (!isScalar(item.key) || !isScalar(item.value)) continue;
    const raw = String(item.value.value);
    const m = VALUE.exec(raw.trim());
    if (!m) continue;
    const offset = item.key.range?.[0] ?? 0;
    found.push({
      key: String(item.key.value),
      value: Number(m[1]),
      raw: (item.value.source ?? raw).trim(),
      line: lineCounter.linePos(offset).line + split.frontmatter.yamlStartLine - 1,
    });
  }
  return found;
}

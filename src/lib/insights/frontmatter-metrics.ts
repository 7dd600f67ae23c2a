import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { splitFrontmatter } from "../report/frontmatter.ts";

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

const VALUE = /^\s*(-?\d+(?:\.\d+)?)\s*[%％]?\s*$/;

/**
 * The `metrics:` map of a week's frontmatter, with file lines. WeekReport does not carry it,
 * so the data module reads it from the same source text; values the schema would reject are skipped
 * (the week validator reports those).
 */
export function readFrontmatterMetrics(source: string): FrontmatterMetric[] {
  const split = splitFrontmatter(source);
  if (split.yaml === undefined || !/^metrics\s*:/m.test(split.yaml)) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "metrics");
  if (!pair || !isMap(pair.value)) return [];
  const found: FrontmatterMetric[] = [];
  for (const item of pair.value.items) {
    if (!isScalar(item.key) || !isScalar(item.value)) continue;
    const raw = String(item.value.value);
    const m = VALUE.exec(raw);
    if (!m) continue;
    const offset = item.key.range?.[0] ?? 0;
    found.push({
      key: String(item.key.value),
      value: Number(m[1]),
      raw: (item.value.source ?? raw).trim(),
      line: lineCounter.linePos(offset).line + split.yamlLine - 1,
    });
  }
  return found;
}

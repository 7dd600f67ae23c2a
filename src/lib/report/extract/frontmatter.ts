import { isMap, isScalar } from "yaml";
import { weekFrontmatterSchema, type WeekFrontmatter } from "../../week-schema.ts";
import type { FrontmatterMetric } from "../model.ts";
import { WeekParseError } from "../parse-error.ts";
import { readWeekSource, type ReadFrontmatter, type WeekSplit } from "../week-source.ts";

/** Step 1: the frontmatter, read by the one week reader and checked against the week schema. */

/**
 * A week file's frontmatter as YAML data, not yet checked against the schema, with where its body
 * starts — read by the one week reader the check uses. Throws WeekParseError at the file line of the
 * first problem the check would report (encoding, fences, YAML).
 */
export function readFrontmatterData(source: string, file: string): { data: unknown; split: WeekSplit; read: ReadFrontmatter } {
  const read = readWeekSource(source);
  const first = read.problems[0];
  if (first) throw new WeekParseError(file, first.line, first.column, `${first.message} 修复：${first.hint}`);
  return { data: read.frontmatter!.data, split: read.split, read: read.frontmatter! };
}

/** The checked frontmatter, its `metrics:` with file lines, and the body it leaves. */
export function readFrontmatter(source: string, file: string): { frontmatter: WeekFrontmatter; metrics: FrontmatterMetric[]; split: WeekSplit } {
  const { data, split, read } = readFrontmatterData(source, file);
  const parsed = weekFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WeekParseError(file, split.frontmatter!.yamlStartLine, undefined, `frontmatter 字段 ${issue.path.join(".") || "(root)"}：${issue.message}`);
  }
  const metrics = parsed.data.metrics ? frontmatterMetrics(read, split.frontmatter!.yamlStartLine) : [];
  return { frontmatter: parsed.data, metrics, split };
}

// Matched against the trimmed value: `\s*[%]?\s*$` on an untrimmed one backtracks quadratically.
const VALUE = /^(-?\d+(?:\.\d+)?)\s*[%％]?$/;

/**
 * The `metrics:` map of a frontmatter, in written order, each value as written and its key's file line
 * — from the YAML document the reader parsed, so the lines are exact. Entries that are not a number
 * are left out (the week schema rejects them first).
 */
export function frontmatterMetrics(read: ReadFrontmatter, yamlStartLine: number): FrontmatterMetric[] {
  const { doc, lineCounter } = read;
  if (!read.valid || !isMap(doc.contents)) return [];
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "metrics");
  if (!pair || !isMap(pair.value)) return [];
  const found: FrontmatterMetric[] = [];
  for (const item of pair.value.items) {
    if (!isScalar(item.key) || !isScalar(item.value)) continue;
    const raw = String(item.value.value);
    const m = VALUE.exec(raw.trim());
    if (!m) continue;
    found.push({
      key: String(item.key.value),
      value: Number(m[1]),
      raw: (item.value.source ?? raw).trim(),
      line: lineCounter.linePos(item.key.range?.[0] ?? 0).line + yamlStartLine - 1,
    });
  }
  return found;
}

import type { FrontmatterMetric, WeekReport } from "./model.ts";
import { pinyinSlug } from "./slug.ts";
import { createMetricMatcher, type MetricEntry, type MetricMatcher } from "../metric-registry.ts";

/** What the metric steps need of a week: its readings and its frontmatter `metrics:` (which win over the section). */
export type MetricSourceWeek = Pick<WeekReport, "metrics" | "frontmatterMetrics">;

/** One metric's value in one week, after frontmatter and section have been reconciled. */
export interface WeekMetricValue {
  /** Registry id, or `x-<pinyin>` for a label the registry does not know. */
  id: string;
  /** Label as the registry (or the week, when unregistered) names it. */
  label: string;
  value: number;
  /** As written in the winning place (`99.997%`). */
  raw: string;
  unit: string;
  source: "frontmatter" | "section";
  /** 1-based file line of the winning value. */
  line: number;
  registered: boolean;
}

/** A frontmatter value that disagrees with the 系统运行数据 section of the same week. */
export interface MetricMismatch {
  file?: string;
  /** Line of the frontmatter key (the value that wins). */
  line: number;
  /** Line of the section reading. */
  sectionLine: number;
  /** Registry id (or `x-…` when unregistered). */
  metric: string;
  label: string;
  frontmatter: number;
  section: number;
}

/** A stable id for a label the registry lacks, so its values still get a chart. */
export function unregisteredMetricId(label: string): string {
  return `x-${pinyinSlug(label)}`;
}

interface Resolved {
  id: string;
  label: string;
  unit: string;
  registered: boolean;
}

function resolve(matcher: MetricMatcher, label: string, unit: string): Resolved {
  const entry = matcher.byId(label) ?? matcher.match(label);
  if (entry) return { id: entry.id, label: entry.label, unit: entry.unit, registered: true };
  return { id: unregisteredMetricId(label), label, unit, registered: false };
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

function reconcile(week: MetricSourceWeek, matcher: MetricMatcher) {
  const section = new Map<string, WeekMetricValue>();
  for (const group of week.metrics)
    for (const r of group.readings) {
      const m = resolve(matcher, r.label, r.unit);
      // A label written twice in one week: the first reading counts, as a reader scanning down would take it.
      if (!section.has(m.id)) section.set(m.id, { ...m, value: r.value, raw: r.raw, unit: m.unit || r.unit, source: "section", line: r.line });
    }
  const front = new Map<string, WeekMetricValue>();
  for (const f of week.frontmatterMetrics) {
    const m = resolve(matcher, f.key, "");
    if (!front.has(m.id)) front.set(m.id, { ...m, value: f.value, raw: f.raw, source: "frontmatter", line: f.line });
  }
  return { section, front };
}

/**
 * Every metric value of a week, one per metric: section readings in document order, then metrics
 * written only in frontmatter. Frontmatter `metrics:` wins over the 系统运行数据 section.
 */
export function weekMetricValues(week: MetricSourceWeek, registry: readonly MetricEntry[] | MetricMatcher): WeekMetricValue[] {
  const matcher = "match" in registry ? registry : createMetricMatcher(registry);
  const { section, front } = reconcile(week, matcher);
  const merged = new Map(section);
  for (const [id, v] of front) merged.set(id, v);
  return [...merged.values()];
}

/** Frontmatter values contradicting the section of the same week: a warning for `npm run check`. */
export function metricMismatches(week: MetricSourceWeek, registry: readonly MetricEntry[] | MetricMatcher, file?: string): MetricMismatch[] {
  const matcher = "match" in registry ? registry : createMetricMatcher(registry);
  const { section, front } = reconcile(week, matcher);
  const found: MetricMismatch[] = [];
  for (const [id, f] of front) {
    const s = section.get(id);
    if (!s || sameValue(s.value, f.value)) continue;
    found.push({ file, line: f.line, sectionLine: s.line, metric: id, label: f.label, frontmatter: f.value, section: s.value });
  }
  return found;
}

/** The warning an author reads: where, what disagrees, how to fix (Chinese, then a short English gloss). */
export function describeMismatch(m: MetricMismatch): { message: string; hint: string } {
  return {
    message: `指标「${m.label}」frontmatter 写的是 ${m.frontmatter}，第 ${m.sectionLine} 行系统运行数据写的是 ${m.section}；站点采用 frontmatter 的值 (metric ${m.metric}: frontmatter ${m.frontmatter} ≠ section ${m.section})`,
    hint: "两处改成同一个数，或删掉 frontmatter metrics 里的这一项让正文的值生效",
  };
}

/** Frontmatter `metrics:` keys that name no registered metric (likely a typo in the id): a check warning. */
export function unknownFrontmatterMetrics(
  frontmatterMetrics: readonly FrontmatterMetric[],
  registry: readonly MetricEntry[] | MetricMatcher,
): FrontmatterMetric[] {
  const matcher = "match" in registry ? registry : createMetricMatcher(registry);
  return frontmatterMetrics.filter((f) => !matcher.byId(f.key) && !matcher.match(f.key));
}

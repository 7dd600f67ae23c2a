import { z } from "astro/zod";
import { normalizeName } from "./report/text.ts";

/** Metric id: lower-case ASCII, used in frontmatter `metrics:` keys and as the chart anchor. */
export const metricIdSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "指标 id 只能用小写字母、数字和连字符，例如 deposit-success-rate");

export const metricDirectionSchema = z.enum(["higher", "lower"]);

export const metricEntrySchema = z
  .object({
    /** Stable ASCII id (`deposit-success-rate`): the key in a week's frontmatter `metrics:` and the anchor on /metrics/. */
    id: metricIdSchema,
    /** Display name, as usually written in 系统运行数据 (`入金有效成功率`). */
    label: z.string().min(1),
    /** Other labels weeks use for the same metric (`入金成功率`, `AB级事故`); default none. Matching ignores width, case and spaces. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Unit shown after values: `%`, `次`…; default none. */
    unit: z.string().default(""),
    /** `higher` (default) when a larger value is better (success rates), `lower` when smaller is better (incident counts). */
    direction: metricDirectionSchema.default("higher"),
    /** Target / SLO in the metric's unit; a week misses it when below (higher) or above (lower). Optional: no target line when absent. */
    target: z.number().optional(),
    /** One line saying what the metric measures, shown under its chart; optional. */
    description: z.string().min(1).optional(),
    /** Position on /metrics/ and week pages, lower first; default: the entry's place in metrics.yaml. */
    order: z.number().int().optional(),
  })
  .strict();

export const metricsFileSchema = z.array(metricEntrySchema).superRefine((entries, ctx) => {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const name of [e.id, e.label, ...e.aliases]) {
      const key = normalizeName(name);
      const first = seen.get(key);
      if (first !== undefined && first !== i)
        ctx.addIssue({ code: "custom", path: [i], message: `「${name}」已被第 ${first + 1} 项使用；每个 id、名称和别名只能属于一个指标` });
      seen.set(key, i);
    }
  });
});

export type MetricEntry = z.infer<typeof metricEntrySchema>;
export type MetricDirection = z.infer<typeof metricDirectionSchema>;

/** Finds the registered metric a label written in a week means. */
export interface MetricMatcher {
  /** The entry whose id, label or alias equals the label (width, case and spaces ignored). */
  match(label: string): MetricEntry | undefined;
  byId(id: string): MetricEntry | undefined;
}

/** `入金有效成功率（%）` and `入金有效成功率` are the same label. */
function labelKey(label: string): string {
  return normalizeName(label)
    .replace(/\([^()]*\)$/, "")
    .replace(/[:：]$/, "");
}

export function createMetricMatcher(entries: readonly MetricEntry[]): MetricMatcher {
  const byKey = new Map<string, MetricEntry>();
  const byId = new Map<string, MetricEntry>();
  for (const e of entries) {
    byId.set(e.id, e);
    for (const name of [e.id, e.label, ...e.aliases]) if (!byKey.has(labelKey(name))) byKey.set(labelKey(name), e);
  }
  return {
    match: (label) => byKey.get(labelKey(label)),
    byId: (id) => byId.get(id),
  };
}

/** Whether a value meets the metric's target; undefined when the metric has none. */
export function meetsTarget(entry: Pick<MetricEntry, "direction" | "target">, value: number): boolean | undefined {
  if (entry.target === undefined) return undefined;
  return entry.direction === "lower" ? value <= entry.target : value >= entry.target;
}

/** Whether a change from `from` to `to` is good news for this metric; undefined when unchanged. */
export function isImprovement(entry: Pick<MetricEntry, "direction">, from: number, to: number): boolean | undefined {
  if (to === from) return undefined;
  return entry.direction === "lower" ? to < from : to > from;
}

/** Registry entries in display order: explicit `order`, else their place in the file (as loaded). */
export function sortMetricEntries<T extends Pick<MetricEntry, "order">>(entries: readonly T[]): T[] {
  return entries
    .map((e, i) => ({ e, key: e.order ?? i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.e);
}

/** The content-collection parser: YAML list keyed by id, each entry remembering its place in the file. */
export function parseMetricsFile(parseYaml: (text: string) => unknown): (text: string) => Record<string, Record<string, unknown>> {
  return (text) => {
    const list = (parseYaml(text) ?? []) as Record<string, unknown>[];
    return Object.fromEntries(list.map((e, i) => [String(e.id), { order: i, ...e }]));
  };
}

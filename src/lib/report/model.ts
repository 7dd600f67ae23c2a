import { z } from "astro/zod";
import { weekIdSchema } from "../week-schema.ts";

/*
 * The model of a week: every schema here is strict, so a field the parser emits without declaring it
 * here fails `parseWeekReport` (and the unit test that runs it over every parsed fixture). The types
 * are the schemas' `z.infer`.
 */

/** A 1-based line in the week file (frontmatter included), where an author looks for the thing. */
const fileLine = z.number().int().min(1);

/** A progress figure found in text: `整体进度70%`, `进度75%`, `约85%`. */
export const progressSchema = z.strictObject({
  /** Percentage 0–100. */
  percent: z.number(),
  /** The words before the figure that say what it measures (`POS押金`, `整体`), empty when none. */
  label: z.string(),
  /** True for the overall figure (`整体进度`, `总…进度`) of an item that lists several. */
  overall: z.boolean(),
  /** The figure as written, e.g. `整体进度70%`. */
  raw: z.string(),
});
export type Progress = z.infer<typeof progressSchema>;

/** One list item (or paragraph) of a report, kept as a tree. */
export const reportItemSchema = z.strictObject({
  /** Anchor id on the week page, stable for the same content position; empty where the item has none of its own. */
  anchor: z.string(),
  /** Plain text of the item's own content (without nested items). */
  text: z.string(),
  /** Nested items in order. */
  get children(): z.ZodArray<typeof reportItemSchema> {
    return z.array(reportItemSchema);
  },
  /** Line of the item. */
  line: fileLine,
});
export type ReportItem = z.infer<typeof reportItemSchema>;

export const projectMentionSchema = z.strictObject({
  /** The name exactly as written between 【】 (or the bold lead / heading that names the project). */
  name: z.string(),
  /** Registry slug when the name or an alias is registered, otherwise a deterministic pinyin slug. */
  slug: z.string(),
  /** Whether the slug came from the registry. */
  registered: z.boolean(),
  /** Anchor id of the 【project】 list item on the week page. */
  anchor: z.string(),
  /** Text after 】 on the same line, if any. */
  lead: z.string(),
  /** Nested items and paragraphs under the project, in order. */
  items: z.array(reportItemSchema),
  /** The rendered HTML of the item's content (same markup as on the week page). */
  html: z.string(),
  /** All plain text of the item including nested items. */
  text: z.string(),
  /** Progress figures anywhere in the item. */
  progress: z.array(progressSchema),
  /** Line of the item. */
  line: fileLine,
});
export type ProjectMention = z.infer<typeof projectMentionSchema>;

export const objectiveItemSchema = z.strictObject({
  /** Anchor id on the week page (`o1-2`). */
  anchor: z.string(),
  /** Lead phrase of the item (`存管路由，…` → `存管路由`). */
  subject: z.string(),
  /** Project slug when the subject matches a registry name or alias. */
  projectSlug: z.string().optional(),
  /** Plain text of the item's own content (without nested items). */
  text: z.string(),
  /** The item rendered on its own, as on the week page but without ids. */
  html: z.string(),
  /** Nested items in order. */
  children: z.array(reportItemSchema),
  /** Progress figures anywhere in the item. */
  progress: z.array(progressSchema),
  /** Line of the item. */
  line: fileLine,
});
export type ObjectiveItem = z.infer<typeof objectiveItemSchema>;

export const objectiveSectionSchema = z.strictObject({
  /** `O1`…, upper-case. */
  id: z.string(),
  /** `业务服务`: the heading's words after the id, else the registry's title, else empty. */
  title: z.string(),
  /** Heading anchor on the week page. */
  anchor: z.string(),
  /** The section's items and paragraphs in order, placeholders left out. */
  items: z.array(objectiveItemSchema),
  /** Line of the heading. */
  line: fileLine,
});
export type ObjectiveSection = z.infer<typeof objectiveSectionSchema>;

export const metricReadingSchema = z.strictObject({
  /** Label as written: `入金有效成功率`, `AB级事故数`. */
  label: z.string(),
  /** The number read from `raw`. */
  value: z.number(),
  /** `%`, `次`, or empty. */
  unit: z.string(),
  /** The value as written: `99.997%`. */
  raw: z.string(),
  /** Line of the reading. */
  line: fileLine,
});
export type MetricReading = z.infer<typeof metricReadingSchema>;

export const metricGroupSchema = z.strictObject({
  /** Sub-heading such as `支付成功率`, `系统可用性`; empty when readings stand alone. */
  title: z.string(),
  /** The readings under it, in order; never empty. */
  readings: z.array(metricReadingSchema),
});
export type MetricGroup = z.infer<typeof metricGroupSchema>;

/** One value written under the frontmatter's `metrics:` (`deposit-success-rate: 99.997%`). */
export const frontmatterMetricSchema = z.strictObject({
  /** The key as written: a metric id, or a label such as `入金有效成功率`. */
  key: z.string(),
  /** The number of the value. */
  value: z.number(),
  /** The value as written (`99.997%`, `99.990`, `0`). */
  raw: z.string(),
  /** Line of the key. */
  line: fileLine,
});
export type FrontmatterMetric = z.infer<typeof frontmatterMetricSchema>;

export const incidentSchema = z.strictObject({
  /** Anchor id on the week page (`incident-1`); dated lines of one paragraph share it. */
  anchor: z.string(),
  /** `YYYY-MM-DD` resolved from `4/19` and the week, when a date is written. */
  date: z.string().optional(),
  /** `HH:mm` when written. */
  time: z.string().optional(),
  /** What happened and its impact, as written (text before `原因`). */
  summary: z.string(),
  /** Impact phrase when recognisable (`影响了25笔下单`). */
  impact: z.string().optional(),
  /** Cause as written (after `原因：`). */
  cause: z.string().optional(),
  /** Severity when the text states one: `A`–`D` or `AB`/`CD` (from `B级`, `AB级`), or `P0`–`P3`; absent when not written. */
  severity: z.string().optional(),
  /** The whole incident as plain text. */
  text: z.string(),
  /** The incident rendered on its own, without ids. */
  html: z.string(),
  /** Line of the item or dated line. */
  line: fileLine,
});
export type Incident = z.infer<typeof incidentSchema>;

export const planItemSchema = z.strictObject({
  /** Anchor id on the week page (`plan-1`). */
  anchor: z.string(),
  /** Plain text of the plan (without nested items). */
  text: z.string(),
  /** Lead phrase / project the plan is about, when recognisable. */
  subject: z.string(),
  /** Project slug of the subject, or of a registered name anywhere in the text. */
  projectSlug: z.string().optional(),
  /** `- [x]` → true, `- [ ]` → false, plain item → undefined. */
  checked: z.boolean().optional(),
  /** Line of the item. */
  line: fileLine,
});
export type PlanItem = z.infer<typeof planItemSchema>;

/** One tick of this week's 上周计划完成情况 checklist (written by `npm run new`, ticked by the author). */
export const planMarkSchema = z.strictObject({
  /** Plain text of the item, as the template copied it from last week's plan. */
  text: z.string(),
  /** `- [x]` → true, `- [ ]` → false. */
  checked: z.boolean(),
  /** Line of the item. */
  line: fileLine,
});
export type PlanMark = z.infer<typeof planMarkSchema>;

/** Known section kinds; heading variants are configured in section-kinds.ts. */
export const sectionKindSchema = z.enum(["projects", "objective", "metrics", "incidents", "other", "reflections", "plans", "unknown"]);
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const sectionSchema = z.strictObject({
  /** What the heading says the section holds. */
  kind: sectionKindSchema,
  /** Heading text as written (without 【】), or `重点项目` for the leading project list. */
  title: z.string(),
  /** Anchor id of the heading (or of the section, when it has none). */
  anchor: z.string(),
  /** Heading level 1–6; 0 for the part before the first heading. */
  depth: z.number().int().min(0).max(6),
  /** Objective id for kind `objective`. */
  objectiveId: z.string().optional(),
  /** Plain text of the heading and body. */
  text: z.string(),
  /** Line of the heading, or of the section's first node. */
  line: fileLine,
});
export type Section = z.infer<typeof sectionSchema>;

export const weekReportSchema = z.strictObject({
  /** The frontmatter's `week`, as written (it equals the file name). */
  week: weekIdSchema,
  /** URL id, lower-case (`2024-w17`). */
  slug: z.string(),
  /** Frontmatter `title`; the week id when absent. */
  title: z.string(),
  /** Frontmatter `created`, an ISO date-time as written; absent when not written. */
  created: z.string().optional(),
  /** Frontmatter `author`; absent when not written. */
  author: z.string().optional(),
  /** Frontmatter `summary`; absent when not written. */
  summary: z.string().optional(),
  /** Frontmatter `draft: true`: shown only by `npm run dev`, never published. */
  draft: z.boolean(),
  /** Frontmatter `metrics:` in written order, with lines; they win over the 系统运行数据 section. Empty when none. */
  frontmatterMetrics: z.array(frontmatterMetricSchema),
  /** Sections in document order — the table of contents. */
  sections: z.array(sectionSchema),
  /** Every project the week mentions, in order (a project may appear more than once). */
  projects: z.array(projectMentionSchema),
  /** The `O1 …` sections in order. */
  objectives: z.array(objectiveSectionSchema),
  /** Readings of 系统运行数据, grouped under their sub-titles. */
  metrics: z.array(metricGroupSchema),
  /** Production incidents of 生产事件, in order. */
  incidents: z.array(incidentSchema),
  /** Items of 下周工作及目标. */
  plans: z.array(planItemSchema),
  /** Ticks of every 上周计划完成情况 checklist in the week, in order; empty when there is none. */
  planMarks: z.array(planMarkSchema),
  /** Text of 收获与反思. */
  reflections: z.string(),
  /** Items of 其他. */
  others: z.array(reportItemSchema),
  /**
   * The body of the author's 上周计划完成情况 checklist, rendered apart from `html`: the week page shows it inside
   * its one plan-review block instead of a second list of the same plans.
   */
  planChecklist: z
    .strictObject({
      /** Anchor id of its heading. */
      anchor: z.string(),
      /** Its heading as written (without 【】). */
      title: z.string(),
      /** The rendered body. */
      html: z.string(),
    })
    .optional(),
  /** Rendered body HTML with anchors and links to project/objective pages (without `planChecklist`). */
  html: z.string(),
  /** Plain text of the whole report (title + body), as a reader sees it. */
  text: z.string(),
});
export type WeekReport = z.infer<typeof weekReportSchema>;

/**
 * A report read back from outside the parser (a cache file, JSON): checked field by field, so a stale
 * or hand-edited copy fails here, named, instead of somewhere in a page.
 */
export function parseWeekReport(value: unknown): WeekReport {
  return weekReportSchema.parse(value);
}

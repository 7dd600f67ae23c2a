import { z } from "astro/zod";

/** A progress figure found in text: `整体进度70%`, `进度75%`, `约85%`. */
export const progressSchema = z.object({
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
export type ReportItem = {
  /** Anchor id on the week page, stable for the same content position. */
  anchor: string;
  /** Plain text of the item's own content (without nested items). */
  text: string;
  /** Nested items in order. */
  children: ReportItem[];
  /** 1-based line in the week file. */
  line: number;
};
export const reportItemSchema: z.ZodType<ReportItem> = z.lazy(() =>
  z.object({
    anchor: z.string(),
    text: z.string(),
    children: z.array(reportItemSchema),
    line: z.number().int(),
  }),
);

export const projectMentionSchema = z.object({
  /** The name exactly as written between 【】. */
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
  line: z.number().int(),
});
export type ProjectMention = z.infer<typeof projectMentionSchema>;

export const objectiveItemSchema = z.object({
  anchor: z.string(),
  /** Lead phrase of the item (`存管路由，…` → `存管路由`). */
  subject: z.string(),
  /** Project slug when the subject matches a registry name or alias. */
  projectSlug: z.string().optional(),
  text: z.string(),
  html: z.string(),
  children: z.array(reportItemSchema),
  progress: z.array(progressSchema),
  line: z.number().int(),
});
export type ObjectiveItem = z.infer<typeof objectiveItemSchema>;

export const objectiveSectionSchema = z.object({
  /** `O1`…, upper-case. */
  id: z.string(),
  /** `业务服务`. */
  title: z.string(),
  /** Heading anchor on the week page. */
  anchor: z.string(),
  items: z.array(objectiveItemSchema),
  line: z.number().int(),
});
export type ObjectiveSection = z.infer<typeof objectiveSectionSchema>;

export const metricReadingSchema = z.object({
  /** Label as written: `入金有效成功率`, `AB级事故数`. */
  label: z.string(),
  value: z.number(),
  /** `%`, `次`, or empty. */
  unit: z.string(),
  /** The value as written: `99.997%`. */
  raw: z.string(),
  line: z.number().int(),
});
export type MetricReading = z.infer<typeof metricReadingSchema>;

export const metricGroupSchema = z.object({
  /** Sub-heading such as `支付成功率`, `系统可用性`; empty when readings stand alone. */
  title: z.string(),
  readings: z.array(metricReadingSchema),
});
export type MetricGroup = z.infer<typeof metricGroupSchema>;

export const incidentSchema = z.object({
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
  text: z.string(),
  html: z.string(),
  line: z.number().int(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const planItemSchema = z.object({
  anchor: z.string(),
  text: z.string(),
  /** Lead phrase / project the plan is about, when recognisable. */
  subject: z.string(),
  projectSlug: z.string().optional(),
  /** `- [x]` → true, `- [ ]` → false, plain item → undefined. */
  checked: z.boolean().optional(),
  line: z.number().int(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

/** Known section kinds; heading variants are configured in section-kinds.ts. */
export const sectionKindSchema = z.enum([
  "projects",
  "objective",
  "metrics",
  "incidents",
  "other",
  "reflections",
  "plans",
  "unknown",
]);
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const sectionSchema = z.object({
  kind: sectionKindSchema,
  /** Heading text as written (without 【】), or `重点项目` for the leading project list. */
  title: z.string(),
  anchor: z.string(),
  depth: z.number().int(),
  /** Objective id for kind `objective`. */
  objectiveId: z.string().optional(),
  /** Plain text of the section body. */
  text: z.string(),
  line: z.number().int(),
});
export type Section = z.infer<typeof sectionSchema>;

export const weekReportSchema = z.object({
  week: z.string(),
  /** URL id, lower-case (`2024-w17`). */
  slug: z.string(),
  title: z.string(),
  created: z.string().optional(),
  author: z.string().optional(),
  summary: z.string().optional(),
  /** Frontmatter `draft: true`: shown only by `npm run dev`, never published. */
  draft: z.boolean(),
  /** Sections in document order — the table of contents. */
  sections: z.array(sectionSchema),
  projects: z.array(projectMentionSchema),
  objectives: z.array(objectiveSectionSchema),
  metrics: z.array(metricGroupSchema),
  incidents: z.array(incidentSchema),
  plans: z.array(planItemSchema),
  /** Text of 收获与反思. */
  reflections: z.string(),
  /** Items of 其他. */
  others: z.array(reportItemSchema),
  /**
   * The body of the author's 上周计划完成情况 checklist, rendered apart from `html`: the week page shows it inside
   * its one plan-review block instead of a second list of the same plans.
   */
  planChecklist: z.object({ anchor: z.string(), title: z.string(), html: z.string() }).optional(),
  /** Rendered body HTML with anchors and links to project/objective pages (without `planChecklist`). */
  html: z.string(),
  /** Plain text of the whole report (title + body), as a reader sees it. */
  text: z.string(),
});
export type WeekReport = z.infer<typeof weekReportSchema>;

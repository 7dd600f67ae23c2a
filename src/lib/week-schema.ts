import { z } from "astro/zod";
import { explainWeekId, isWeekId, type WeekId } from "./week-id.ts";

/** ISO 8601 date-time with minutes and an offset, as Notion's `Created:` becomes on import. */
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A week id that exists in the ISO calendar (`2024-W17`), typed as the WeekId brand (week-id.ts). */
export const weekIdSchema = z.custom<WeekId>(isWeekId, { message: "应为 ISO 周，如 2024-W17 (expected an ISO week id)" });

/** The frontmatter's `week`: a WeekId, or the reason in an author's words. */
export const weekLabelSchema = z
  .string()
  .superRefine((value, ctx) => {
    const why = explainWeekId(value);
    if (why) ctx.addIssue({ code: "custom", message: why });
  })
  .pipe(weekIdSchema);

/** A metric value written in frontmatter: a number, or a string such as `99.997%`. */
export const metricValueSchema = z.union([z.number(), z.string().regex(/^-?\d+(?:\.\d+)?%?$/)]);

export const weekFrontmatterSchema = z
  .object({
    /** ISO week label `YYYY-Www` (required); must equal the file name. The author's label is never corrected. */
    week: weekLabelSchema,
    /** Page title; defaults to the week label. */
    title: z.string().min(1).optional(),
    /** Who wrote the report; optional. */
    author: z.string().min(1).optional(),
    /** When the report was written (Notion's `Created:`), ISO date-time with offset, e.g. `2024-04-20T09:27+08:00`; kept as written. */
    created: z
      .union([z.string().regex(CREATED, "应为带时区的日期时间，如 2024-04-20T09:27+08:00"), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString() : v))
      .optional(),
    /** One-line summary shown in lists and search results; optional. */
    summary: z.string().min(1).optional(),
    /**
     * Work in progress (`npm run new` writes `draft: true`): `npm run dev` shows it with a banner, the
     * production build leaves it out (and names it), and placeholders are allowed. Default false.
     */
    draft: z.boolean().optional(),
    /** Metric values by metric id (see content/metrics.yaml); they win over values found in the 系统运行数据 section. */
    metrics: z.record(z.string(), metricValueSchema).optional(),
  })
  .strict();

export type WeekFrontmatter = z.infer<typeof weekFrontmatterSchema>;
export const WEEK_FRONTMATTER_KEYS = Object.keys(weekFrontmatterSchema.shape);

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "astro/zod";
import { parse as parseYaml } from "yaml";
import { SECTION_HEADINGS } from "./section-kinds.ts";

/** The file in the content folder that says how this team's weeks are organised (optional). */
export const SHAPE_FILE = "shape.yaml";

const headingList = z.array(z.string().min(1).max(40)).max(100);

/** Section kinds whose headings the shape can name (objectives have their own `O1 …` form). */
export const SECTION_KINDS = ["projects", "metrics", "incidents", "other", "reflections", "plans"] as const;
export type ShapeSectionKind = (typeof SECTION_KINDS)[number];

export const shapeFileSchema = z
  .object({
    /** `seed` (default): the seed's `- 【项目】` weeks; `headings`: one `## 项目` heading per piece of work. */
    preset: z.enum(["seed", "headings"]).default("seed"),
    /** What counts as a project; each key defaults to the preset's value. */
    projects: z
      .object({
        /** A top-level list item that starts with `【名称】` (seed default: true). */
        bracketLead: z.boolean().optional(),
        /** A top-level item or paragraph that starts with a bold name and a colon, `**名称**：…` (default false). */
        boldLead: z.boolean().optional(),
        /** Headings that are projects (default: none for seed, `##` everywhere for headings). */
        headings: z
          .object({
            /** Heading levels that name a project, e.g. `[2]` or `[2, 3]`. */
            depths: z.array(z.number().int().min(1).max(6)).min(1).max(6),
            /**
             * Only inside the section with this heading (e.g. `重点项目`); omitted = every heading of those
             * levels that is not a known section (其他, 下周工作…) or listed in `exclude`.
             */
            within: z.string().min(1).max(40).optional(),
          })
          .strict()
          .optional(),
        /** Headings that are never projects (`遇到的问题`, `TODO`); the headings preset has a list, default none. */
        exclude: headingList.optional(),
      })
      .strict()
      .default({}),
    /** Whether `## O1 业务服务` headings are objectives (default true). */
    objectives: z.boolean().default(true),
    /** Heading variants per section kind; a kind given here replaces the built-in list for that kind. */
    sections: z.partialRecord(z.enum(SECTION_KINDS), headingList).default({}),
  })
  .strict();

export type ShapeFile = z.infer<typeof shapeFileSchema>;

/** A shape with every choice made: what the parser reads. */
export interface ReportShape {
  preset: ShapeFile["preset"];
  bracketLead: boolean;
  boldLead: boolean;
  headingProjects?: { depths: number[]; within?: string };
  exclude: string[];
  objectives: boolean;
  sections: Record<ShapeSectionKind, string[]>;
}

/** Headings of status reports that are about the report, not a piece of work. */
const HEADINGS_PRESET_EXCLUDE = ["遇到的问题", "问题", "TODO", "待办", "产出列表", "产出", "总结", "备注", "参考", "参考资料", "链接", "附录", "本周总结"];

const HEADINGS_PRESET_SECTIONS: Partial<Record<ShapeSectionKind, string[]>> = {
  plans: [...SECTION_HEADINGS.plans, "下周安排", "Next", "Plan"],
};

/** The seed's conventions: what a week means when content/shape.yaml is absent. */
export const defaultShape: ReportShape = resolveShape(shapeFileSchema.parse({}));

export function resolveShape(file: ShapeFile): ReportShape {
  const headings = file.preset === "headings";
  return {
    preset: file.preset,
    bracketLead: file.projects.bracketLead ?? true,
    boldLead: file.projects.boldLead ?? false,
    headingProjects: file.projects.headings ?? (headings ? { depths: [2] } : undefined),
    exclude: file.projects.exclude ?? (headings ? HEADINGS_PRESET_EXCLUDE : []),
    objectives: file.objectives,
    sections: Object.fromEntries(
      SECTION_KINDS.map((k) => [k, file.sections[k] ?? (headings ? HEADINGS_PRESET_SECTIONS[k] : undefined) ?? SECTION_HEADINGS[k]]),
    ) as Record<ShapeSectionKind, string[]>,
  };
}

/** content/shape.yaml read and resolved; the default when absent or broken (the check reports a broken file). */
export function loadShape(contentDir: string): ReportShape {
  const file = join(contentDir, SHAPE_FILE);
  if (!existsSync(file)) return defaultShape;
  try {
    const parsed = shapeFileSchema.safeParse(parseYaml(readFileSync(file, "utf8")) ?? {});
    return parsed.success ? resolveShape(parsed.data) : defaultShape;
  } catch {
    return defaultShape;
  }
}

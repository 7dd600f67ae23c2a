import { z } from "astro/zod";
import type { ReportShape } from "./report/shape.ts";

/** ASCII slug used in URLs: lower-case letters, digits and single hyphens. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug 只能用小写字母、数字和连字符，例如 bei-yi-zhuan");

export const objectiveIdSchema = z.string().regex(/^O\d{1,2}$/, "目标编号应为 O 加数字，例如 O1");

export const projectStatusSchema = z.enum(["active", "paused", "done"]);

export const projectEntrySchema = z
  .object({
    /** Stable ASCII slug: the project's URL `/projects/<slug>/`. */
    slug: slugSchema,
    /** Display name, as written between 【】 in weeks. */
    name: z.string().min(1),
    /** Other spellings that mean the same project (`贝易转`, `C转`); default none. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Objective id the project serves (`O1`…); optional. */
    objective: objectiveIdSchema.optional(),
    /** Person responsible; optional. */
    owner: z.string().min(1).optional(),
    /** `active` (default), `paused` or `done`; done projects are never reported as stale. */
    status: projectStatusSchema.default("active"),
  })
  .strict();

export const objectiveEntrySchema = z
  .object({
    /** `O1`, `O2`…: the id written in week headings. */
    id: objectiveIdSchema,
    /** Title, e.g. `业务服务`. */
    title: z.string().min(1),
    /** Period the objective belongs to, e.g. `2024`; optional. */
    period: z.string().min(1).optional(),
    /** Other titles the heading may carry; default none. */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const projectsFileSchema = z.array(projectEntrySchema);
export const objectivesFileSchema = z.array(objectiveEntrySchema);

export type ProjectEntry = z.infer<typeof projectEntrySchema>;
export type ObjectiveEntry = z.infer<typeof objectiveEntrySchema>;

export interface Registry {
  projects: ProjectEntry[];
  objectives: ObjectiveEntry[];
  /** How weeks are organised (content/shape.yaml, see report/shape.ts); absent = the seed's conventions. */
  shape?: ReportShape;
}

export const emptyRegistry: Registry = { projects: [], objectives: [] };

/**
 * Projects by slug and objectives by id. Whoever builds a registry — the build's week check from the
 * YAML files, the site from its collections — puts it in this order, so both parse weeks alike
 * (which project a shared name resolves to can depend on order) and can compare their registries.
 */
export function sortedRegistry(registry: Registry): Registry {
  const byKey =
    <T>(key: (e: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    projects: [...registry.projects].sort(byKey((p) => p.slug)),
    objectives: [...registry.objectives].sort(byKey((o) => o.id)),
    ...(registry.shape ? { shape: registry.shape } : {}),
  };
}

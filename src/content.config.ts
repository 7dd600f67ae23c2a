import { defineCollection } from "astro:content";
import { parse as parseYaml } from "yaml";
import { weekFrontmatterSchema } from "./lib/week-schema.ts";
import { objectiveEntrySchema, projectEntrySchema } from "./lib/registry.ts";
import { metricEntrySchema, parseMetricsFile } from "./lib/metric-registry.ts";
import { siteConfig } from "./site.config.ts";
import { weekFilesLoader } from "./data/week-loader.ts";
import { optionalFileLoader } from "./data/optional-file-loader.ts";

const dir = `./${siteConfig.contentDir}`;

/** YAML lists keyed by their own id, so the registry files stay plain lists for authors. */
function keyedBy(key: "slug" | "id") {
  return (text: string): Record<string, Record<string, unknown>> =>
    Object.fromEntries(((parseYaml(text) ?? []) as Record<string, unknown>[]).map((e) => [String(e[key]), e]));
}

const weeks = defineCollection({
  // Ids are the author's file names (`2024-W17`); URLs lower-case them themselves. No MDX modules: see week-loader.ts.
  loader: weekFilesLoader(`${dir}/weeks`),
  schema: weekFrontmatterSchema,
});

const projects = defineCollection({
  loader: optionalFileLoader(`${dir}/projects.yaml`, keyedBy("slug")),
  schema: projectEntrySchema,
});

const objectives = defineCollection({
  loader: optionalFileLoader(`${dir}/objectives.yaml`, keyedBy("id")),
  schema: objectiveEntrySchema,
});

// Keyed like the others; each entry also keeps its place in the file, which orders the charts.
const metrics = defineCollection({
  loader: optionalFileLoader(`${dir}/metrics.yaml`, parseMetricsFile(parseYaml)),
  schema: metricEntrySchema,
});

export const collections = { weeks, projects, objectives, metrics };

/**
 * The content folder unit tests read: tests/fixtures/content, a frozen copy of the seed week and the
 * registries (projects, objectives, metrics). Editing the site's own content/ can then never break a
 * unit test, nor quietly weaken one (a registry entry removed, a seed line rewritten).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { metricsFileSchema, type MetricEntry } from "../../src/lib/metric-registry.ts";
import { objectivesFileSchema, projectsFileSchema, type Registry } from "../../src/lib/registry.ts";

/** Relative to the repository root, as WEEKLY_ARCHIVE_CONTENT and checkContentDir take it. */
export const FIXTURE_CONTENT = join("tests", "fixtures", "content");

/** The seed week's file inside FIXTURE_CONTENT. */
export const SEED_FILE = join(FIXTURE_CONTENT, "weeks", "2024-W17.mdx");

export function readFixtureContent(path: string): string {
  return readFileSync(join(FIXTURE_CONTENT, path), "utf8");
}

export const SEED_SOURCE = readFileSync(SEED_FILE, "utf8");

export const fixtureRegistry: Registry = {
  projects: projectsFileSchema.parse(parse(readFixtureContent("projects.yaml"))),
  objectives: objectivesFileSchema.parse(parse(readFixtureContent("objectives.yaml"))),
};

export const fixtureMetricRegistry: MetricEntry[] = metricsFileSchema.parse(parse(readFixtureContent("metrics.yaml")));

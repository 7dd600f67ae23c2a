import { getCollection } from "astro:content";
import build from "virtual:weekly-archive/build-context";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Archive } from "../lib/archive.ts";
import type { WeekReport } from "../lib/report/model.ts";
import { buildInsights, type Insights } from "../lib/insights/insights.ts";
import { sortMetricEntries } from "../lib/metric-registry.ts";
import { sortedRegistry, type Registry } from "../lib/registry.ts";
import { defaultShape, loadShape } from "../lib/report/shape.ts";
import { createRoutes } from "../lib/routes.ts";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import type { SourceWeek } from "../lib/github/site-links.ts";
import { archiveOf, archiveSearchRecords, parseWeekFile, visibleWeeks, weekLinks, withDistinctProjectSlugs } from "../lib/week-files.ts";
import { t } from "../i18n/zh-CN.ts";
import { reportContextKey, takeCachedReports } from "./week-cache.ts";
import { siteConfig } from "../site.config.ts";

/** Base-aware URLs for every page and component. */
export const routes = createRoutes(import.meta.env.BASE_URL);

/** A registry collection; its file is optional, and Astro warns about every empty collection it is asked for. */
async function optionalCollection<C extends "projects" | "objectives" | "metrics">(name: C) {
  return existsSync(join(siteConfig.contentDir, `${name}.yaml`)) ? await getCollection(name) : [];
}

async function loadRegistry(): Promise<Registry> {
  const projects = (await optionalCollection("projects")).map((e) => e.data);
  const objectives = (await optionalCollection("objectives")).map((e) => e.data);
  // content/shape.yaml is read like the week check reads it, so the check's parse (in the week cache) matches this one.
  const shape = loadShape(siteConfig.contentDir);
  return sortedRegistry({ projects, objectives, ...(shape === defaultShape ? {} : { shape }) });
}

/** A week file that exists but is not in the collection would vanish from the site: stop instead. */
function assertNothingDropped(ids: Set<string>): void {
  const dir = resolve(siteConfig.contentDir, "weeks");
  const files = readdirSync(dir).filter((f) => !f.startsWith("."));
  const missing = files.filter((f) => !ids.has(f.replace(/\.mdx$/, "")));
  if (missing.length > 0)
    throw new Error(
      `以下周报文件没有进入内容集合，站点会漏掉它们（These week files are not in the collection）：\n` +
        missing.map((f) => `  ${join(siteConfig.contentDir, "weeks", f)}：文件名应为 YYYY-Www.mdx（运行 npm run check 查看原因）`).join("\n"),
    );
}

/** This build's parsed weeks from the week check (data/week-cache.ts), where it left them for these files. */
function cachedReports(registry: Registry, inputs: readonly { file: string; source: string }[]): (WeekReport | undefined)[] {
  if (!build.weekCache) return [];
  const context = reportContextKey(registry, import.meta.env.BASE_URL);
  return takeCachedReports(
    build.weekCache.file,
    build.weekCache.version,
    inputs.map(({ file, source }) => [context, file, source]),
  );
}

interface Loaded {
  archive: Archive;
  insights: Insights;
  searchRecords: SearchWeekRecord[];
  /** Each week's file and text as read, for the links to GitHub and the new-week scaffold. */
  sources: SourceWeek[];
}

type WeekEntry = Awaited<ReturnType<typeof getCollection<"weeks">>>[number];

async function loadAll(registry: Registry, entries: readonly WeekEntry[]): Promise<Loaded> {
  assertNothingDropped(new Set(entries.map((e) => e.id)));
  const links = weekLinks(routes);
  const inputs: { file: string; source: string }[] = entries.map((entry) => ({
    file: entry.filePath ?? join(siteConfig.contentDir, "weeks", `${entry.id}.mdx`),
    source: entry.body ?? "",
  }));
  const cached = cachedReports(registry, inputs);
  const parsed = inputs.map(({ file, source }, i) => cached[i] ?? parseWeekFile(source, { file, registry, links }));
  const files = withDistinctProjectSlugs(
    inputs,
    parsed,
    ({ file, source }, derivedSlugs) => parseWeekFile(source, { file, registry, links, derivedSlugs }),
    registry,
  );
  const sources: SourceWeek[] = files.map((report, i) => ({ week: report.week, slug: report.slug, ...inputs[i]! }));
  // Drafts only in `astro dev` (the build names the drafts it leaves out: integrations/validate-weeks.ts).
  const shown = visibleWeeks(files, { drafts: build.command === "dev" });
  const archive = archiveOf(shown, registry, siteConfig.staleAfterWeeks);
  const metricRegistry = sortMetricEntries((await optionalCollection("metrics")).map((e) => e.data));
  const insights = buildInsights(archive, {
    metricRegistry,
  });
  return { archive, insights, searchRecords: archiveSearchRecords(archive, routes, t.week), sources };
}

let built: Promise<Loaded> | undefined;
let previewed: { signature: string; value: Promise<Loaded> } | undefined;

async function loadNow(): Promise<Loaded> {
  return loadAll(await loadRegistry(), await getCollection("weeks"));
}

/** `astro dev`: the archive again whenever an entry's digest or a registry file changes. */
async function loadPreview(): Promise<Loaded> {
  const registry = await loadRegistry();
  const entries = await getCollection("weeks");
  const signature = JSON.stringify([registry, (await optionalCollection("metrics")).map((e) => e.data), entries.map((e) => [e.id, e.digest])]);
  if (previewed?.signature !== signature) previewed = { signature, value: loadAll(registry, entries) };
  return previewed.value;
}

/** A build's content cannot change: its archive is made once, for every page. */
function load(): Promise<Loaded> {
  return build.command === "build" ? (built ??= loadNow()) : loadPreview();
}

/** The archive, parsed once per build and shared by every page. */
export async function getArchive(): Promise<Archive> {
  return (await load()).archive;
}

/** Metric trends, incident log, plan vs. done and stale work, built once from the same archive. */
export async function getInsights(): Promise<Insights> {
  return (await load()).insights;
}

/** Every week's file and text, as the build read them. */
export async function getWeekSources(): Promise<SourceWeek[]> {
  return (await load()).sources;
}

/** Every week as the search index needs it (see integrations/pagefind.ts). */
export async function getSearchRecords(): Promise<SearchWeekRecord[]> {
  return (await load()).searchRecords;
}

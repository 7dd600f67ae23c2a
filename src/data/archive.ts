import { getCollection } from "astro:content";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Archive } from "../lib/archive.ts";
import { currentBuildSession, prefetchLookup } from "../lib/build-session.ts";
import { buildInsights, type Insights } from "../lib/insights/insights.ts";
import { sortMetricEntries } from "../lib/metric-registry.ts";
import { sortedRegistry, type Registry } from "../lib/registry.ts";
import { defaultShape, loadShape } from "../lib/report/shape.ts";
import { createRoutes } from "../lib/routes.ts";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import type { SourceWeek } from "../lib/github/site-links.ts";
import { archiveOf, archiveSearchRecords, parseWeekFile, visibleWeeks, weekLinks, withDistinctProjectSlugs, type ParsedWeekFile } from "../lib/week-files.ts";
import { t } from "../i18n/zh-CN.ts";
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
  // content/shape.yaml is read like the week check reads it, so the prefetched parse matches this one.
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

/** The build's prefetched weeks (integrations/week-prefetch.ts), when they were parsed exactly as this site would. */
function prefetchedWeeks(registry: Registry): ((path: string, source: string) => ParsedWeekFile | undefined) | undefined {
  const prefetched = currentBuildSession()?.prefetched;
  if (!prefetched) return undefined;
  const lookup = prefetchLookup(prefetched, { base: import.meta.env.BASE_URL, registry });
  if (lookup.ok) return lookup.get;
  console.warn(`周报预解析结果不可用，改为逐周解析（prefetched weeks not used: ${lookup.reason}）`);
  return undefined;
}

interface Loaded {
  archive: Archive;
  insights: Insights;
  searchRecords: SearchWeekRecord[];
  /** Each week's file and text as read, for the links to GitHub and the new-week scaffold. */
  sources: SourceWeek[];
}

async function loadAll(): Promise<Loaded> {
  const registry = await loadRegistry();
  const entries = await getCollection("weeks");
  assertNothingDropped(new Set(entries.map((e) => e.id)));
  const prefetchedWeek = prefetchedWeeks(registry);
  const links = weekLinks(routes);
  const inputs: { file: string; source: string }[] = entries.map((entry) => {
    const file = entry.filePath ?? join(siteConfig.contentDir, "weeks", `${entry.id}.mdx`);
    return { file, source: readFileSync(file, "utf8") };
  });
  const parsed = inputs.map(({ file, source }) => prefetchedWeek?.(resolve(file), source) ?? parseWeekFile(source, { file, registry, links }));
  const files = withDistinctProjectSlugs(inputs, parsed, ({ file, source }, derivedSlugs) =>
    parseWeekFile(source, { file, registry, links, derivedSlugs }),
    registry,
  );
  const sources: SourceWeek[] = files.map((parsed, i) => ({ week: parsed.report.week, slug: parsed.report.slug, ...inputs[i]! }));
  // Drafts only in `astro dev` (the build names the drafts it leaves out: integrations/validate-weeks.ts).
  // A build is known by its session: import.meta.env.DEV alone let a draft through `astro build`.
  const shown = visibleWeeks(files, { drafts: import.meta.env.DEV && !currentBuildSession() });
  const archive = archiveOf(shown, registry, siteConfig.staleAfterWeeks);
  const metricRegistry = sortMetricEntries((await optionalCollection("metrics")).map((e) => e.data));
  const insights = buildInsights(archive, {
    metricRegistry,
    frontmatterMetrics: new Map(shown.map((f) => [f.report.slug, f.frontmatterMetrics])),
    planMarks: new Map(shown.map((f) => [f.report.slug, f.planMarks])),
  });
  const searchRecords = archiveSearchRecords(archive, routes, t.week);
  currentBuildSession()?.onSearchRecords?.(searchRecords);
  return { archive, insights, searchRecords, sources };
}

let cached: { signature: string; loaded: Promise<Loaded> } | undefined;

/**
 * What the archive is built from: names, sizes and mtimes of the week and registry files.
 * Outside a build (`astro dev`) the cache is keyed on it, so edits show up on the next request.
 */
function contentSignature(): string {
  const root = resolve(siteConfig.contentDir);
  const parts: string[] = [];
  for (const dir of [root, join(root, "weeks")]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const stat = statSync(join(dir, name), { throwIfNoEntry: false });
      if (stat?.isFile()) parts.push(`${dir}/${name}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return parts.join("|");
}

function load(): Promise<Loaded> {
  // Content cannot change during a build: statting every file for each of hundreds of pages cost seconds.
  if (cached && currentBuildSession()) return cached.loaded;
  const signature = contentSignature();
  if (cached?.signature !== signature) cached = { signature, loaded: loadAll() };
  return cached.loaded;
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

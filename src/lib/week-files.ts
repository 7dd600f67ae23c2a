/**
 * One week file → everything the site reads from it, and the archive's search records. Shared by
 * the data layer (src/data/archive.ts) and the build's week check (integrations/checked-weeks.ts), so
 * both produce the same values from the same text.
 */
import { buildArchive, type Archive } from "./archive.ts";
import { formatWeekRange } from "./format.ts";
import type { Registry } from "./registry.ts";
import type { WeekReport } from "./report/model.ts";
import { parseWeekSource, WeekParseError, type ParseWeekOptions, type WeekLinks } from "./report/parse-week.ts";
import type { Routes } from "./routes.ts";
import { distinctDerivedSlugs, projectNameKey, type DerivedSlugs } from "./report/project-names.ts";
import { toSearchRecord, type SearchWeekRecord } from "./search/records.ts";

/** Throws WeekParseError for a week the parser rejects, and names the file for anything else. */
export function parseWeekFile(source: string, options: ParseWeekOptions): WeekReport {
  try {
    return parseWeekSource(source, options);
  } catch (e) {
    if (e instanceof WeekParseError) throw e;
    throw new Error(`${options.file}: 解析失败（failed to parse）：${(e as Error).message}`, { cause: e });
  }
}

/**
 * The parsed weeks with no two unregistered project names on one page: when names' pinyin slugs
 * collide (期中考核/其中考核, A/B测试/A-B测试), the weeks that mention them are parsed again with a
 * slug per name (base + hash of the name), chosen from the whole archive so week order does not matter.
 * Names that collide with nothing keep their slugs.
 */
export function withDistinctProjectSlugs<T>(
  items: readonly T[],
  parsed: readonly WeekReport[],
  reparse: (item: T, derivedSlugs: DerivedSlugs) => WeekReport,
  registry?: Registry,
): WeekReport[] {
  const mentions = parsed.flatMap((f) => f.projects);
  const registered = new Set(mentions.filter((p) => p.registered).map((p) => p.slug));
  for (const p of registry?.projects ?? []) registered.add(p.slug);
  const derived = distinctDerivedSlugs(
    mentions.filter((p) => !p.registered).map((p) => p.name),
    registered,
  );
  if (derived.size === 0) return [...parsed];
  return parsed.map((f, i) => {
    const stale = f.projects.some((p) => !p.registered && derived.has(projectNameKey(p.name)) && p.slug !== derived.get(projectNameKey(p.name)));
    return stale ? reparse(items[i]!, derived) : f;
  });
}

export function weekLinks(routes: Routes): WeekLinks {
  return { project: routes.project, objective: routes.objective, internal: routes.asset };
}

/**
 * The weeks a site shows: all of them in `astro dev`, where an author previews a draft; the
 * published ones in a build, so a draft reaches no page, feed, sitemap or search index.
 */
export function visibleWeeks<T extends Pick<WeekReport, "draft">>(reports: readonly T[], options: { drafts: boolean }): T[] {
  return options.drafts ? [...reports] : reports.filter((r) => !r.draft);
}

export function archiveOf(reports: readonly WeekReport[], registry: Registry, staleAfterWeeks: number): Archive {
  return buildArchive([...reports], registry, { staleAfterWeeks });
}

/** The UI strings a record carries; `t.week` (src/i18n) has them. */
export interface RecordLabels {
  /** Date range label of a week, e.g. 4月15日 – 4月21日. */
  weekOf(from: string, to: string): string;
  /** Title of the part of a week before its first heading. */
  introSection: string;
}

/** Every week as the search index needs it, with the archive-wide project and objective names. */
export function archiveSearchRecords(archive: Archive, routes: Routes, labels: RecordLabels): SearchWeekRecord[] {
  const projectNames = new Map(archive.projects.map((p) => [p.slug, p.name]));
  const objectiveTitles = new Map(archive.objectives.map((o) => [o.id, o.title]));
  return archive.weeks.map(({ report }) => {
    const range = formatWeekRange(report.week);
    return toSearchRecord(report, {
      url: routes.week(report.slug),
      dates: labels.weekOf(range.from, range.to),
      projectName: (slug, fallback) => projectNames.get(slug) ?? fallback,
      objectiveTitle: (id, fallback) => objectiveTitles.get(id) ?? fallback,
      untitledSection: labels.introSection,
    });
  });
}

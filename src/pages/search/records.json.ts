import type { APIRoute } from "astro";
import { getArchive, routes } from "../../data/archive.ts";
import { t } from "../../i18n/zh-CN.ts";
import { formatWeekRange } from "../../lib/format.ts";
import { toSearchRecord } from "../../lib/search/records.ts";

/**
 * Every week as the search index needs it, from the archive model parsed once for the whole build.
 * The Pagefind integration reads this file at astro:build:done (and from the dev server), turns it
 * into the index, then deletes it from the output.
 */
export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const projectNames = new Map(archive.projects.map((p) => [p.slug, p.name]));
  const objectiveTitles = new Map(archive.objectives.map((o) => [o.id, o.title]));
  const records = archive.weeks.map(({ report }) => {
    const range = formatWeekRange(report.week);
    return toSearchRecord(report, {
      url: routes.week(report.slug),
      dates: t.week.weekOf(range.from, range.to),
      projectName: (slug, fallback) => projectNames.get(slug) ?? fallback,
      objectiveTitle: (id, fallback) => objectiveTitles.get(id) ?? fallback,
      untitledSection: t.week.introSection,
    });
  });
  return new Response(JSON.stringify(records), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};

import type { APIRoute, GetStaticPaths } from "astro";
import { getArchive, getInsights, routes } from "../../data/archive.ts";
import { reviewCsv } from "../../lib/insights/review-csv.ts";
import { groupWeeksByPeriod, type Period } from "../../lib/insights/periods.ts";
import { managerText } from "../../i18n/manager.ts";

export const getStaticPaths: GetStaticPaths = async () =>
  groupWeeksByPeriod((await getArchive()).weeks.map((w) => ({ week: w.report.week }))).map(({ period, weeks }) => ({
    params: { period: period.id },
    props: { period, weeks: new Set(weeks.map((w) => w.week)) },
  }));

/** The period's metrics and project progress as CSV (columns: src/lib/insights/review-csv.ts). */
export const GET: APIRoute = async ({ props, site }) => {
  const { period, weeks } = props as { period: Period; weeks: Set<string> };
  const [archive, insights] = await Promise.all([getArchive(), getInsights()]);
  // Absolute links when the site's origin is known (a spreadsheet has no page to resolve against).
  const weekUrl = (slug: string, anchor?: string) => (site ? new URL(routes.week(slug, anchor), site).href : routes.week(slug, anchor));
  const body = reviewCsv({ archive, metrics: insights.metrics, weeks, weekUrl, labels: managerText.csv });
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="review-${period.id}.csv"` },
  });
};

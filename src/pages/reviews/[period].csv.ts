import type { APIRoute, GetStaticPaths } from "astro";
import { getArchive, getInsights, routes } from "../../data/archive.ts";
import { listPeriods } from "../../lib/insights/period-review.ts";
import { reviewCsv } from "../../lib/insights/review-csv.ts";
import type { Period } from "../../lib/insights/periods.ts";
import { managerText } from "../../i18n/manager.ts";

export const getStaticPaths: GetStaticPaths = async () =>
  listPeriods(await getArchive()).map((s) => ({ params: { period: s.period.id }, props: { period: s.period } }));

/** The period's metrics and project progress as CSV (columns: src/lib/insights/review-csv.ts). */
export const GET: APIRoute = async ({ props, site }) => {
  const { period } = props as { period: Period };
  const [archive, insights] = await Promise.all([getArchive(), getInsights()]);
  // Absolute links when the site's origin is known (a spreadsheet has no page to resolve against).
  const weekUrl = (slug: string, anchor?: string) => (site ? new URL(routes.week(slug, anchor), site).href : routes.week(slug, anchor));
  const body = reviewCsv({ archive, metrics: insights.metrics, period, weekUrl, labels: managerText.csv });
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="review-${period.id}.csv"` },
  });
};

import rss from "@astrojs/rss";
import type { APIRoute, GetStaticPaths } from "astro";
import { getArchive, routes } from "../data/archive.ts";
import { feedItems, publishesFeeds } from "../lib/insights/feed.ts";
import { insightsText as t } from "../i18n/insights.ts";
import { siteConfig } from "../site.config.ts";

/**
 * `/rss.xml`, only when the site is public (see publishesFeeds): a private archive is for people who
 * can reach it, and a feed would hand the reports to whatever reader service fetches it. The route is
 * dynamic only so that a private build emits no file at all rather than an empty or broken feed.
 */
export const getStaticPaths: GetStaticPaths = () => (publishesFeeds(siteConfig) ? [{ params: { feed: "rss" } }] : []);

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return rss({
    title: t.feed.title,
    description: t.feed.description,
    site: site!,
    items: feedItems(
      archive.weeks.map((w) => w.report),
      (slug) => routes.week(slug),
    ),
    customData: "<language>zh-CN</language>",
    trailingSlash: true,
  });
};

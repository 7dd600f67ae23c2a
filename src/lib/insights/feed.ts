import { addDays } from "date-fns/addDays";
import type { WeekReport } from "../report/model.ts";
import { textHtml } from "../html/sanitize.ts";
import { weekStart, type WeekId } from "../week-id.ts";

/**
 * Whether the site publishes a feed and a sitemap. Both exist to send the reports beyond the site —
 * to crawlers, and to feed readers that are often cloud services fetching and keeping copies — so a
 * private archive (the default) has neither. Both also need absolute URLs, i.e. `site` set.
 */
export function publishesFeeds(config: { private: boolean; site?: string }): boolean {
  return !config.private && !!config.site;
}

export interface FeedItem {
  title: string;
  /** Site-relative link (with base); the RSS writer makes it absolute. */
  link: string;
  pubDate: Date;
  /**
   * HTML, as RSS readers read a description: the week's text escaped through the week sanitizer, so
   * `<script>` written in a summary reaches the reader as text, never as markup.
   */
  description: string;
}

const EXCERPT = 200;

/** The one-line summary when written, else the first words of the report. */
function excerpt(report: Pick<WeekReport, "summary" | "text" | "title">): string {
  if (report.summary) return report.summary;
  const body = report.text.startsWith(report.title) ? report.text.slice(report.title.length) : report.text;
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

/** When the week was published: its `created` time, else the Friday of the week. */
export function publishedAt(report: Pick<WeekReport, "week" | "created">): Date {
  if (report.created) {
    const d = new Date(report.created);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return addDays(weekStart(report.week), 4);
}

/** The newest weeks as feed items, newest first. */
export function feedItems(
  reports: readonly Pick<WeekReport, "week" | "slug" | "title" | "created" | "summary" | "text">[],
  link: (slug: string) => string,
  limit = 20,
): FeedItem[] {
  return [...reports]
    .sort((a, b) => (a.week < b.week ? 1 : -1))
    .slice(0, limit)
    .map((r) => ({ title: r.title, link: link(r.slug), pubDate: publishedAt(r), description: textHtml(excerpt(r)) }));
}

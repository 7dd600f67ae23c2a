import type { APIRoute } from "astro";
import { publishesFeeds } from "../lib/insights/feed.ts";
import { siteConfig } from "../site.config.ts";

/** Private by default: internal reports are not for crawlers (switch in src/site.config.ts). */
export const GET: APIRoute = () => {
  if (siteConfig.private) return text("User-agent: *\nDisallow: /\n");
  const sitemap = publishesFeeds(siteConfig)
    ? `Sitemap: ${new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, "/")}sitemap-index.xml`, siteConfig.site)}\n`
    : "";
  return text(`User-agent: *\nAllow: /\n${sitemap}`);
};

function text(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

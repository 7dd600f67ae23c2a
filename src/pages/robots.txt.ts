import type { APIRoute } from "astro";
import { siteConfig } from "../site.config.ts";

/** Private by default: internal reports are not for crawlers (switch in src/site.config.ts). */
export const GET: APIRoute = () =>
  new Response(siteConfig.private ? "User-agent: *\nDisallow: /\n" : "User-agent: *\nAllow: /\n", {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });

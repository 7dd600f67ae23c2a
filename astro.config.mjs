// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { siteConfig } from "./src/site.config.ts";
import { validateWeeksIntegration } from "./src/integrations/validate-weeks.ts";
import { pagefindIntegration } from "./src/integrations/pagefind.ts";
import { publishesFeeds } from "./src/lib/insights/feed.ts";

// Each content dir (real content, test and bench corpora) gets its own content-layer cache,
// so parallel builds of different corpora never share a data store.
const cacheKey = siteConfig.contentDir.replace(/[^a-z0-9]+/gi, "_");

// The week check hands the search integration the published weeks' records as soon as they pass.
const search = pagefindIntegration();

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  trailingSlash: "always",
  build: { format: "directory" },
  cacheDir: cacheKey === "content" ? "./node_modules/.astro" : `./node_modules/.astro/${cacheKey}`,
  // The week check runs first: a rejected week stops the build before anything renders it.
  // A sitemap invites crawlers: only for a public site with a known origin (private is the default).
  // Search indexing starts as soon as the checked weeks are parsed (and serves an in-memory index in dev).
  // mdx() gives Astro the .mdx file type; week bodies themselves are rendered by src/lib/report (see src/data/week-loader.ts).
  integrations: [validateWeeksIntegration({ onPublishedRecords: search.indexEarly }), mdx(), search, ...(publishesFeeds(siteConfig) ? [sitemap()] : [])],
  devToolbar: { enabled: false },
  vite: {
    // Dependency pre-bundling per corpus too, or each corpus build re-optimizes the shared one.
    cacheDir: cacheKey === "content" ? "./node_modules/.vite" : `./node_modules/.vite/${cacheKey}`,
  },
});

/**
 * The one place for site-wide switches. Read by astro.config.mjs, pages, scripts and the check.
 * Environment variables override for CI, benchmarks and tests.
 */
import { readRepositorySetting } from "./lib/github/repository.ts";

const env = typeof process !== "undefined" ? process.env : {};

export const siteConfig = {
  /** Internal reports: keep crawlers out (`noindex` meta + robots.txt Disallow). Set false to publish. */
  private: env.WEEKLY_ARCHIVE_PUBLIC !== "1",
  /** Folder holding weeks/, projects.yaml, objectives.yaml, metrics.yaml; relative to the repo root. */
  contentDir: env.WEEKLY_ARCHIVE_CONTENT || "content",
  /** A project or subject with no mention for this many weeks (and not done) is shown as stale. */
  staleAfterWeeks: 4,
  /** A project whose reported progress figure has not moved for this many weeks is shown at risk on the home page. */
  stalledAfterWeeks: 3,
  /** How many weeks back (the newest included) the home page lists incidents. */
  dashboardIncidentWeeks: 4,
  /** How many recent weeks the home page lists. */
  recentWeeks: 8,
  /** Deployed origin and sub-path, e.g. for GitHub Pages (`SITE`, `BASE_PATH`). */
  site: env.SITE || undefined,
  base: env.BASE_PATH || "/",
  /**
   * GitHub repository and branch holding the content (`SITE_REPOSITORY`, else Actions' `GITHUB_REPOSITORY`;
   * branch `SITE_BRANCH`, else the Actions branch, else `main`). Unset: no 写本周周报 / edit / history links.
   * A malformed value stops the build here, since it goes into URLs.
   */
  repository: readRepositorySetting(env),
} as const;

export type SiteConfig = typeof siteConfig;

/** The site's GitHub links, built from the repository setting and the weeks as read (see lib/github). */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildSiteGitHubLinks, type SiteGitHubLinks, type SourceWeek } from "../lib/github/site-links.ts";
import { siteConfig } from "../site.config.ts";
import { getWeekSources } from "./archive.ts";

let built: { weeks: SourceWeek[]; links: SiteGitHubLinks | undefined } | undefined;

/** Undefined when no repository is configured: pages then show no GitHub links at all. */
export async function getGitHubLinks(): Promise<SiteGitHubLinks | undefined> {
  const weeks = await getWeekSources();
  // Rebuilt only when the archive is reloaded, so every page of a build links to the same week and scaffold.
  if (built?.weeks !== weeks)
    built = {
      weeks,
      links: buildSiteGitHubLinks({
        setting: siteConfig.repository,
        weeks,
        contentDir: siteConfig.contentDir,
        root: process.cwd(),
        now: new Date(),
        filesOnDisk: readdirSync(join(siteConfig.contentDir, "weeks")),
      }),
    };
  return built.links;
}

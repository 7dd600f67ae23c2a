/**
 * The site's GitHub links, prepared once per build: 写本周周报 for the build's ISO week, and each
 * week's edit and history pages. Nothing here when the repository is not configured.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { buildNewWeek, currentWeekId, pickTemplateWeek } from "../import/new-week-template.ts";
import { editUrl, historyUrl, writeWeekLink, type WriteWeekLink } from "./links.ts";
import type { RepositorySetting } from "./repository.ts";

export interface SourceWeek {
  /** `2024-W17`. */
  week: string;
  /** URL id, `2024-w17`. */
  slug: string;
  /** The file as the build read it (relative to the project root, or absolute). */
  file: string;
  source: string;
}

export interface WeekFileLinks {
  edit: string;
  history: string;
}

export interface SiteGitHubLinks {
  /** The link for the build's week; the site is rebuilt on every merge (and weekly, see pages.yml). */
  write: WriteWeekLink;
  /** Edit and history URLs by week slug; a week outside the repository has none. */
  weeks: ReadonlyMap<string, WeekFileLinks>;
}

/** `/`-separated path of `file` inside the repository at `root`, or undefined when it lies outside. */
export function repositoryPath(file: string, root: string): string | undefined {
  const rel = relative(root, resolve(root, file));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return rel.split(sep).join("/");
}

export interface SiteLinksInput {
  setting: RepositorySetting | undefined;
  weeks: readonly SourceWeek[];
  /** Folder holding weeks/, as siteConfig.contentDir gives it. */
  contentDir: string;
  /** The repository's root on disk (the project root). */
  root: string;
  /** The build's clock: "this week" is the week the site was built in. */
  now: Date;
  /** File names in the weeks folder, drafts and skipped files included: an existing file is edited, not created. */
  filesOnDisk?: readonly string[];
}

export function buildSiteGitHubLinks(input: SiteLinksInput): SiteGitHubLinks | undefined {
  const { setting } = input;
  if (!setting) return undefined;
  const newPath = repositoryPath(`${input.contentDir}/weeks/placeholder.mdx`, input.root);
  if (!newPath) return undefined;
  const week = currentWeekId(input.now);
  // The same scaffold `npm run new` writes: shaped like the latest earlier week.
  const latest = pickTemplateWeek(input.weeks, week);
  const scaffold = buildNewWeek({ week, latest, now: input.now });
  const write = writeWeekLink(setting, {
    week,
    path: newPath.replace(/placeholder\.mdx$/, `${week}.mdx`),
    scaffold,
    exists: input.weeks.some((w) => w.week === week) || (input.filesOnDisk ?? []).includes(`${week}.mdx`),
  });
  const weeks = new Map<string, WeekFileLinks>();
  for (const w of input.weeks) {
    const path = repositoryPath(w.file, input.root);
    if (path) weeks.set(w.slug, { edit: editUrl(setting, path), history: historyUrl(setting, path) });
  }
  return { write, weeks };
}

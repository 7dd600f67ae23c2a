/** GitHub URLs for a file in the content repository: new, edit, history. Every path segment is encoded. */
import type { RepositorySetting } from "./repository.ts";

/**
 * Longest new-file URL we hand out. GitHub and browsers cope with about 8 KB in a URL; longer ones are
 * cut or refused, which would lose part of the scaffold without saying so.
 */
export const MAX_URL_LENGTH = 8000;

/** `content/weeks/2024 W17.mdx` → `content/weeks/2024%20W17.mdx`: `/` separates, everything else is data. */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

const repoUrl = (r: RepositorySetting) => `${r.server}/${encodePath(r.repository)}`;

/** GitHub's editor on the file at the branch tip. */
export function editUrl(r: RepositorySetting, path: string): string {
  return `${repoUrl(r)}/edit/${encodePath(r.branch)}/${encodePath(path)}`;
}

/** The commits that touched the file on the branch. */
export function historyUrl(r: RepositorySetting, path: string): string {
  return `${repoUrl(r)}/commits/${encodePath(r.branch)}/${encodePath(path)}`;
}

/** GitHub's new-file page with the file name, and the text when given. */
export function newFileUrl(r: RepositorySetting, path: string, value?: string): string {
  const base = `${repoUrl(r)}/new/${encodePath(r.branch)}?filename=${encodePath(path)}`;
  return value === undefined ? base : `${base}&value=${encodeURIComponent(value)}`;
}

/** How the 写本周周报 link opens GitHub for this week's file. */
export type WriteWeekLink =
  /** The new-file page with the scaffold in it. */
  | { kind: "new"; href: string; week: string }
  /** The scaffold is too long for a URL: the new-file page with the name only, and the scaffold shown on the site. */
  | { kind: "new-without-value"; href: string; week: string; scaffold: string }
  /** The week's file exists already: open it in the editor. */
  | { kind: "edit"; href: string; week: string };

export interface WriteWeekInput {
  week: string;
  /** Repository path of the week's file, e.g. `content/weeks/2024-W17.mdx`. */
  path: string;
  /** What `npm run new` would write for that week. */
  scaffold: string;
  /** The file is in the archive already. */
  exists: boolean;
}

export function writeWeekLink(r: RepositorySetting, input: WriteWeekInput): WriteWeekLink {
  if (input.exists) return { kind: "edit", href: editUrl(r, input.path), week: input.week };
  const full = newFileUrl(r, input.path, input.scaffold);
  if (full.length <= MAX_URL_LENGTH) return { kind: "new", href: full, week: input.week };
  return { kind: "new-without-value", href: newFileUrl(r, input.path), week: input.week, scaffold: input.scaffold };
}

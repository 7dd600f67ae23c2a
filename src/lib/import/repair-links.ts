import { dirname, relative, resolve, sep } from "node:path";
import type { Nodes } from "mdast";
import { weekSlug, type WeekId } from "../week-id.ts";
import { STATIC_ROUTES } from "../validate/links.ts";
import { parseCommonMark } from "./markdown.ts";
import { withTrailingSlash } from "../routes.ts";

/** What was done to one link, for the import summary. */
export type LinkRepairKind = "week-link" | "link-base" | "link-to-text" | "missing-scheme" | "stray-colon" | "nested-link";

export interface LinkRepair {
  kind: LinkRepairKind;
  /** 1-based line in the text given. */
  line: number;
  from: string;
  to: string;
}

export interface LinkContext {
  /** Absolute path of the export being imported. */
  file: string;
  /** The directory the import was asked for (a directory argument, or the file's own directory). */
  root: string;
  /** The week another export of this import becomes, by absolute path. */
  weekOf(path: string): WeekId | undefined;
  /** `--link-base`: where `root` is published (the source repository's tree URL). */
  linkBase?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Hosts people paste without `https://`: a `www.` host, or a dotted name with a common TLD and a path.
const BARE_HOST =
  /^(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|(?:[a-z0-9-]+\.)+(?:com|org|net|io|cn|dev|edu|gov|info|me|co|app|ai|top|site|tech|cc|tv|uk|de|jp))(?=[/?#:]|$)/i;
const NESTED = /\[\[([^[\]\n]*)\]\(([^()\s]+)\)\]\(([^()\s]+)\)/g;
const STRAY_COLON = /^[：:]\s*(?=[a-z][a-z0-9+.-]*:\/\/|www\.)/i;

/**
 * Makes the links of an export work on the site, each change reported: a link to another export of
 * the same import points at that week's page; other relative links become absolute under
 * `linkBase`, or, without one, stay as their text; `github.com/…` gets its `https://`, a stray
 * `：` before a URL goes, and a link written inside another link's text is unwrapped.
 */
export function repairLinks(markdown: string, ctx: LinkContext): { text: string; repairs: LinkRepair[] } {
  const repairs: LinkRepair[] = [];
  // 1. `[[#15](u)](u)`: Markdown cannot nest links; the inner one is what readers click.
  let text = markdown.replace(NESTED, (all, label: string, inner: string, outer: string, at: number) => {
    const to = inner === outer ? `[${label}](${inner})` : `[${label}](${inner}) [${outer}](${outer})`;
    repairs.push({ kind: "nested-link", line: lineAt(markdown, at), from: all, to });
    return to;
  });

  // 2. Destinations, edited in place from the end so earlier offsets stay valid.
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === "link" || node.type === "definition") && node.position) {
      const start = node.position.start.offset!;
      const end = node.position.end.offset!;
      const raw = text.slice(start, end);
      const destAt = node.type === "link" ? raw.lastIndexOf("](") + 2 : raw.indexOf("]:") + 2;
      const rest = raw.slice(destAt);
      const lead = /^\s*/.exec(rest)![0].length;
      const m = /^<([^>\n]*)>|^([^\s)]+)/.exec(rest.slice(lead));
      if (destAt >= 2 && m) {
        const written = m[1] ?? m[2]!;
        const at = start + destAt + lead + (m[1] !== undefined ? 1 : 0);
        const line = node.position.start.line;
        const fixed = fixDestination(written, ctx, line, repairs);
        if (fixed === null && node.type === "link") {
          // No page to point at: the link's text stays, as text.
          const label = raw.slice(1, raw.lastIndexOf("]("));
          edits.push({ start, end, text: label });
          repairs.push({ kind: "link-to-text", line, from: written, to: label });
        } else if (fixed !== null && fixed !== written) edits.push({ start: at, end: at + written.length, text: fixed });
      }
    }
    if (node.type === "link" || node.type === "image") return;
    if ("children" in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(parseCommonMark(text));
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, repairs };
}

/** The destination to write, unchanged when fine; null when it has nowhere to point. */
function fixDestination(written: string, ctx: LinkContext, line: number, repairs: LinkRepair[]): string | null {
  let url = written;
  const colon = STRAY_COLON.exec(url);
  if (colon) {
    url = url.slice(colon[0].length);
    repairs.push({ kind: "stray-colon", line, from: written, to: url });
  }
  const fullWidth = /^(https?)：\/\//i.exec(url);
  if (fullWidth) {
    const to = `${fullWidth[1]}://${url.slice(fullWidth[0].length)}`;
    repairs.push({ kind: "stray-colon", line, from: url, to });
    url = to;
  }
  if (url === "" || url.startsWith("#") || url.startsWith("//") || SCHEME.test(url)) return url;
  if (url.startsWith("/") && isSitePath(url)) return url;
  if (BARE_HOST.test(url)) {
    repairs.push({ kind: "missing-scheme", line, from: url, to: `https://${url}` });
    return `https://${url}`;
  }
  // A path relative to the export.
  const [path, suffix = ""] = splitSuffix(url);
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // keep as written
  }
  // `/Note/x.py` in an export means the source repository's root, which is the import's root.
  const target = decoded.startsWith("/") ? resolve(ctx.root, `.${decoded}`) : resolve(dirname(ctx.file), decoded);
  const week = ctx.weekOf(target);
  if (week) {
    const to = `/weeks/${weekSlug(week)}/`;
    repairs.push({ kind: "week-link", line, from: url, to });
    return to;
  }
  if (ctx.linkBase) {
    const rel = relative(ctx.root, target).split(sep).map(encodeURIComponent).join("/");
    const to = new URL(rel, withTrailingSlash(ctx.linkBase)).href + suffix;
    repairs.push({ kind: "link-base", line, from: url, to });
    return to;
  }
  return null;
}

/** A path the site itself serves; anything else starting with `/` is the source repository's. */
function isSitePath(url: string): boolean {
  const path = splitSuffix(url)[0];
  const withSlash = /\/[^/.]+$/.test(path) ? `${path}/` : path;
  return STATIC_ROUTES.includes(withSlash) || /^\/(?:weeks|projects|objectives|images|files)\//.test(path);
}

function splitSuffix(url: string): [string, string] {
  const at = url.search(/[?#]/);
  return at < 0 ? [url, ""] : [url.slice(0, at), url.slice(at)];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

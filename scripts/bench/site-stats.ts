/** Sizes read from a built dist/: pages, total bytes, the Pagefind index, and the pages the budgets name. */
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface FileSize {
  /** Path relative to dist/, with `/`. */
  path: string;
  bytes: number;
}

function walk(dir: string, root = dir, out: FileSize[] = []): FileSize[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else if (entry.isFile()) out.push({ path: relative(root, full).split(sep).join("/"), bytes: statSync(full).size });
  }
  return out;
}

export interface SiteStats {
  pages: number;
  distBytes: number;
  /** Every Pagefind index folder: `pagefind/` and, for a large archive, `pagefind-1/`, `pagefind-2/`, … */
  pagefindBytes: number;
  /** Every other search file the product publishes beside pagefind/ (catalog, text shards). */
  searchDataBytes: number;
  home?: FileSize;
  /** The largest week page (all week pages load the same scripts). */
  week?: FileSize;
  /** The largest page under projects/ (any page of a paginated timeline). */
  largestProject?: FileSize;
  /** The largest HTML page of the whole site: the page budget holds at every archive size. */
  largestPage?: FileSize;
}

const largest = (files: FileSize[]): FileSize | undefined => files.reduce<FileSize | undefined>((a, f) => (!a || f.bytes > a.bytes ? f : a), undefined);
const sum = (files: FileSize[]): number => files.reduce((a, f) => a + f.bytes, 0);

/** Pure over a file listing, so the selection rules are testable. */
export function summarizeFiles(files: FileSize[]): SiteStats {
  const html = files.filter((f) => f.path.endsWith(".html"));
  return {
    pages: html.length,
    distBytes: sum(files),
    pagefindBytes: sum(files.filter((f) => /^pagefind(-\d+)?\//.test(f.path))),
    searchDataBytes: sum(files.filter((f) => f.path.startsWith("search-data/"))),
    home: html.find((f) => f.path === "index.html"),
    // Week pages only (`weeks/2024-w17/`), not the year pages beside them (`weeks/2024/`).
    week: largest(html.filter((f) => /^weeks\/\d{4}-w\d{2}\/index\.html$/.test(f.path))),
    largestProject: largest(html.filter((f) => /^projects\/[^/]+\/.*index\.html$/.test(f.path))),
    largestPage: largest(html),
  };
}

export function readSiteStats(dist: string): SiteStats {
  return summarizeFiles(walk(dist));
}

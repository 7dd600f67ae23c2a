/**
 * The search files of a site, built from the archive's search records through Pagefind's Node API.
 *
 * Output (site root): `pagefind/` (Pagefind's runtime and index, without fragments or UI bundles —
 * our client never loads them), `pagefind-1/`, `pagefind-2/`, … when the archive is too large for one
 * Pagefind process (each a further index of other weeks, merged by the browser), and `search-data/`
 * (catalog + week text shards, see lib/search/catalog.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { buildCatalog } from "../lib/search/catalog.ts";
import { splitBySize } from "../lib/search/index-parts.ts";
import { foldText } from "../lib/search/normalize.ts";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { PAGEFIND_LANGUAGE, indexContent, indexContentLength } from "../lib/search/tokens.ts";

/** Where the records endpoint renders, relative to the output directory / base URL. */
export const RECORDS_PATH = "search/records.json";
export const PAGEFIND_DIR = "pagefind";
export const SEARCH_DATA_DIR = "search-data";
export const CATALOG_FILE = "catalog.json.gz";

/**
 * Bytes of index content one Pagefind process is given. Its memory grows by ~50 bytes per byte
 * (measured: 550 MB for 11 MB, 1.3 GB for 28 MB, 4.8 GiB for 99 MB), so this keeps each process
 * near 1 GB (0.91–1.03 GiB for the parts of 5,200 generated weeks) — half the 2 GB a build's largest
 * process may take — while a 520-week archive (~10 MB) stays one index.
 */
export const INDEX_PART_BYTES = 20_000_000;

/** Records handed to Pagefind before waiting for its answers (see indexPart). */
const RECORDS_IN_FLIGHT = 64;

/** The folder of index part `part`: the first is Pagefind's own, the others sit beside it. */
export function indexDir(part: number): string {
  return part === 0 ? PAGEFIND_DIR : `${PAGEFIND_DIR}-${part}`;
}

const FURTHER_INDEX_DIR = new RegExp(`^${PAGEFIND_DIR}-[1-9][0-9]*$`);

/** Whether a path relative to the site root is one of the search files (served by the dev middleware). */
export function isSearchFilePath(path: string): boolean {
  const top = path.split("/", 1)[0]!;
  return path.includes("/") && (top === PAGEFIND_DIR || top === SEARCH_DATA_DIR || FURTHER_INDEX_DIR.test(top));
}

/**
 * Pagefind output the browser needs; fragments (our token soup) and the stock UIs stay unpublished.
 * A further index is only searched through the first one's runtime, so it needs no script or WebAssembly.
 */
function isPublished(path: string, first: boolean): boolean {
  if (path === "pagefind.js" || path === "pagefind-worker.js" || /^wasm\.[^/]+\.pagefind$/.test(path)) return first;
  return path === "pagefind-entry.json" || /^pagefind\.[^/]+\.pf_meta$/.test(path) || path.startsWith("index/") || path.startsWith("filter/");
}

/** Pagefind fragments are gzip + a 12-byte signature + JSON; we only need each page's URL. */
function fragmentUrl(content: Uint8Array): string {
  const json = gunzipSync(content).subarray("pagefind_dcd".length).toString("utf8");
  return (JSON.parse(json) as { url: string }).url;
}

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

export interface SearchFiles {
  /** Path relative to the site root → content. */
  files: Map<string, Uint8Array | string>;
  weeks: number;
  /** Pagefind indexes the weeks were split into (1 unless the archive is large). */
  indexes: number;
}

export interface SearchFileOptions {
  /** Bytes of index content per Pagefind process; default INDEX_PART_BYTES. */
  partBytes?: number;
}

interface IndexPart {
  /** Pagefind's output files, by its own relative paths. */
  files: { path: string; content: Uint8Array }[];
  /** Week URL → Pagefind page id. */
  pageIds: Map<string, string>;
}

/**
 * Indexes records in a Pagefind service of its own and stops it, so its memory is returned
 * before the next part starts.
 */
async function indexPart(records: readonly SearchWeekRecord[]): Promise<IndexPart> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法创建索引（cannot create index）：${errors.join("; ")}`);
  try {
    const added: { errors: string[] }[] = [];
    // A few records in flight, in order: all of a part's at once held its whole content several times
    // over (the content, its JSON and its base64 for Pagefind's pipe) in this process until sent.
    for (let start = 0; start < records.length; start += RECORDS_IN_FLIGHT) {
      const batch = records.slice(start, start + RECORDS_IN_FLIGHT).map((r) =>
        index.addCustomRecord({
          url: r.url,
          content: indexContent(foldText(r.text)),
          language: PAGEFIND_LANGUAGE,
          // Meta words are indexed too: a digits-and-dash title can never equal or start one of our words.
          meta: { title: r.week },
        }),
      );
      added.push(...(await Promise.all(batch)));
    }
    const addErrors = added.flatMap((a) => a.errors);
    if (addErrors.length) throw new Error(`Pagefind 索引出错（indexing failed）：${addErrors.join("; ")}`);

    // Written by Pagefind's binary to a folder, not sent back through its pipe: getFiles() answers with
    // every file, fragments (a part's whole content) included, as base64 in one JSON message, which
    // cost this process a few times a part's size in memory.
    const out = mkdtempSync(join(tmpdir(), "weekly-archive-pagefind-"));
    try {
      const written = await index.writeFiles({ outputPath: out });
      if (written.errors.length) throw new Error(`Pagefind 输出出错（writing failed）：${written.errors.join("; ")}`);
      const files: IndexPart["files"] = [];
      const pageIds = new Map<string, string>();
      for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const full = join(entry.parentPath, entry.name);
        const path = relative(out, full).split(sep).join("/");
        if (path.startsWith("fragment/")) pageIds.set(fragmentUrl(readFileSync(full)), path.slice("fragment/".length).replace(/\.pf_fragment$/, ""));
        else files.push({ path, content: readFileSync(full) });
      }
      return { files, pageIds };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/**
 * Builds every search file for the records, the index split into parts of at most
 * `options.partBytes` of content (in record order), indexed one after another. Pure apart from the
 * Pagefind services it starts and stops.
 */
export async function buildSearchFiles(records: readonly SearchWeekRecord[], options: SearchFileOptions = {}): Promise<SearchFiles> {
  // Sized without building the content: only one part's content exists at a time.
  const parts = splitBySize(records, (r) => indexContentLength(foldText(r.text)), options.partBytes ?? INDEX_PART_BYTES);
  // An empty archive still gets an (empty) index, so the search page works.
  if (parts.length === 0) parts.push([]);

  const files = new Map<string, Uint8Array | string>();
  const pageIds = new Map<string, string>();
  for (const [i, part] of parts.entries()) {
    const built = await indexPart(part);
    for (const f of built.files) if (isPublished(f.path, i === 0)) files.set(`${indexDir(i)}/${f.path}`, f.content);
    for (const [url, id] of built.pageIds) pageIds.set(url, id);
  }
  assertDistinctIds(pageIds);

  const further = parts.slice(1).map((_, i) => `${indexDir(i + 1)}/`);
  const { catalog, shards } = buildCatalog(records, pageIds, (json) => `text-${shortHash(json)}.json.gz`, further);
  // Compressed here, like Pagefind's own files, so the cost is the same on any host.
  const gzip = (json: string): Uint8Array => gzipSync(json, { level: 9 });
  files.set(`${SEARCH_DATA_DIR}/${CATALOG_FILE}`, gzip(JSON.stringify(catalog)));
  for (const [name, json] of shards) files.set(`${SEARCH_DATA_DIR}/${name}`, gzip(json));
  return { files, weeks: records.length, indexes: parts.length };
}

/** Page ids from separate indexes may in principle collide; a collision would attribute one week's hits to another. */
function assertDistinctIds(pageIds: ReadonlyMap<string, string>): void {
  const seen = new Map<string, string>();
  for (const [url, id] of pageIds) {
    const other = seen.get(id);
    if (other !== undefined) throw new Error(`搜索索引的页面编号重复（two pages share the Pagefind id ${id}）：${other}, ${url}`);
    seen.set(id, url);
  }
}

/** Replaces the search files in a built site (every index folder of an earlier build included). */
export function writeSearchFiles(outDir: string, files: Map<string, Uint8Array | string>): void {
  for (const entry of readdirSync(outDir))
    if (entry === PAGEFIND_DIR || entry === SEARCH_DATA_DIR || FURTHER_INDEX_DIR.test(entry)) rmSync(join(outDir, entry), { recursive: true, force: true });
  for (const [path, content] of files) {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

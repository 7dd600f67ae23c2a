/**
 * Search index at build time and in `astro dev`, through Pagefind's Node API.
 *
 * Input: the search records of the archive model. A build starts indexing the records of the weeks
 * prefetched after the week check (integrations/week-prefetch.ts) at astro:config:done, so Pagefind
 * (its own process) works while Astro bundles and renders; once the site's archive exists, its
 * records arrive through the build session and that index stands if they are the same (else they
 * are indexed then); astro:build:done only waits and writes. Without a session — or in dev — the
 * records come from `search/records.json`, rendered by src/pages/search/records.json.ts.
 * Output (site root): `pagefind/` (Pagefind's runtime and index, without fragments or UI bundles —
 * our client never loads them) and `search-data/` (catalog + week text shards, see lib/search/catalog.ts).
 * In dev the same files are built in memory on the first search request and rebuilt after content changes.
 */
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { buildCatalog } from "../lib/search/catalog.ts";
import { foldText } from "../lib/search/normalize.ts";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { PAGEFIND_LANGUAGE, indexContent } from "../lib/search/tokens.ts";
import { siteConfig } from "../site.config.ts";
import { currentBuildSession } from "../lib/build-session.ts";
import { withTrailingSlash } from "../lib/routes.ts";

/** Where the records endpoint renders, relative to the output directory / base URL. */
export const RECORDS_PATH = "search/records.json";
export const PAGEFIND_DIR = "pagefind";
export const SEARCH_DATA_DIR = "search-data";
export const CATALOG_FILE = "catalog.json.gz";

/** Pagefind output the browser needs; fragments (our token soup) and the stock UIs stay unpublished. */
function isPublished(path: string): boolean {
  return (
    path === "pagefind.js" ||
    path === "pagefind-worker.js" ||
    path === "pagefind-entry.json" ||
    /^wasm\.[^/]+\.pagefind$/.test(path) ||
    /^pagefind\.[^/]+\.pf_meta$/.test(path) ||
    path.startsWith("index/") ||
    path.startsWith("filter/")
  );
}

/** Pagefind fragments are gzip + a 12-byte signature + JSON; we only need each page's URL. */
function fragmentUrl(content: Uint8Array): string {
  const json = gunzipSync(content).subarray("pagefind_dcd".length).toString("utf8");
  return (JSON.parse(json) as { url: string }).url;
}

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

export interface SearchFiles {
  /** Path relative to the site root → content. */
  files: Map<string, Uint8Array | string>;
  weeks: number;
}

/** Builds every search file for the records; pure apart from the Pagefind service it starts and stops. */
export async function buildSearchFiles(records: readonly SearchWeekRecord[]): Promise<SearchFiles> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法创建索引（cannot create index）：${errors.join("; ")}`);
  try {
    const added = await Promise.all(
      records.map((r) => {
        const folded = foldText(r.text);
        return index.addCustomRecord({
          url: r.url,
          content: indexContent(folded),
          language: PAGEFIND_LANGUAGE,
          // Meta words are indexed too: a digits-and-dash title can never equal or start one of our words.
          meta: { title: r.week },
        });
      }),
    );
    const addErrors = added.flatMap((a) => a.errors);
    if (addErrors.length) throw new Error(`Pagefind 索引出错（indexing failed）：${addErrors.join("; ")}`);

    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`Pagefind 输出出错（writing failed）：${built.errors.join("; ")}`);

    const files = new Map<string, Uint8Array | string>();
    const pageIds = new Map<string, string>();
    for (const f of built.files) {
      if (f.path.startsWith("fragment/")) {
        pageIds.set(fragmentUrl(f.content), f.path.slice("fragment/".length).replace(/\.pf_fragment$/, ""));
      } else if (isPublished(f.path)) {
        files.set(`${PAGEFIND_DIR}/${f.path}`, f.content);
      }
    }
    const { catalog, shards } = buildCatalog(records, pageIds, (json) => `text-${shortHash(json)}.json.gz`);
    // Compressed here, like Pagefind's own files, so the cost is the same on any host.
    const gzip = (json: string): Uint8Array => gzipSync(json, { level: 9 });
    files.set(`${SEARCH_DATA_DIR}/${CATALOG_FILE}`, gzip(JSON.stringify(catalog)));
    for (const [name, json] of shards) files.set(`${SEARCH_DATA_DIR}/${name}`, gzip(json));
    return { files, weeks: records.length };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

function writeSearchFiles(outDir: string, files: Map<string, Uint8Array | string>): void {
  rmSync(join(outDir, PAGEFIND_DIR), { recursive: true, force: true });
  rmSync(join(outDir, SEARCH_DATA_DIR), { recursive: true, force: true });
  for (const [path, content] of files) {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

const CONTENT_TYPES: [RegExp, string][] = [
  [/\.js$/, "text/javascript; charset=utf-8"],
  [/\.json$/, "application/json; charset=utf-8"],
];

/** Dev server: build on first request, serve from memory, rebuild after a week or registry changes. */
function devMiddleware(base: string, logger: AstroIntegrationLogger) {
  let pending: Promise<SearchFiles> | undefined;
  const prefixes = [`${base}${PAGEFIND_DIR}/`, `${base}${SEARCH_DATA_DIR}/`];

  const load = (req: IncomingMessage): Promise<SearchFiles> => {
    pending ??= (async () => {
      const started = performance.now();
      const res = await fetch(`http://${req.headers.host}${base}${RECORDS_PATH}`);
      if (!res.ok) throw new Error(`${RECORDS_PATH}: HTTP ${res.status}`);
      const built = await buildSearchFiles((await res.json()) as SearchWeekRecord[]);
      logger.info(`搜索索引已生成（search index built）：${built.weeks} 周，${Math.round(performance.now() - started)} ms`);
      return built;
    })();
    pending.catch(() => (pending = undefined));
    return pending;
  };

  return {
    invalidate(): void {
      pending = undefined;
    },
    async handle(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
      const path = new URL(req.url ?? "/", "http://dev").pathname;
      if (!prefixes.some((p) => path.startsWith(p))) return next();
      try {
        const { files } = await load(req);
        const body = files.get(path.slice(base.length));
        if (body === undefined) {
          res.writeHead(404).end();
          return;
        }
        const type = CONTENT_TYPES.find(([re]) => re.test(path))?.[1] ?? "application/octet-stream";
        res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
      } catch (e) {
        logger.error(`搜索索引生成失败（search index failed）：${(e as Error).message}`);
        res.writeHead(500).end();
      }
    },
  };
}

export function pagefindIntegration(): AstroIntegration {
  let base = "/";
  let early: Promise<SearchFiles> | undefined;

  /** In a build, index as soon as records exist: right after the week check, before Astro syncs and bundles. */
  const startIndexingInBuild = (): void => {
    early = undefined;
    const session = currentBuildSession();
    if (!session) return;
    let indexed: string | undefined;
    const index = (records: readonly SearchWeekRecord[]): void => {
      const json = JSON.stringify(records);
      if (json === indexed) return;
      indexed = json;
      // One Pagefind service at a time: buildSearchFiles closes it when done.
      early = (early ?? Promise.resolve()).catch(() => undefined).then(() => buildSearchFiles(records));
      // Awaited at astro:build:done; a build that fails before then must not also crash on this.
      early.catch(() => {});
    };
    // The prefetched weeks' records first; the site's own, once its archive exists, are what the
    // pages show: if they differ, they are indexed instead.
    if (session.prefetched) index(session.prefetched.records);
    session.onSearchRecords = index;
  };

  return {
    name: "weekly-archive:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = withTrailingSlash(config.base);
        startIndexingInBuild();
      },
      "astro:server:setup": ({ server, logger }) => {
        const dev = devMiddleware(base, logger);
        const contentDir = resolve(siteConfig.contentDir);
        const onChange = (file: string): void => {
          if (resolve(file).startsWith(contentDir)) dev.invalidate();
        };
        server.watcher.on("change", onChange).on("add", onChange).on("unlink", onChange);
        server.middlewares.use((req, res, next) => void dev.handle(req, res, next));
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const recordsFile = join(outDir, RECORDS_PATH);
        const pending = early ?? buildSearchFiles(JSON.parse(readFileSync(recordsFile, "utf8")) as SearchWeekRecord[]);
        early = undefined;
        rmSync(recordsFile, { force: true });
        const { files, weeks } = await pending;
        writeSearchFiles(outDir, files);
        logger.info(`搜索索引（search index）：${weeks} 周，${files.size} 个文件，页面渲染完成后再用 ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

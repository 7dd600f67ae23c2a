/**
 * Search index at build time and in `astro dev`, through Pagefind's Node API.
 *
 * Input: the search records of the archive model. A build starts indexing the records of the weeks
 * prefetched after the week check (integrations/week-prefetch.ts) at astro:config:done, so Pagefind
 * (its own process) works while Astro bundles and renders; once the site's archive exists, its
 * records arrive through the build session and that index stands if they are the same (else they
 * are indexed then); astro:build:done only waits and writes. Without a session — or in dev — the
 * records come from `search/records.json`, rendered by src/pages/search/records.json.ts.
 * Output: the search files of search-index.ts. In dev the same files are built in memory on the
 * first search request and rebuilt after content changes (search-dev.ts).
 */
import type { AstroIntegration } from "astro";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { siteConfig } from "../site.config.ts";
import { currentBuildSession } from "../lib/build-session.ts";
import { searchDevMiddleware } from "./search-dev.ts";
import { buildSearchFiles, RECORDS_PATH, writeSearchFiles, type SearchFiles } from "./search-index.ts";

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
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        startIndexingInBuild();
      },
      "astro:server:setup": ({ server, logger }) => {
        const dev = searchDevMiddleware(base, logger);
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

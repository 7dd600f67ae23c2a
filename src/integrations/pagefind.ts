/**
 * Search index at build time and in `astro dev`, through Pagefind's Node API.
 *
 * Input: the search records of the archive model. A build starts indexing the records of the weeks
 * the week check parsed (integrations/checked-weeks.ts) as soon as it passes, so Pagefind (its own
 * process, driven from a Node process of ours: search-process.ts) works while Astro bundles and
 * renders; astro:build:done compares them with the records the pages rendered (`search/records.json`,
 * src/pages/search/records.json.ts), indexes those instead if they differ, and writes. In dev the
 * records come from the same route.
 * Output: the search files of search-index.ts. In dev the same files are built in memory on the
 * first search request and rebuilt after content changes (search-dev.ts).
 */
import type { AstroIntegration } from "astro";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { siteConfig } from "../site.config.ts";
import { searchDevMiddleware } from "./search-dev.ts";
import { RECORDS_PATH, shortHash, writeSearchFiles, type SearchFiles } from "./search-index.ts";
import { buildSearchFilesInChild } from "./search-process.ts";
import { withTrailingSlash } from "../lib/routes.ts";

/**
 * The search integration. `indexEarly` is how a build hands it the published weeks' records right
 * after the week check (astro.config.mjs wires it to validateWeeksIntegration): Pagefind, its own
 * process, indexes them while Astro bundles and renders. At astro:build:done the records the pages
 * rendered (`search/records.json`) decide: the early index stands if they are the same bytes, else
 * they are indexed then.
 */
export function pagefindIntegration(): AstroIntegration & { indexEarly(records: readonly SearchWeekRecord[]): void } {
  let base = "/";
  let early: { hash: string; files: Promise<SearchFiles> } | undefined;

  return {
    name: "weekly-archive:pagefind",
    indexEarly(records) {
      const json = JSON.stringify(records);
      const files = buildSearchFilesInChild(json);
      // Awaited at astro:build:done; a build that fails before then must not also crash on this.
      files.catch(() => {});
      early = { hash: shortHash(json), files };
    },
    hooks: {
      "astro:config:done": ({ config }) => {
        base = withTrailingSlash(config.base);
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
        const rendered = readFileSync(recordsFile, "utf8");
        rmSync(recordsFile, { force: true });
        const stands = early?.hash === shortHash(rendered);
        if (early && !stands) logger.info("页面的搜索记录与预先索引的不同，重新索引（records differ from the early index: indexing again）");
        // One Pagefind service at a time (each may take ~1 GB): an early index that does not stand must end before the next starts.
        const pending = stands ? early!.files : (early?.files.catch(() => undefined) ?? Promise.resolve()).then(() => buildSearchFilesInChild(rendered));
        early = undefined;
        const { files, weeks } = await pending;
        writeSearchFiles(outDir, files);
        logger.info(`搜索索引（search index）：${weeks} 周，${files.size} 个文件，页面渲染完成后再用 ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

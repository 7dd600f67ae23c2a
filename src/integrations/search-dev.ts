/**
 * The search files in `astro dev`: built in memory from the records endpoint on the first search
 * request, served from memory, rebuilt after a week or registry changes.
 */
import type { AstroIntegrationLogger } from "astro";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { buildSearchFiles, isSearchFilePath, RECORDS_PATH, type SearchFiles } from "./search-index.ts";

const CONTENT_TYPES: [RegExp, string][] = [
  [/\.js$/, "text/javascript; charset=utf-8"],
  [/\.json$/, "application/json; charset=utf-8"],
];

export interface SearchDevServer {
  /** Forget the built files: the next search request builds them again. */
  invalidate(): void;
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void>;
}

export function searchDevMiddleware(base: string, logger: AstroIntegrationLogger): SearchDevServer {
  let pending: Promise<SearchFiles> | undefined;

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
    async handle(req, res, next): Promise<void> {
      const path = new URL(req.url ?? "/", "http://dev").pathname;
      if (!path.startsWith(base) || !isSearchFilePath(path.slice(base.length))) return next();
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

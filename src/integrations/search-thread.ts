/**
 * `buildSearchFiles` on a worker thread. Preparing Pagefind's input (two index words per character,
 * lib/search/tokens.ts), handing it to Pagefind's process and compressing the catalog cost ~0.8 s of
 * CPU at 520 weeks, which a build would otherwise take from the thread that renders its pages.
 */
import { Worker } from "node:worker_threads";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import type { SearchFileOptions, SearchFiles } from "./search-index.ts";

/** What search-worker.ts answers: the files as pairs (buffers moved, not copied), or why it failed. */
export type SearchWorkerAnswer = { ok: true; files: [string, Uint8Array | string][]; weeks: number; indexes: number } | { ok: false; message: string };

export function buildSearchFilesOnThread(
  records: readonly SearchWeekRecord[],
  options: SearchFileOptions = {},
  /** The worker's module (tests give one that fails). */
  workerModule: URL = new URL("./search-worker.ts", import.meta.url),
): Promise<SearchFiles> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerModule, { workerData: { records, options } });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.once("message", (answer: SearchWorkerAnswer) =>
      settle(() => (answer.ok ? resolve({ files: new Map(answer.files), weeks: answer.weeks, indexes: answer.indexes }) : reject(new Error(answer.message)))),
    );
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) => settle(() => reject(new Error(`搜索索引线程意外退出（search index thread exited with code ${code}）`))));
  });
}

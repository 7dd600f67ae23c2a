/**
 * `buildSearchFiles` on a worker thread. Preparing Pagefind's input (two index words per character,
 * lib/search/tokens.ts), handing it to Pagefind's process and compressing the catalog cost ~0.8 s of
 * CPU at 520 weeks, which a build would otherwise take from the thread that renders its pages.
 *
 * A thread has a heap of its own, which the build's largest process pays for: the records go over
 * as one JSON text whose bytes are moved, not copied (the caller has the text already, to compare
 * records by hash, and keeps no records), and the thread's young generation is kept small.
 */
import { Worker } from "node:worker_threads";
import type { SearchFileOptions, SearchFiles } from "./search-index.ts";

/** What search-worker.ts is given: the records as JSON (UTF-8). */
export interface SearchWorkerInput {
  records: Uint8Array;
  options: SearchFileOptions;
}

/** What search-worker.ts answers: the files as pairs (buffers moved, not copied), or why it failed. */
export type SearchWorkerAnswer = { ok: true; files: [string, Uint8Array | string][]; weeks: number; indexes: number } | { ok: false; message: string };

/**
 * Young generation of the thread, MB: its garbage is short-lived (each record's index words), and
 * V8's default let it hold ~130 MB more at 5,200 weeks than this (measured: +131 MB against +69 MB at 4).
 */
const YOUNG_GENERATION_MB = 4;

/** The search files of `recordsJson` (a JSON array of SearchWeekRecord), built on a thread of their own. */
export function buildSearchFilesOnThread(
  recordsJson: string,
  options: SearchFileOptions = {},
  /** The worker's module (tests give one that fails). */
  workerModule: URL = new URL("./search-worker.ts", import.meta.url),
): Promise<SearchFiles> {
  return new Promise((resolve, reject) => {
    const input: SearchWorkerInput = { records: new TextEncoder().encode(recordsJson), options };
    const worker = new Worker(workerModule, {
      workerData: input,
      transferList: [input.records.buffer as ArrayBuffer],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
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

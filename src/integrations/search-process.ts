/**
 * `buildSearchFiles` in a Node process of its own (search-child.ts), beside Pagefind's. Preparing
 * Pagefind's input (two index words per character, lib/search/tokens.ts), driving its binary and
 * compressing the catalog cost ~0.8 s of CPU at 520 weeks, which a build would otherwise take from
 * the thread that renders its pages; and its memory (~0.2–0.4 GB at 5,200 weeks: the records, a
 * part's content on its way to Pagefind, the files coming back) is not added to the build's
 * process, which is the largest (as a worker thread it took that process past 2 GB at 5,200 weeks).
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SearchFileOptions, SearchFiles } from "./search-index.ts";

/** What search-child.ts is sent: the records as JSON text, already made by the caller for its hash. */
export interface SearchChildInput {
  recordsJson: string;
  options: SearchFileOptions;
}

/** What search-child.ts answers: the files as pairs, or why it failed. */
export type SearchChildAnswer = { ok: true; files: [string, Uint8Array | string][]; weeks: number; indexes: number } | { ok: false; message: string };

/** The search files of `recordsJson` (a JSON array of SearchWeekRecord), built in a process of their own. */
export function buildSearchFilesInChild(
  recordsJson: string,
  options: SearchFileOptions = {},
  /** The child's module (tests give one that fails). */
  childModule: URL = new URL("./search-child.ts", import.meta.url),
): Promise<SearchFiles> {
  return new Promise((resolve, reject) => {
    // `advanced`: byte arrays go over as bytes, not as JSON arrays of numbers. No execArgv: the
    // build's own flags (a CPU profile, an inspector) are not the child's.
    const child = fork(fileURLToPath(childModule), [], { serialization: "advanced", execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      child.kill();
    };
    child.once("message", (answer: SearchChildAnswer) =>
      settle(() => (answer.ok ? resolve({ files: new Map(answer.files), weeks: answer.weeks, indexes: answer.indexes }) : reject(new Error(answer.message)))),
    );
    child.once("error", (error) => settle(() => reject(error)));
    child.once("exit", (code, signal) => settle(() => reject(new Error(`搜索索引进程意外退出（search index process exited: ${signal ?? `code ${code}`}）`))));
    const input: SearchChildInput = { recordsJson, options };
    child.send(input);
  });
}

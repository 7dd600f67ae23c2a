/**
 * The worker thread of search-thread.ts: builds the search files of the records it is given and
 * answers once. Plain Node (no Vite): everything it imports is plain TypeScript.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { buildSearchFiles } from "./search-index.ts";
import type { SearchWorkerAnswer, SearchWorkerInput } from "./search-thread.ts";

const input = workerData as SearchWorkerInput;
let answer: SearchWorkerAnswer;
const transfer: ArrayBuffer[] = [];
try {
  const records = JSON.parse(new TextDecoder().decode(input.records)) as SearchWeekRecord[];
  const built = await buildSearchFiles(records, input.options);
  const files: [string, Uint8Array | string][] = [];
  for (const [path, content] of built.files) {
    if (typeof content === "string") {
      files.push([path, content]);
      continue;
    }
    // A copy that owns its memory can be moved to the other thread; a Buffer may share a pool with others.
    const owned = new Uint8Array(content);
    files.push([path, owned]);
    transfer.push(owned.buffer);
  }
  answer = { ok: true, files, weeks: built.weeks, indexes: built.indexes };
} catch (error) {
  answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(answer, transfer);

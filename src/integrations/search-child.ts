/**
 * The child process of search-process.ts: builds the search files of the records it is sent and
 * answers once. Plain Node (no Vite): everything it imports is plain TypeScript.
 */
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { buildSearchFiles } from "./search-index.ts";
import type { SearchChildAnswer, SearchChildInput } from "./search-process.ts";

process.once("message", (input: SearchChildInput) => {
  void answer(input).then((reply) => process.send!(reply, () => process.disconnect()));
});

async function answer(input: SearchChildInput): Promise<SearchChildAnswer> {
  try {
    const records = JSON.parse(input.recordsJson) as SearchWeekRecord[];
    const built = await buildSearchFiles(records, input.options);
    return { ok: true, files: [...built.files], weeks: built.weeks, indexes: built.indexes };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

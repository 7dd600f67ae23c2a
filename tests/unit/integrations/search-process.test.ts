import { describe, expect, it } from "vitest";
import { buildSearchFiles } from "../../../src/integrations/search-index.ts";
import { buildSearchFilesInChild } from "../../../src/integrations/search-process.ts";
import { searchRecord } from "../../support/search-record.ts";

const record = (week: string, text: string) => searchRecord(week, text, [{ title: "本周", anchor: "s1", start: 0, facet: ["project", "贝易转"] }]);

const records = [record("2024-W17", "支付成功率 99.9%，贝易转（C转）上线"), record("2024-W18", "可用性 99.95%"), record("2024-W19", "事故数 0")];

describe("buildSearchFilesInChild", () => {
  it("gives the files buildSearchFiles gives in this process, byte for byte, split into parts too", async () => {
    for (const options of [{}, { partBytes: 400 }]) {
      const here = await buildSearchFiles(records, options);
      const there = await buildSearchFilesInChild(JSON.stringify(records), options);
      expect(there.indexes).toBe(here.indexes);
      expect(there.weeks).toBe(3);
      expect([...there.files.keys()].sort()).toEqual([...here.files.keys()].sort());
      for (const [path, content] of here.files) expect(Buffer.from(there.files.get(path)!), path).toEqual(Buffer.from(content));
    }
    // The small budget must really have split the index, or the second round shows nothing more.
    expect((await buildSearchFilesInChild(JSON.stringify(records), { partBytes: 400 })).indexes).toBeGreaterThan(1);
  }, 120_000);

  it("fails, rather than waits forever, when its process dies before answering", async () => {
    await expect(buildSearchFilesInChild(JSON.stringify(records), {}, new URL("../../fixtures/workers/exits-at-once.mjs", import.meta.url))).rejects.toThrow(
      /code 3/,
    );
  });
});

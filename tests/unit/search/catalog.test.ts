import { describe, expect, it } from "vitest";
import { buildCatalog, SHARD_WEEKS } from "../../../src/lib/search/catalog.ts";
import { record } from "./memory-index.ts";

const weeks = Array.from({ length: 30 }, (_, i) =>
  record(`2023-W${String(i + 1).padStart(2, "0")}`, `第${i + 1}周`, {
    filters: { year: ["2023"], objective: i % 2 ? ["O10 其他"] : ["O2 能力升级"], project: ["存管路由"] },
  }),
);
const ids = new Map(weeks.map((w) => [w.url, `id-${w.week}`]));

describe("buildCatalog", () => {
  const { catalog, shards } = buildCatalog(weeks, ids, (_json, i) => `text-${i}.json.gz`);

  it("lists weeks newest first with their Pagefind ids", () => {
    expect(catalog.weeks[0]).toMatchObject({ week: "2023-W30", id: "id-2023-W30", shard: 0 });
    expect(catalog.weeks.at(-1)).toMatchObject({ week: "2023-W01", shard: Math.floor(29 / SHARD_WEEKS) });
  });

  it("puts SHARD_WEEKS weeks in each text shard, newest first", () => {
    expect(catalog.shards).toEqual(Array.from({ length: Math.ceil(30 / SHARD_WEEKS) }, (_, i) => `text-${i}.json.gz`));
    const first = JSON.parse(shards.get("text-0.json.gz")!);
    expect(first.weeks).toHaveLength(SHARD_WEEKS);
    expect(first.weeks[0]).toEqual({ week: "2023-W30", text: "第30周", sections: [] });
  });

  it("orders chips objective, project, year; objectives in natural order", () => {
    expect(catalog.facets).toEqual([
      ["objective", "O2 能力升级"],
      ["objective", "O10 其他"],
      ["project", "存管路由"],
      ["year", "2023"],
    ]);
    expect(catalog.weeks[0]!.facets).toEqual([1, 2, 3]);
  });

  it("lists the further Pagefind indexes, and has no such field when there is one index", () => {
    expect(catalog).not.toHaveProperty("indexes");
    const split = buildCatalog(weeks, ids, (_json, i) => `text-${i}.json.gz`, ["pagefind-1/", "pagefind-2/"]);
    expect(split.catalog.indexes).toEqual(["pagefind-1/", "pagefind-2/"]);
    expect(split.catalog.weeks).toEqual(catalog.weeks);
  });

  it("refuses a week the index lacks", () => {
    expect(() => buildCatalog(weeks, new Map(), () => "x")).toThrow(/2023-W30/);
  });
});

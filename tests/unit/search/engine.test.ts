import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { search, searchDetailed, addExcerpts } from "../../../src/lib/search/engine.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { toSearchRecord } from "../../../src/lib/search/records.ts";
import { createMemoryIndex, record } from "./memory-index.ts";

const seed = parseWeekSource(readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8"), { file: "2024-W17.mdx" });
const seedRecord = toSearchRecord(seed, {
  url: "/weeks/2024-w17/",
  dates: "2024年4月22日 – 4月28日",
  projectName: (_slug, name) => name,
  objectiveTitle: (_id, title) => title,
  untitledSection: "概述",
});

const index = createMemoryIndex([
  seedRecord,
  record("2024-W18", "存管 路由调整；POS 押金"),
  record("2024-W16", "路由存管，量子"),
  record("2023-W50", "存管路由一期"),
]);

const weeksOf = async (q: string): Promise<string[]> => (await search(index, q)).map((h) => h.week);

describe("search over the index words", () => {
  it("finds every week containing the term, newest first", async () => {
    expect(await weeksOf("存管路由")).toEqual(["2024-W17", "2023-W50"]);
  });

  it("finds OOM, POS and 99.997% whatever their case or width", async () => {
    expect(await weeksOf("OOM")).toEqual(["2024-W17"]);
    expect(await weeksOf("oom")).toEqual(["2024-W17"]);
    expect(await weeksOf("ｐｏｓ")).toEqual(["2024-W18", "2024-W17"]);
    expect(await weeksOf("99.997%")).toEqual(["2024-W17"]);
  });

  it("returns nothing for a term that occurs nowhere, even when its characters do", async () => {
    expect(await weeksOf("量子纠缠")).toEqual([]);
    expect(await weeksOf("管存")).toEqual([]);
  });

  it("treats space-separated terms as AND and ranks back-to-back matches first", async () => {
    expect(await weeksOf("存管 路由")).toEqual(["2024-W18", "2024-W17", "2023-W50", "2024-W16"]);
    expect(await weeksOf("路由 存管")).toEqual(["2024-W16", "2024-W18", "2024-W17", "2023-W50"]);
    expect(await weeksOf("存管 量子")).toEqual(["2024-W16"]);
  });

  it("requires the terms to be back to back when the query is quoted", async () => {
    expect(await weeksOf('"存管 路由"')).toEqual(["2024-W18", "2024-W17", "2023-W50"]);
  });

  it("finds single characters", async () => {
    expect(await weeksOf("量")).toEqual(["2024-W17", "2024-W16"]);
  });

  it("marks the match in the excerpt and links the section it is in", async () => {
    const [hit] = await search(index, "OOM");
    expect(hit).toMatchObject({ url: "/weeks/2024-w17/", section: "生产事件", sectionUrl: "/weeks/2024-w17/#incidents" });
    expect(hit!.excerpt).toContain("<mark>OOM</mark>");
    expect(hit!.excerptText).toContain("OOM");
  });

  it("links a hit inside a 【project】 item to the item", async () => {
    const [hit] = await search(index, "网商银行");
    expect(hit).toMatchObject({ section: "重点项目 · 贝易转（C转）", sectionUrl: "/weeks/2024-w17/#p-bei-yi-zhuan" });
  });

  it("marks every term, in the original case", async () => {
    const [hit] = await search(index, "pos 押金");
    expect(hit!.excerpt).toBe("存管 路由调整；<mark>POS</mark> <mark>押金</mark>");
  });

  it("filters by chips: any value within a filter, every filter", async () => {
    const r = await searchDetailed(index, "存管", { filters: { year: ["2023"] } });
    expect(r.hits.map((h) => h.week)).toEqual(["2023-W50"]);
    expect(r.unfiltered).toBe(4);
    expect(r.facets.find((f) => f.filter === "year" && f.value === "2024")).toMatchObject({ count: 3, selected: false });
    expect(r.facets.find((f) => f.value === "2023")).toMatchObject({ count: 1, selected: true });
    const both = await searchDetailed(index, "存管", { filters: { year: ["2023", "2024"], objective: ["O1 业务服务"] } });
    expect(both.hits.map((h) => h.week)).toEqual(["2024-W17"]);
  });

  it("builds excerpts lazily for later pages of hits", async () => {
    const r = await searchDetailed(index, "存管", { excerpts: 1 });
    expect(r.hits[0]!.excerpt).not.toBe("");
    expect(r.hits[1]!.excerpt).toBe("");
    await addExcerpts(index, r, 1, 4);
    expect(r.hits.every((h) => h.excerpt.includes("<mark>"))).toBe(true);
  });

  it("matches phrases whose first or last term is one character, with or without the space", async () => {
    const idx = createMemoryIndex([
      record("2024-W01", "拍了 X 光片"),
      record("2024-W02", "X光"),
      record("2024-W03", "X 线，光"),
      record("2024-W04", "Vue 3.0 与 vue 3：都在"),
      record("2024-W05", "Vue 4"),
    ]);
    const weeks = async (q: string) => (await search(idx, q)).map((h) => h.week);
    expect(await weeks('"X 光"')).toEqual(["2024-W02", "2024-W01"]);
    expect(await weeks('"光 片"')).toEqual(["2024-W01"]);
    expect(await weeks('"vue 3"')).toEqual(["2024-W04"]);
    expect((await search(idx, '"vue 3"'))[0]!.count).toBe(2);
  });

  it("counts every match in a week and shows up to three excerpts from different sections", async () => {
    const text = "W\n甲 存管 存管\n乙 存管\n丙 存管\n丁 存管";
    const at = (s: string) => text.indexOf(s);
    const idx = createMemoryIndex([
      record("2024-W01", text, {
        sections: ["甲", "乙", "丙", "丁"].map((t) => ({ title: t, anchor: t, start: at(t) })),
      }),
    ]);
    const [hit] = await search(idx, "存管");
    expect(hit!.count).toBe(5);
    expect(hit!.excerpts.map((e) => e.section)).toEqual(["甲", "乙", "丙"]);
    expect(hit!.excerpts[1]!.sectionUrl).toBe("/weeks/2024-w01/#乙");
  });

  it("counts a chip only where the match is", async () => {
    const text = "W\n【甲】存管\n【乙】路由\n指标 存管";
    const idx = createMemoryIndex([
      record("2024-W01", text, {
        sections: [
          { title: "重点项目 · 甲", anchor: "p-a", start: text.indexOf("【甲】"), facet: ["project", "甲"] },
          { title: "重点项目 · 乙", anchor: "p-b", start: text.indexOf("【乙】"), facet: ["project", "乙"] },
          { title: "指标", anchor: "m", start: text.indexOf("指标") },
        ],
        filters: { project: ["甲", "乙"], year: ["2024"] },
      }),
      record("2024-W02", "路由", { filters: { project: ["甲"], year: ["2024"] } }),
    ]);
    const r = await searchDetailed(idx, "路由");
    expect(r.facets.filter((f) => f.filter === "project").map((f) => [f.value, f.count])).toEqual([["乙", 1]]);
    expect((await searchDetailed(idx, "路由", { filters: { project: ["甲"] } })).hits).toEqual([]);
    const both = await searchDetailed(idx, "存管");
    expect(both.facets.filter((f) => f.filter === "project").map((f) => [f.value, f.count])).toEqual([["甲", 1]]);
  });

  it("returns nothing for an empty query", async () => {
    expect(await search(index, "   ")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import { parse as parseYaml } from "yaml";
import { ABSENT_TERMS, generateCorpus, type GeneratedWeek } from "../../scripts/lib/generate-corpus.ts";
import { addWeeksToId, parseWeekId, weekIdOfDate } from "../../src/lib/week-id.ts";
import { weekFrontmatterSchema } from "../../src/lib/week-schema.ts";

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

function splitSource(source: string): { data: unknown; body: string } {
  const m = FRONTMATTER.exec(source);
  if (!m) throw new Error("no frontmatter");
  return { data: parseYaml(m[1]!), body: source.slice(m[0].length) };
}

const mdx = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

// 2019-W01 + 120 weeks crosses 2020-W53.
const corpus = generateCorpus({ count: 120, seed: 7 });

describe("generateCorpus", () => {
  it("is deterministic: the same options give byte-identical files", () => {
    const again = generateCorpus({ count: 120, seed: 7 });
    expect(again).toEqual(corpus);
    const other = generateCorpus({ count: 120, seed: 8 });
    expect(other.map((w) => w.source)).not.toEqual(corpus.map((w) => w.source));
  });

  it("returns exactly count weeks named after their week", () => {
    expect(corpus).toHaveLength(120);
    expect(generateCorpus({ count: 0 })).toEqual([]);
    for (const w of corpus) expect(w.fileName).toBe(`${w.week}.mdx`);
  });

  it("walks consecutive ISO weeks across a 53-week year", () => {
    expect(corpus[0]!.week).toBe("2019-W01");
    for (let i = 1; i < corpus.length; i++) {
      expect(corpus[i]!.week).toBe(addWeeksToId(parseWeekId(corpus[i - 1]!.week), 1));
    }
    const weeks = corpus.map((w) => w.week);
    expect(weeks).toContain("2020-W53");
    expect(weeks[weeks.indexOf("2020-W53") + 1]).toBe("2021-W01");
  });

  it("starts where asked and skips the weeks a caller supplies itself", () => {
    const weeks = generateCorpus({ count: 10, startWeek: "2024-W12", skipWeeks: ["2024-W17"] }).map((w) => w.week);
    expect(weeks).toHaveLength(10);
    expect(weeks).not.toContain("2024-W17");
    expect(weeks[0]).toBe("2024-W12");
    expect(weeks.at(-1)).toBe("2024-W22");
  });

  it("rejects a start that is not an ISO week and a bad count", () => {
    expect(() => generateCorpus({ count: 1, startWeek: "2021-W53" })).toThrow();
    expect(() => generateCorpus({ count: -1 })).toThrow();
  });

  it("writes frontmatter that the week schema accepts, created on the Friday or Saturday of its week", () => {
    let withCreated = 0;
    for (const w of corpus) {
      const { data } = splitSource(w.source);
      const fm = weekFrontmatterSchema.parse(data);
      expect(fm.week).toBe(w.week);
      if (!fm.created) continue;
      withCreated++;
      const [y, mo, d] = fm.created.slice(0, 10).split("-").map(Number) as [number, number, number];
      const day = new Date(y, mo - 1, d);
      expect(weekIdOfDate(day)).toBe(w.week);
      expect([5, 6]).toContain(day.getDay());
      expect(fm.created).toMatch(/\+08:00$/);
    }
    expect(withCreated).toBeGreaterThan(corpus.length / 2);
    expect(withCreated).toBeLessThan(corpus.length);
  });

  it("produces files that remark-parse + remark-gfm + remark-mdx accept", () => {
    for (const w of [...corpus, ...generateCorpus({ count: 60, seed: 99, startWeek: "2026-W30" })]) {
      expect(() => mdx.parse(w.source), w.week).not.toThrow();
      expect(() => mdx.parse(splitSource(w.source).body), w.week).not.toThrow();
    }
  });

  it("opens every week with 【project】 items in the seed's 4-space Notion style", () => {
    for (const w of corpus) {
      const { body } = splitSource(w.source);
      const projects = body.match(/^- 【[^】]+】/gm) ?? [];
      expect(projects.length, w.week).toBeGreaterThanOrEqual(3);
      expect(projects.length, w.week).toBeLessThanOrEqual(6);
      expect(body).toMatch(/^ {4}(?:\d+\.|-) \S/m);
      expect(body).toMatch(/^#{1,2} (?:【)?(?:下周工作及目标|下周计划)/m);
    }
  });

  it("keeps projects across many consecutive weeks, with name variants and some that go quiet", () => {
    const weeksOf = new Map<string, string[]>();
    for (const w of corpus) {
      for (const m of w.source.matchAll(/^- 【([^】]+)】/gm)) {
        const list = weeksOf.get(m[1]!) ?? [];
        list.push(w.week);
        weeksOf.set(m[1]!, list);
      }
    }
    expect(Math.max(...[...weeksOf.values()].map((l) => l.length))).toBeGreaterThan(30);
    const names = [...weeksOf.keys()];
    expect(names.filter((n) => n.startsWith("贝易转") || n === "C转").length).toBeGreaterThan(1);
    expect(names.length).toBeGreaterThan(new Set(names.map((n) => n.replace(/（.*）$/, ""))).size);
    const lastWeek = corpus.at(-1)!.week;
    expect([...weeksOf.values()].some((l) => l.at(-1)! < addWeeksToId(parseWeekId(lastWeek), -8))).toBe(true);
  });

  it("writes objective sections, metrics, incidents and plans with natural variation", () => {
    const all = corpus.map((w) => w.source).join("\n");
    expect(all).toMatch(/^## 【O1 业务服务】$/m);
    expect(all).toMatch(/^#{2,3} (?:【)?O\d[ ：]/m);
    expect(all).toMatch(/^- 入金有效成功率：99\.\d+%$/m);
    expect(all).toMatch(/^- 事故数AB级\d次，CD级[1-9]次$/m);
    expect(all).toMatch(/^\d{1,2}\/\d{1,2} \d{2}:\d{2} .+，影响了.+。原因：/m);
    expect(all).toMatch(/(?:整体进度|进度|约)\d{1,3}%/);
    expect(all).toMatch(/^- \[[ x]\] /m);
    expect(all).toMatch(/^- (?:\S+?)，/m);
    for (const token of ["POS", "UAT", "T+1", "Sprint", "OOM"]) expect(all).toContain(token);
  });

  it("never emits an absent term or MDX-hostile text, over 600 weeks and several seeds", () => {
    const big: GeneratedWeek[] = [...generateCorpus({ count: 600, seed: 1 }), ...generateCorpus({ count: 200, seed: 2024, skipWeeks: ["2024-W17"] })];
    expect(ABSENT_TERMS.length).toBeGreaterThanOrEqual(20);
    for (const w of big) {
      for (const term of ABSENT_TERMS) expect(w.source.includes(term), `${w.week} ${term}`).toBe(false);
      expect(w.source).not.toMatch(/[{}<]|^\s*(?:import|export)\b/m);
      for (const m of w.source.matchAll(/>/g)) expect(w.source[m.index - 1]).toBe("率");
    }
  });
});

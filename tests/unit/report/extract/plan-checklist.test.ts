import { describe, expect, it } from "vitest";
import { emptyRegistry } from "../../../../src/lib/registry.ts";
import { parseWeekSource } from "../../../../src/lib/report/parse-week.ts";
import { classifyHeading } from "../../../../src/lib/report/section-kinds.ts";

const source = (body: string) => `---\nweek: 2024-W18\n---\n\n${body}`;
const marks = (body: string) => parseWeekSource(source(body), { file: "2024-W18.mdx", registry: emptyRegistry }).planMarks;
const texts = (body: string) => marks(body).map((m) => [m.text, m.checked]);

const TICKS = "- [x] 信用分方案评审\n- [ ] 人员面试\n";

describe("the ticks of a week's 上周计划完成情况 checklist, read from the Markdown tree", () => {
  it("reads each tick with its text and file line", () => {
    expect(marks(`- 【贝易转】\n    1. 进展\n\n## 上周计划完成情况\n\n${TICKS}- [X] 存管路由流量切换（已切 30%）\n`)).toEqual([
      { text: "信用分方案评审", checked: true, line: 10 },
      { text: "人员面试", checked: false, line: 11 },
      { text: "存管路由流量切换（已切 30%）", checked: true, line: 12 },
    ]);
  });

  it("gives the same lines for a file with CRLF line endings", () => {
    const body = `## 上周计划完成情况\r\n\r\n- [x] 信用分方案评审\r\n- [ ] 人员面试\r\n`;
    expect(parseWeekSource(source(body).replace(/\n/g, "\r\n").replace(/\r\r/g, "\r"), { file: "w.mdx" }).planMarks).toEqual([
      { text: "信用分方案评审", checked: true, line: 7 },
      { text: "人员面试", checked: false, line: 8 },
    ]);
  });

  // Each of these the line-by-line regex over the raw source got wrong.
  it.each([
    ["a closing #", "## 上周计划完成情况 ##"],
    ["emphasis", "## **上周计划完成情况**"],
    ["a setext underline", "上周计划完成情况\n----"],
    ["the dates of the week", "## 上周计划完成情况（4/15-4/19）"],
    ["【】 and a colon", "### 【上周计划回顾】："],
    ["上周工作", "## 上周工作完成情况"],
  ])("finds the checklist under a heading written with %s", (_, heading) => {
    expect(texts(`${heading}\n\n${TICKS}`)).toEqual([
      ["信用分方案评审", true],
      ["人员面试", false],
    ]);
  });

  it("takes no tick from a code block or a quote inside the checklist", () => {
    expect(texts(`## 上周计划完成情况\n\n${TICKS}\n\`\`\`\n- [x] 示例：这样打勾\n\`\`\`\n\n> - [x] 引用的别人的勾\n`)).toEqual([
      ["信用分方案评审", true],
      ["人员面试", false],
    ]);
  });

  it("reads an item's plain text: its markup and escapes are not part of the plan", () => {
    expect(texts("## 上周计划完成情况\n\n- [x] **贝易转**联调 \\*二期\n")).toEqual([["贝易转联调 *二期", true]]);
  });

  it("keeps reading past a sub-heading of the checklist, and stops at the next section", () => {
    expect(texts(`## 上周计划完成情况\n\n${TICKS}\n### 补充\n\n- [x] 稳定性周会\n\n## 下周工作及目标\n\n- [ ] 贝易转联调\n`)).toEqual([
      ["信用分方案评审", true],
      ["人员面试", false],
      ["稳定性周会", true],
    ]);
  });

  it("reads a checklist under a `#` title up to the next heading of its level", () => {
    expect(texts(`# 第 18 周周报\n\n## 上周计划完成情况\n\n${TICKS}\n## 本周工作\n\n- [x] 不是上周的计划\n`)).toEqual([
      ["信用分方案评审", true],
      ["人员面试", false],
    ]);
  });

  it("finds nothing in a week without a checklist, whatever its other task lists say", () => {
    expect(marks("## 下周工作及目标\n\n- [x] 贝易转联调\n\n## 本周回顾\n\n- [x] 周会\n")).toEqual([]);
  });

  it("names the checklist with the section-kinds rule, which other tools share", () => {
    expect(classifyHeading("【上周计划完成情况】：")).toMatchObject({ kind: "unknown", planChecklist: true });
    expect(classifyHeading("上周计划完成情况（4/15-4/19）").planChecklist).toBe(true);
    expect(classifyHeading("下周计划")).toMatchObject({ kind: "plans" });
    expect(classifyHeading("上周计划完成情况").title).toBe("上周计划完成情况");
    expect(classifyHeading("上周客户反馈").planChecklist).toBeUndefined();
  });
});

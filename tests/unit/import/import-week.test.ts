import { readFileSync } from "node:fs";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { escapeForMdx } from "../../../src/lib/import/escape-mdx.ts";
import { describeChanges, importWeek, ImportError } from "../../../src/lib/import/import-week.ts";
import { blockSkeleton, parseCommonMark, parseWeekMdx, renderedBlocks } from "../../../src/lib/import/markdown.ts";
import { parseNotionCreated } from "../../../src/lib/import/notion-date.ts";
import { validateWeekFiles } from "../../../src/lib/validate/index.ts";

const seedExport = readFileSync("tests/fixtures/import/2024-W17-notion.md", "utf8");
const seedWeek = readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8");
const hostile = readFileSync("tests/fixtures/import/hostile.md", "utf8");

const bodyOf = (weekFile: string) => weekFile.replace(/^---\n[\s\S]*?\n---\n/, "");
const exportBody = (exp: string) => exp.replace(/^# .*\n\s*(Created: .*\n)?\s*/, "");
const passes = (source: string, week: string) => validateWeekFiles([{ path: `content/weeks/${week}.mdx`, source }]).filter((p) => p.severity === "error");

describe("importing the seed export", () => {
  const result = importWeek(seedExport);

  it("yields content/weeks/2024-W17.mdx byte for byte", () => {
    expect(result.output).toBe(seedWeek);
    expect(result.week).toBe("2024-W17");
    expect(result.changes).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("says what it did with the title and Created", () => {
    expect(result.notes).toEqual([
      "标题 “# 2024-W17” → week: 2024-W17",
      'Created: 2024年4月20日 09:27 → created: "2024-04-20T09:27+08:00"（Notion 不带时区，按 UTC+08:00 计）',
    ]);
  });

  it("keeps Notion's 4-space list nesting: the MDX reading has the structure and text of the CommonMark reading", () => {
    const source = parseCommonMark(exportBody(seedExport));
    const site = parseWeekMdx(bodyOf(seedWeek));
    expect(blockSkeleton(site)).toBe(blockSkeleton(source));
    expect(renderedBlocks(site)).toEqual(renderedBlocks(source));
    expect(toString(site)).toBe(toString(source));
    // Three levels deep under 【贝易转（C转）】, as the author wrote it.
    expect(blockSkeleton(site)).toContain("      list(ol start=1)\n        listItem\n          paragraph\n          list(ol start=1)");
  });

  it("is idempotent: importing the week file again changes nothing", () => {
    expect(importWeek(seedWeek).output).toBe(seedWeek);
  });
});

describe("escaping MDX-hostile text", () => {
  it.each([
    ["a<b", "a\\<b", ["<"]],
    ["故障率 <0.1%", "故障率 \\<0.1%", ["<"]],
    ["集合 {A,B}", "集合 \\{A,B\\}", ["{", "}"]],
    ["分成 <经纪人:店东=3:7>", "分成 \\<经纪人:店东=3:7>", ["<"]],
    ["模板 ${date}", "模板 $\\{date\\}", ["{", "}"]],
    ["单独的 } 也转义", "单独的 \\} 也转义", ["}"]],
    ["<!-- 注释 -->", "\\<!-- 注释 -->", ["html-comment"]],
    ["行内 <!-- c --> 注释", "行内 \\<!-- c --> 注释", ["html-comment"]],
    ["段落\n<!-- 块 -->\n后文", "段落\n\n\\<!-- 块 -->\n\n后文", ["html-comment"]],
    ["第一行<br>第二行", "第一行<br />第二行", ["html"]],
    ["上标 x<sup>2</sup> 和 <U>下划线</U>", "上标 x<sup>2</sup> 和 <u>下划线</u>", ["html"]],
    ["见 <https://example.com/a_b>", "见 [https://example.com/a\\_b](https://example.com/a_b)", ["autolink"]],
    ["邮件 <ops@example.com>", "邮件 [ops@example.com](mailto:ops@example.com)", ["autolink"]],
    ["import 流程梳理完成", "&#105;mport 流程梳理完成", ["esm-like"]],
    ["export 报表", "&#101;xport 报表", ["esm-like"]],
    ["段落\n\n    缩进代码 {a}\n", "段落\n\n```\n缩进代码 {a}\n```\n", ["indented-code"]],
    ["![图{1}](/a.png)", "![图\\{1\\}](/a.png)", ["{", "}"]],
    ["[文档{v2}](https://x.com/?q={a})", "[文档\\{v2\\}](https://x.com/?q={a})", ["{", "}"]],
    ["| a | {b} |\n|---|---|\n| <c | d |", "| a | \\{b\\} |\n|---|---|\n| \\<c | d |", ["{", "}", "<"]],
    ["- [ ] 待办 {x}\n- [x] 完成", "- [ ] 待办 \\{x\\}\n- [x] 完成", ["{", "}"]],
    ["**粗 {y}** _斜 <z>_", "**粗 \\{y\\}** _斜 \\<z>_", ["{", "}", "html"]],
  ])("%j → %j", (input, expected, kinds) => {
    const { text, changes } = escapeForMdx(input);
    expect(text).toBe(expected);
    expect([...new Set(changes.map((c) => c.kind))].sort()).toEqual([...new Set(kinds)].sort());
    expect(renderedBlocks(parseWeekMdx(text))).toEqual(renderedBlocks(parseCommonMark(input)));
    expect(passes(`---\nweek: 2024-W18\n---\n\n${text}\n`, "2024-W18")).toEqual([]);
  });

  it.each([
    ["inline code", "`{code} <b>`"],
    ["fenced code", "```js\nconst a = { b: 1 } < 2; // <!-- x -->\n```"],
    ["a bare URL with braces", "https://x.com/{id}"],
    ["already escaped text", "\\{ \\} \\< &lt; &amp;"],
    ["greater-than", "准确率>90%，a -> b"],
    ["import inside a list", "- import 列表里没事"],
  ])("leaves %s untouched", (_name, input) => {
    expect(escapeForMdx(input)).toEqual({ text: input, changes: [], warnings: [] });
  });
});

describe("an export full of { } < > $", () => {
  const result = importWeek(hostile);

  it("builds as a valid week with every text block the author wrote", () => {
    expect(result.week).toBe("2024-W18");
    // Tags outside the allowed HTML stay visible as text, each said once; nothing else is warned about.
    expect(result.warnings).toEqual([
      "第 12 行：HTML 标签 <b> 已去掉，保留其中的文字",
      "第 12 行：HTML 标签 <span> 已去掉，保留其中的文字",
      "第 20 行：HTML 标签 <y> 不在允许的列表里，已改为可见文字",
      "第 22 行：HTML 标签 <z> 不在允许的列表里，已改为可见文字",
    ]);
    // The one error left is the image the export references but does not contain; the importer says so.
    expect(passes(result.output, "2024-W18").map((p) => p.field)).toEqual(["image"]);
    const withImage = importWeek(hostile, { imageUrls: { "images/missing.png": "/images/2024-W18/missing.png" } });
    expect(passes(withImage.output, "2024-W18")).toEqual([]);
    expect(withImage.output).toContain("![截图\\{1\\}](/images/2024-W18/missing.png)");
    // The one thing left out on purpose is the HTML comment (tested below).
    const source = parseCommonMark(exportBody(hostile).replace("<!-- 内部备注：不要外传 -->", ""));
    const site = parseWeekMdx(bodyOf(result.output));
    expect(renderedBlocks(site)).toEqual(renderedBlocks(source));
    // <br> is the one tag of the export in the allowed HTML: it renders, the rest reads the same.
    expect(bodyOf(result.output)).toContain("第一行<br />第二行");
    // <br> renders; <b> and <span> are unwrapped to their text (layout tags the week format does not keep).
    expect(toString(site)).toBe(toString(source).replace("<br>", "").replace("<b>粗</b>", "粗").replace('<span style="color:red">红</span>', "红"));
  });

  it("keeps every text line of the export visible", () => {
    const text = renderedBlocks(parseWeekMdx(bodyOf(result.output))).join("\n");
    for (const fragment of ["a<b", "<0.1%", "{A,B}", "<经纪人:店东=3:7>", "${date}", "粗", "{p99} 80ms", "import 流程梳理完成"])
      expect(text).toContain(fragment);
    // Layout and emphasis tags go, their text stays: no literal <b>/<span> on the page.
    expect(text).toContain("内联 HTML：第一行第二行，粗，红");
  });

  it("leaves the HTML comment out of the page, with a note naming its line", () => {
    expect(result.output).not.toContain("内部备注");
    expect(result.dropped).toEqual([expect.stringMatching(/^第 9 行的 HTML 注释 <!-- 内部备注：不要外传 -->：未发布$/)]);
  });

  it("reports every change with its source line, and local images", () => {
    expect(describeChanges(result.changes).join("\n")).not.toContain("HTML 注释");
    expect(result.changes.every((c) => c.line >= 5)).toBe(true);
    expect(result.images).toEqual([{ url: "images/missing.png", line: 33 }]);
  });
});

describe("title, week and Created", () => {
  it("takes --week when the title has none, keeping the title", () => {
    const r = importWeek("# 第十八周周报\n\n正文\n", { week: "2024-W18" });
    expect(r.output).toBe('---\nweek: 2024-W18\ntitle: "第十八周周报"\n---\n\n正文\n');
  });

  it("lets --week win over the title, saying so", () => {
    const r = importWeek("# 2024-W17\n\n正文", { week: "2024-W18" });
    expect(r.week).toBe("2024-W18");
    expect(r.notes.join("\n")).toContain("被 --week 2024-W18 取代");
  });

  it.each([
    ["no title and no --week", "正文", {}, /找不到日期或周号/],
    ["a title without a week", "# 周报\n\n正文", {}, /--week/],
    ["a week that does not exist", "# 2024-W60\n\n正文", {}, /不存在 W60/],
    ["a bad --week", "正文", { week: "2024-17" }, /YYYY-Www/],
  ])("refuses %s", (_name, input, options, message) => {
    expect(() => importWeek(input, options)).toThrow(ImportError);
    expect(() => importWeek(input, options)).toThrow(message);
  });

  it("handles CRLF, a BOM and an author property", () => {
    const r = importWeek("\uFEFF# 2024-W18\r\n\r\nCreated: April 27, 2024 3:05 PM\r\nAuthor: 张三\r\n\r\n- 正文\r\n");
    expect(r.output).toBe('---\nweek: 2024-W18\nauthor: "张三"\ncreated: "2024-04-27T15:05+08:00"\n---\n\n- 正文\n');
  });

  it("warns and leaves created out when Created cannot be read", () => {
    const r = importWeek("# 2024-W18\n\nCreated: 上周五\n\n正文");
    expect(r.output).not.toContain("created:");
    expect(r.warnings[0]).toMatch(/看不懂 Created/);
  });
});

describe("parseNotionCreated", () => {
  it.each([
    ["2024年4月20日 09:27", "2024-04-20T09:27+08:00"],
    ["2024年4月20日 9:27", "2024-04-20T09:27+08:00"],
    ["2024年4月20日 下午3:05", "2024-04-20T15:05+08:00"],
    ["2024年4月20日 上午12:10", "2024-04-20T00:10+08:00"],
    ["2024年4月20日", "2024-04-20T00:00+08:00"],
    ["April 20, 2024 9:27 AM", "2024-04-20T09:27+08:00"],
    ["Apr 20, 2024 12:30 PM", "2024-04-20T12:30+08:00"],
    ["2024/04/20 09:27", "2024-04-20T09:27+08:00"],
    ["2024-04-20 09:27", "2024-04-20T09:27+08:00"],
    ["2024年2月30日 09:27", undefined],
    ["2024年4月20日 25:00", undefined],
    ["昨天", undefined],
  ])("%s → %s", (input, expected) => {
    expect(parseNotionCreated(input)).toBe(expected);
  });
});

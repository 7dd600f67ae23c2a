import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem, formatProblems, summarizeProblems, validateWeekFiles, type Problem, type WeekFile } from "../../../src/lib/validate/index.ts";
import type { Registry } from "../../../src/lib/registry.ts";

const seed = readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8");
const week = (id: string, body: string, extra = ""): WeekFile => ({
  path: `content/weeks/${id}.mdx`,
  source: `---\nweek: ${id}\n${extra}---\n\n${body}\n`,
});
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === "error");
const only = (files: WeekFile[], ctx = {}) => errorsOf(validateWeekFiles(files, ctx));

describe("validateWeekFiles", () => {
  it("passes the seed week", () => {
    expect(validateWeekFiles([{ path: "content/weeks/2024-W17.mdx", source: seed }])).toEqual([]);
  });

  it("passes a week with only `week:` and a Markdown body", () => {
    expect(validateWeekFiles([week("2024-W18", "本周无事。")])).toEqual([]);
  });

  it.each([
    ["a week number that does not exist", week("2024-W60", "x"), 2, "week", /2024 年只有 52 个 ISO 周/],
    ["a lower-case week label", { path: "content/weeks/2024-w17.mdx", source: "---\nweek: 2024-w17\n---\nx\n" }, 2, "week", /ISO 周格式/],
    ["an unknown key close to a real one", week("2024-W18", "x", "tittle: 周报\n"), 3, "tittle", /是不是 "title"/],
    ["an alias key", week("2024-W18", "x", "date: 2024-04-20\n"), 3, "date", /是不是 "created"/],
    ["a created date without offset", week("2024-W18", "x", "created: 2024-04-20\n"), 3, "created", /带时区/],
    ["an empty title", week("2024-W18", "x", 'title: ""\n'), 3, "title", /不能为空/],
    ["a numeric author", week("2024-W18", "x", "author: 123\n"), 3, "author", /应为文字/],
    ["missing week", { path: "content/weeks/2024-W18.mdx", source: "---\ntitle: x\n---\nx\n" }, 1, "week", /缺少必填的 week/],
    ["broken YAML", { path: "content/weeks/2024-W18.mdx", source: "---\nweek: 2024-W18\ntitle: [a\n---\nx\n" }, 3, "frontmatter", /不是合法的 YAML/],
    [
      "a duplicate YAML key",
      { path: "content/weeks/2024-W18.mdx", source: "---\nweek: 2024-W18\nweek: 2024-W18\n---\nx\n" },
      3,
      "frontmatter",
      /不是合法的 YAML/,
    ],
    ["missing frontmatter", { path: "content/weeks/2024-W18.mdx", source: "# 2024-W18\n" }, 1, "frontmatter", /缺少 frontmatter/],
    ["unclosed frontmatter", { path: "content/weeks/2024-W18.mdx", source: "---\nweek: 2024-W18\nx\n" }, 1, "frontmatter", /没有结束/],
    [
      "a file name that differs from week",
      { path: "content/weeks/2024-W18.mdx", source: "---\nweek: 2024-W17\n---\nx\n" },
      2,
      "week",
      /文件名 2024-W18.mdx 与 week: 2024-W17 不一致/,
    ],
  ])("rejects %s with its line and field", (_name, file, line, field, message) => {
    const problems = only([file as WeekFile]);
    expect(problems.length).toBeGreaterThan(0);
    const p = problems.find((x) => x.field === field)!;
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p.file).toBe((file as WeekFile).path);
    expect(p.line).toBe(line);
    expect(p.message).toMatch(message);
    expect(p.hint.length).toBeGreaterThan(0);
  });

  it("rejects files that are not .mdx and nested week files", () => {
    const problems = only(
      [
        { path: "content/weeks/notes.md", source: "" },
        { path: "content/weeks/2024/2024-W18.mdx", source: "---\nweek: 2024-W18\n---\nx\n" },
      ],
      { weeksDir: "content/weeks" },
    );
    expect(problems.map((p) => p.file)).toEqual(["content/weeks/notes.md", "content/weeks/2024/2024-W18.mdx"]);
    expect(problems[0]!.hint).toContain("notes.mdx");
  });

  it("names the other file on each side of a duplicate week", () => {
    const a = { path: "content/weeks/2024-W17.mdx", source: seed };
    const b = { path: "content/weeks/2024-W17-copy.mdx", source: "---\nweek: 2024-W17\n---\nx\n" };
    const dup = only([a, b]).filter((p) => /重复/.test(p.message));
    expect(dup.map((p) => [p.file, p.line])).toEqual([
      [a.path, 2],
      [b.path, 2],
    ]);
    expect(dup[0]!.message).toContain(b.path);
    expect(dup[1]!.message).toContain(a.path);
  });

  it("finds duplicates against weeks outside the checked files", () => {
    const problems = only([week("2024-W17", "x")], {
      knownWeeks: [{ week: "2024-W17", file: "content/weeks/old/2024-W17.mdx" }],
    });
    expect(problems[0]!.message).toContain("content/weeks/old/2024-W17.mdx");
  });
});

describe("MDX that does not parse", () => {
  it.each([
    ["an unclosed `{`", "- 第一项\n- 成本 { 降低\n- 第三项", 6, 6, /`\{` 在 MDX 中开始一个 JavaScript 表达式/, /\\\{/],
    ["`a<b`", "比较 a<b 的情况", 5, 5, /`<` 在 MDX 中开始一个 JSX 标签/, /\\</],
    ["`<0.1%`", "故障率 <0.1%", 5, 5, /JSX/, /&lt;/],
    ["`<经纪人:店东=3:7>`", "分成 <经纪人:店东=3:7>", 5, 4, /JSX/, /\\</],
    ["an HTML comment", "<!-- 备注 -->", 5, 1, /JSX/, /HTML 注释/],
    ["an autolink", "见 <https://example.com>", 5, 3, /JSX/, /\[网址\]\(网址\)/],
    ["an unclosed tag", "<Foo>\n\n正文", 5, 1, /JSX/, /\\</],
  ])("reports %s at file line:column with a hint", (_name, body, line, column, message, hint) => {
    const [p, ...rest] = only([week("2024-W18", body)]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: "content/weeks/2024-W18.mdx", field: "mdx", line, column });
    expect(p!.message).toMatch(message);
    expect(p!.hint).toMatch(hint);
  });
});

describe("weeks are content, not code", () => {
  it.each([
    ["ESM import", "import fs from 'node:fs'\n\n正文", 5, /import\/export/],
    ["ESM export", "正文\n\nexport const x = 1", 7, /import\/export/],
    ["a flow expression", "{process.exit(1)}", 5, /JavaScript 表达式/],
    ["a text expression", "金额 ${amount} 元", 5, /JavaScript 表达式 `\{amount\}`/],
    ["an expression in a table", "| a | b |\n|---|---|\n| {x} | y |", 7, /JavaScript 表达式/],
    ["an MDX comment", "{/* 注释 */}", 5, /注释/],
    ["a component", '<Chart data="x" />', 5, /`<Chart>`/],
    ["an HTML tag", "文字 <b>粗体</b>", 5, /`<b>`/],
    ["a fragment", "<>x</>", 5, /`<>`/],
    ["an expression in image alt text", "![图{x}](a.png)", 5, /图片说明/],
  ])("rejects %s", (_name, body, line, message) => {
    const problems = only([week("2024-W18", body)]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: "content/weeks/2024-W18.mdx", line, field: "mdx" });
    expect(problems[0]!.message).toMatch(message);
  });

  it("accepts escaped braces and angle brackets as text", () => {
    expect(validateWeekFiles([week("2024-W18", "集合 \\{A,B\\}，a \\< b，&lt;0.1%，`{code}`\n\n```js\nconst a = {b: 1} < 2\n```")])).toEqual([]);
  });

  it("allows listed elements only with plain string attributes", () => {
    const ok = validateWeekFiles([week("2024-W18", '<Note kind="info">文字</Note>')], { allowedElements: ["Note"] });
    expect(ok).toEqual([]);
    const bad = only([week("2024-W18", "<Note kind={x}>文字</Note>")], { allowedElements: ["Note"] });
    expect(bad[0]!.message).toMatch(/普通字符串/);
    const spread = only([week("2024-W18", "<Note {...x} />")], { allowedElements: ["Note"] });
    expect(spread[0]!.message).toMatch(/普通字符串/);
  });

  it("never evaluates an expression", () => {
    const g = globalThis as { __weekRan?: boolean };
    validateWeekFiles([week("2024-W18", "{globalThis.__weekRan = true}\n\nimport x from 'data:text/javascript,globalThis.__weekRan=true'")]);
    expect(g.__weekRan).toBeUndefined();
  });
});

describe("internal links", () => {
  const other = week("2024-W16", "x");
  it.each([
    ["/weeks/2024-w16/", true],
    ["/weeks/2024-W16/", true],
    ["../2024-w16/", true],
    ["/weeks/2024-w16/#o1", true],
    ["/projects/bei-yi-zhuan/", true],
    ["/objectives/o1/", true],
    ["/objectives/o1/subjects/", true],
    ["/weeks/2024/", true],
    ["/weeks/2023/", false],
    ["/metrics/deposit-success-rate/", true],
    ["/search/", true],
    ["/", true],
    ["#section", true],
    ["https://example.com/weeks/2024-w99/", true],
    ["mailto:a@b.c", true],
    ["/favicon.svg", true],
    ["/weeks/2024-w15/", false],
    ["/weekz/", false],
    ["./2024-W16.mdx", false],
    ["www.example.com", false],
  ])("link to %s is fine: %s", (url, fine) => {
    const problems = only([other, week("2024-W17", `见[链接](${url})`)], { publicFiles: ["/favicon.svg"] });
    expect(problems.length === 0, JSON.stringify(problems)).toBe(fine);
    if (!fine) expect(problems[0]).toMatchObject({ file: "content/weeks/2024-W17.mdx", line: 5, field: "link" });
  });

  it.each([
    ["https://example.com/a.png", true],
    ["/favicon.svg", true],
    ["/images/missing.png", false],
    ["images/a.png", false],
    ["./a.png", false],
  ])("image %s is fine: %s", (url, fine) => {
    const problems = only([week("2024-W17", `![图](${url})`)], { publicFiles: ["/favicon.svg"] });
    expect(problems.length === 0, JSON.stringify(problems)).toBe(fine);
    if (!fine) expect(problems[0]).toMatchObject({ line: 5, field: "image" });
  });

  it("checks link reference definitions and knows weeks outside the checked files", () => {
    expect(only([week("2024-W17", "见[上周][w]\n\n[w]: /weeks/2024-w10/")])[0]!.line).toBe(7);
    expect(only([week("2024-W17", "见[上周](/weeks/2024-w10/)")], { knownWeeks: ["2024-W10"] })).toEqual([]);
  });
});

describe("project names", () => {
  const registry: Registry = {
    projects: [
      { slug: "bei-yi-zhuan", name: "贝易转（C转）", aliases: ["贝易转", "C转"], status: "active" },
      { slug: "strategy-54321", name: "54321技术战略落地", aliases: [], status: "active" },
      { slug: "ai", name: "AI创新与多栈", aliases: [], status: "active" },
    ],
    objectives: [],
  };
  it.each([
    ["贝易赚", "贝易转"],
    ["54321技术战略", "54321技术战略落地"],
    ["AI创新与多栈项目", "AI创新与多栈"],
    ["贝易转(C转)", undefined],
    ["C转", undefined],
    ["AI", undefined],
    ["全新的项目", undefined],
  ])("【%s】 → did you mean %s", (name, suggestion) => {
    const problems = validateWeekFiles([week("2024-W18", `- 【${name}】\n    1. 内容`)], { registry });
    if (!suggestion) return expect(problems).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "warning", field: "project", line: 5 });
    expect(problems[0]!.message).toContain(`是不是【${suggestion}】`);
  });
});

describe("formatting", () => {
  it("prints file:line:col severity [field] message and the fix", () => {
    const p: Problem = {
      file: "content/weeks/2024-W60.mdx",
      line: 2,
      column: 7,
      field: "week",
      severity: "error",
      message: "不存在 W60",
      hint: "改成 2024-W52",
    };
    expect(formatProblem(p)).toBe("content/weeks/2024-W60.mdx:2:7 error [week] 不存在 W60 修复：改成 2024-W52");
    expect(formatProblems([p, { ...p, line: 1, severity: "warning" }]).split("\n")).toEqual([
      "content/weeks/2024-W60.mdx",
      "  content/weeks/2024-W60.mdx:1:7 warning [week] 不存在 W60 修复：改成 2024-W52",
      "  content/weeks/2024-W60.mdx:2:7 error [week] 不存在 W60 修复：改成 2024-W52",
    ]);
    expect(summarizeProblems([p], 3)).toMatch(/^未通过：检查了 3 个文件，1 个错误，0 个警告/);
  });
});

/** HTML in exports: the allowed tags are written in MDX form and render; everything else is text, with a warning. */
import { describe, expect, it } from "vitest";
import { importWeek } from "../../../src/lib/import/import-week.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { formatProblem, validateWeekFiles } from "../../../src/lib/validate/index.ts";
import { findExecutableVectors } from "../../support/executable-vectors.ts";

const body = (output: string) => output.slice(output.indexOf("---\n", 4) + 4).trim();

describe("importing HTML", () => {
  it.each([
    ["a<br>b", "a<br />b", "<p>a<br>b</p>", []],
    ["x <u>下划线</u> <sup>1</sup> <U>大写</U>", "x <u>下划线</u> <sup>1</sup> <u>大写</u>", "<u>大写</u>", []],
    [
      "- 项 <kbd>Ctrl</kbd>+<kbd>C</kbd>\n- <del>删</del> <ins>增</ins> <s>划</s> <mark>亮</mark> H<sub>2</sub>O",
      "- 项 <kbd>Ctrl</kbd>+<kbd>C</kbd>\n- <del>删</del> <ins>增</ins> <s>划</s> <mark>亮</mark> H<sub>2</sub>O",
      "<mark>亮</mark>",
      [],
    ],
    [
      "<details>\n<summary>标题</summary>\n\n内容\n\n</details>",
      "<details>\n<summary>标题</summary>\n\n内容\n\n</details>",
      "<details><summary>标题</summary><p>内容</p></details>",
      [],
    ],
    [
      "<details open><summary>一行</summary>内容</details>",
      "<details open><summary>一行</summary>内容</details>",
      "<details open><summary>一行</summary>内容</details>",
      [],
    ],
    [
      '<img src="https://a.example/a.png" width="100" alt="图">',
      '<img src="https://a.example/a.png" alt="图" />',
      '<img src="https://a.example/a.png" alt="图">',
      ["第 3 行：去掉了 <img> 的属性 width"],
    ],
    [
      '<u onclick="alert(1)" ONFOCUS="alert(2)">t</u>',
      "<u>t</u>",
      "<u>t</u>",
      ["第 3 行：去掉了 <u> 的属性 onclick（事件属性会执行脚本）", "第 3 行：去掉了 <u> 的属性 ONFOCUS（事件属性会执行脚本）"],
    ],
    [
      '<iframe src="https://v.example/x"></iframe>',
      "[https://v.example/x](<https://v.example/x>)",
      '<a href="https://v.example/x">https://v.example/x</a>',
      ["第 3 行：<iframe> 嵌入的页面改为链接 https://v.example/x"],
    ],
    [
      "<javascript:alert(2)>",
      "\\<javascript:alert(2)>",
      "<p>&#x3C;javascript:alert(2)></p>",
      ["第 3 行：自动链接 <javascript:alert(2)> 使用了会执行脚本的协议，没有变成链接，改为可见文字"],
    ],
    [
      "<JaVaScRiPt:alert(3)>",
      "\\<JaVaScRiPt:alert(3)>",
      "&#x3C;JaVaScRiPt:alert(3)>",
      ["第 3 行：自动链接 <JaVaScRiPt:alert(3)> 使用了会执行脚本的协议，没有变成链接，改为可见文字"],
    ],
    [
      '<img src="javascript:alert(1)">',
      '\\<img src="javascript:alert(1)">',
      '&#x3C;img src="javascript:alert(1)">',
      ["第 3 行：<img> 的地址使用了会执行脚本的协议，已改为可见文字"],
    ],
    [
      "<script>alert(1)</script>",
      "\\<script>alert(1)\\</script>",
      "&#x3C;script>alert(1)&#x3C;/script>",
      ["第 3 行：HTML 标签 <script> 不在允许的列表里，已改为可见文字"],
    ],
    ["开 <u>没关", "开 \\<u>没关", "开 &#x3C;u>没关", ["第 3 行：<u> 没有配对的结束标签，已改为可见文字"]],
    [
      "见 <b>https://a.com/</b> 了",
      "见 [https://a.com/](https://a.com/) 了",
      '见 <a href="https://a.com/">https://a.com/</a> 了',
      ["第 3 行：HTML 标签 <b> 已去掉，保留其中的文字"],
    ],
    [
      '<div align="center"><p>居中</p></div>',
      "居中",
      "居中",
      ["第 3 行：HTML 标签 <div> 已去掉，保留其中的文字", "第 3 行：HTML 标签 <p> 已去掉，保留其中的文字"],
    ],
    [
      '看 <a href="https://a.example/x">这篇</a>。',
      "看 [https://a.example/x](<https://a.example/x>) 这篇。",
      '<a href="https://a.example/x">https://a.example/x</a> 这篇。',
      ["第 3 行：HTML 标签 <a> 已去掉，保留其中的文字"],
    ],
    ["<div>\n*hi* {x}\n</div>", "\\*hi\\* \\{x\\}", "*hi* {x}", ["第 3 行：HTML 标签 <div> 已去掉，保留其中的文字"]],
    ['<a href="javascript:alert(1)">x</a>', "x", "<p>x</p>", ["第 3 行：HTML 标签 <a> 已去掉，保留其中的文字"]],
    [
      "<table><tr><td>甲</td><td>乙</td></tr></table>",
      "甲 乙",
      "甲 乙",
      ["第 3 行：HTML 标签 <table> 已去掉，保留其中的文字", "第 3 行：HTML 标签 <tr> 已去掉，保留其中的文字", "第 3 行：HTML 标签 <td> 已去掉，保留其中的文字"],
    ],
    ["网址 https://a.com/{id}", "网址 https://a.com/{id}", "https://a.com/", []],
  ])("%j", (input, written, rendered, warnings) => {
    const result = importWeek(`# 2024-W18\n\n${input}\n`);
    expect(body(result.output)).toBe(written);
    expect(result.warnings).toEqual(warnings);
    const problems = validateWeekFiles([{ path: "content/weeks/2024-W18.mdx", source: result.output }]);
    expect(problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
    const html = parseWeekSource(result.output, { file: "2024-W18.mdx" }).html;
    expect(html).toContain(rendered);
    expect(findExecutableVectors(html)).toEqual([]);
  });

  it("falls back to text for HTML MDX cannot nest, and says so", () => {
    // An inline <u> opened in one list item and closed in the next is balanced as HTML, not as MDX.
    const result = importWeek("# 2024-W18\n\n<details>\n\n- a <u>x\n\n</details>\n\n- y</u>\n");
    expect(validateWeekFiles([{ path: "content/weeks/2024-W18.mdx", source: result.output }]).filter((p) => p.severity === "error")).toEqual([]);
    expect(result.warnings.join("\n")).toMatch(/没有配对|全部改为可见文字/);
  });
});

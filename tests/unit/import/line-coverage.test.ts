import { describe, expect, it } from "vitest";
import { coverage, literalTags, sourceLineTexts } from "../../../scripts/lib/line-coverage.ts";

describe("the independent line check", () => {
  it.each([
    ["a heading", "## RuyiSDK 测试", "RuyiSDK测试"],
    ["a + bullet with a link and code", "+ 给 ``qemu_test.py`` 添加 x86 支持 pr [#15](https://a.com/15)", "给qemu_test.py添加x86支持pr#15"],
    ["nested brackets in a link", "+ [[BUG] 按钮无反应 #65](https://a.com/65)", "BUG按钮无反应#65"],
    ["escapes before emphasis", "ruyi\\_test\\_device **粗** *斜*", "ruyi_test_device粗斜"],
    ["a task item in a quote", "> - [x] 完成 80%", "完成80%"],
    ["an HTML tag", "第一行<br/>第二行", "第一行第二行"],
    ["a literal star", "oerv-* （待查）", "oerv-*（待查）"],
  ])("strips %s", (_name, line, text) => {
    expect(sourceLineTexts(line).map((l) => l.text)).toEqual([text]);
  });

  it("checks table cells apart and skips rules, fences' markers, comments and frontmatter", () => {
    const md = "---\ntitle: x\n---\n| 用例 | 结果 |\n|-|:-:|\n| a | fail |\n<!-- 私 -->\n```\ncode {x}\n```";
    expect(sourceLineTexts(md)).toEqual([
      { line: 4, text: "用例" },
      { line: 4, text: "结果" },
      { line: 6, text: "a" },
      { line: 6, text: "fail" },
      { line: 9, text: "code{x}" },
    ]);
  });

  it("finds lines in the page's main text and reports those missing", () => {
    const html = "<html><nav>菜单</nav><main><h2>RuyiSDK</h2><ul><li>测试 &lt;0.1%</li></ul></main></html>";
    expect(coverage("## RuyiSDK\n\n+ 测试 <0.1%\n+ 丢了的一行\n\n菜单", html)).toEqual({
      total: 4,
      missing: [
        { line: 4, text: "丢了的一行" },
        { line: 6, text: "菜单" },
      ],
    });
  });

  it("sees HTML tags shown as text, not real elements", () => {
    expect(literalTags("<main><p>a<br>b &lt;u&gt;下划线&lt;/u&gt; &lt;0.1%</p></main>")).toEqual(["<u>", "</u>"]);
  });
});

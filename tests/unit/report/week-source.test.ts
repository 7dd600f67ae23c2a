/**
 * One reader: whenever the check passes a week file, the page shows exactly the frontmatter the
 * check read. Every input below says, by hand, what an author means; the check and the parser must
 * both agree with it — a file the check rejects is one the parser refuses.
 */
import { describe, expect, it } from "vitest";
import { parseWeekSource, WeekParseError } from "../../../src/lib/report/parse-week.ts";
import { splitWeekSource } from "../../../src/lib/report/week-source.ts";
import { validateWeekFiles } from "../../../src/lib/validate/index.ts";

type Fields = { title?: string; author?: string; summary?: string };
const cases: [name: string, source: string, expected: Fields | "rejected"][] = [
  ["plain", "---\nweek: 2024-W18\ntitle: 第十八周\n---\n\n正文\n", { title: "第十八周" }],
  ["BOM", "\uFEFF---\nweek: 2024-W18\ntitle: 第十八周\n---\n\n正文\n", { title: "第十八周" }],
  ["CRLF", "---\r\nweek: 2024-W18\r\ntitle: 第十八周\r\nauthor: 张三\r\n---\r\n\r\n正文\r\n", { title: "第十八周", author: "张三" }],
  ["CR only", "---\rweek: 2024-W18\rtitle: 第十八周\r---\r\r正文\r", { title: "第十八周" }],
  ["mixed endings", "---\r\nweek: 2024-W18\rtitle: 第十八周\n---\r\n正文", { title: "第十八周" }],
  [
    "x--- inside a block scalar",
    '---\nweek: 2024-W18\nsummary: |\n  x---\n  <u ONFOCUS="alert(1)">x</u>\n---\n\n正文\n',
    { summary: 'x---\n<u ONFOCUS="alert(1)">x</u>\n' },
  ],
  ["indented --- inside a block scalar", "---\nweek: 2024-W18\nsummary: |\n  ---\n  后面\n---\n\n正文\n", { summary: "---\n后面\n" }],
  ["title ending in ---", "---\nweek: 2024-W18\ntitle: 第十八周 ---\nauthor: 张三\n---\n\n正文\n", { title: "第十八周 ---", author: "张三" }],
  ["title ending in ---- ", "---\nweek: 2024-W18\ntitle: 第十八周----\n---\n\n正文\n", { title: "第十八周----" }],
  ["--- with a trailing space closing", "---\nweek: 2024-W18\ntitle: a\n--- \n\n正文\n", "rejected"],
  ["--- with a trailing space opening", "--- \nweek: 2024-W18\n---\n\n正文\n", "rejected"],
  ["---- is not a fence", "---\nweek: 2024-W18\ntitle: a\n----\n\n正文\n", "rejected"],
  ["... document end", "---\nweek: 2024-W18\n...\ntitle: 藏起来\n---\n\n正文\n", "rejected"],
  ["missing closing fence", "---\nweek: 2024-W18\ntitle: a\n\n正文\n", "rejected"],
  ["no frontmatter", "正文\n", "rejected"],
  ["blank line before the fence", "\n---\nweek: 2024-W18\n---\n\n正文\n", "rejected"],
  ["second --- block in the body", "---\nweek: 2024-W18\ntitle: 第一\n---\n\n---\ntitle: 第二\n---\n", { title: "第一" }],
  ["empty body", "---\nweek: 2024-W18\ntitle: a\n---", { title: "a" }],
  ["quoted --- in a value", '---\nweek: 2024-W18\ntitle: "---"\n---\n\n正文\n', { title: "---" }],
  ["alias bomb", "---\nweek: 2024-W18\na: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n---\n", "rejected"],
  ["a NUL escape in the title", '---\nweek: 2024-W18\ntitle: "a\\0b"\n---\n', "rejected"],
  ["a raw NUL in the title", "---\nweek: 2024-W18\ntitle: a\u0000b\n---\n", "rejected"],
  ["duplicate key", "---\nweek: 2024-W18\ntitle: a\ntitle: b\n---\n", "rejected"],
];

describe("the week reader", () => {
  it.each(cases)("%s: the check and the page read the same frontmatter", (_name, source, expected) => {
    const errors = validateWeekFiles([{ path: "content/weeks/2024-W18.mdx", source }]).filter((p) => p.severity === "error");
    if (expected === "rejected") {
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.line).toBeGreaterThan(0);
      expect(() => parseWeekSource(source, { file: "content/weeks/2024-W18.mdx" })).toThrow(WeekParseError);
      return;
    }
    expect(errors).toEqual([]);
    const report = parseWeekSource(source, { file: "content/weeks/2024-W18.mdx" });
    expect({ title: report.title, author: report.author, summary: report.summary }).toEqual({
      title: expected.title ?? "2024-W18",
      author: expected.author,
      summary: expected.summary,
    });
    expect(report.html).not.toMatch(/onfocus|<u\b/i);
  });

  it("keeps file lines: the body of a CRLF file starts on the line after the closing fence", () => {
    const split = splitWeekSource("\uFEFF---\r\nweek: 2024-W18\r\n---\r\n\r\n正文\r\n");
    expect(split.bodyLine).toBe(4);
    expect(split.paddedBody.split("\n")[4]).toBe("正文");
  });
});

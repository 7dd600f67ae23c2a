import { describe, expect, it } from "vitest";
import { dropHtmlComments } from "../../../src/lib/import/private-parts.ts";
import { importWeek } from "../../../src/lib/import/import-week.ts";

describe("private parts of an export", () => {
  it.each([
    ["a comment on its own line", "段落\n\n<!-- 内部备注：不要外传 -->\n\n后文", "段落\n\n\n\n后文"],
    ["a comment inside a line", "进度 <!-- 别外传 -->80%", "进度 80%"],
    ["a comment over two lines", "a\n\n<!-- 一\n二 -->\n\nb", "a\n\n\n\n\nb"],
  ])("drops %s, keeping the line count", (_name, input, output) => {
    const r = dropHtmlComments(input);
    expect(r.text).toBe(output);
    expect(r.dropped).toHaveLength(1);
  });

  it("keeps a comment written inside code, where it is shown text", () => {
    const input = "`<!-- x -->`\n\n```html\n<!-- y -->\n```";
    expect(dropHtmlComments(input)).toEqual({ text: input, dropped: [] });
  });

  it("turns Notion properties into fields or drops them with a note, never into the body", () => {
    const r = importWeek("# 周报 2024-W17\n\nCreated: 2024年4月20日 09:27\nTags: 周报\nStatus: Done\nOwner: 张三\n\n正文\n");
    expect(r.output).toBe('---\nweek: 2024-W17\ntitle: "周报 2024-W17"\nauthor: "张三"\ncreated: "2024-04-20T09:27+08:00"\n---\n\n正文\n');
    expect(r.dropped).toEqual([expect.stringContaining("Tags: 周报"), expect.stringContaining("Status: Done")]);
  });

  it("keeps a blog frontmatter's week fields and notes the rest", () => {
    const r = importWeek("---\ntitle: 第 12 期\ndate: 2024-04-18\ntags: [weekly]\n---\n\n正文\n", { fileName: "x.md" });
    expect(r.week).toBe("2024-W16");
    expect(r.output).toBe('---\nweek: 2024-W16\ntitle: "第 12 期"\n---\n\n正文\n');
    expect(r.dropped.join("\n")).toMatch(/date.*\n.*tags/);
  });
});

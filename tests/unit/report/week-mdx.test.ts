import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import { parseWeekMdx } from "../../../src/lib/report/week-mdx.ts";

/** The three plugins as anyone would put them together: the tree parseWeekMdx must give. */
const stock = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

function parsedBoth(text: string): { ours: unknown; theirs: unknown } {
  const attempt = (parse: () => unknown) => {
    try {
      return JSON.parse(JSON.stringify(parse()));
    } catch (e) {
      return { threw: String(e) };
    }
  };
  return { ours: attempt(() => parseWeekMdx(text)), theirs: attempt(() => stock.parse(text)) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(mdx?|txt)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Where a literal can hide from a look at the source: references, escapes, nesting, every block kind. */
const TRICKY = [
  "见 https://example.com/a?b=1 与 www.example.org。",
  "联系 ops@example.com 或 mailto:ops@example.com，xmpp:bot@example.com/x",
  "引用写法 &#64; 拼出 a&#64;example.com，www&#46;example.com，http&#58;//example.com",
  "只有引用 a&#64;example.com",
  "&#x77;&#x77;&#x77;.example.com 拼出 www",
  "转义 http\\://example.com 与 www\\.example.com 与 a\\@example.com",
  "- 【项目】\n  1. 进度 70%\n  2. 文档 https://wiki.example.com/x\n     - 深一层 www.example.com\n- 【另一项】无链接",
  "> 引用里 https://example.com\n>\n> - 列表 a@b.co",
  "| 表 | 链接 |\n| --- | --- |\n| a | https://example.com |\n| b | c@d.io |",
  "## 标题 https://example.com\n\n正文",
  "<details>\n<summary>更多</summary>\n\n见 https://example.com\n\n</details>",
  "[已是链接 https://example.com](https://example.com) 和 [引用][r]\n\n[r]: https://example.com",
  "`代码 https://example.com` 与\n\n```\nhttps://example.com\n```",
  "HTTPS://EXAMPLE.COM 与 WWW.EXAMPLE.COM",
  "[^1] 脚注\n\n[^1]: 见 https://example.com",
  "- [ ] 任务 https://example.com\n- [x] 完成",
  "中文紧贴https://example.com/路径，后面还有字",
];

describe("parseWeekMdx", () => {
  it("gives the stock remark-parse + remark-gfm + remark-mdx tree, literal links included, on every input kind", () => {
    const inputs = [
      ...TRICKY,
      ...filesUnder("tests/fixtures").map((f) => readFileSync(f, "utf8")),
      ...[...generateCorpus({ count: 60, seed: 3 })].map((w) => w.source),
    ];
    let withLinks = 0;
    for (const text of inputs) {
      const { ours, theirs } = parsedBoth(text);
      expect(ours, text.slice(0, 80)).toEqual(theirs);
      if (JSON.stringify(theirs).includes('"type":"link"')) withLinks++;
    }
    // The comparison must include trees where the literal pass made links, or it shows nothing.
    expect(withLinks).toBeGreaterThan(TRICKY.length / 2);
  });

  it("turns a literal written with a character reference into a link, as GFM does", () => {
    const tree = JSON.stringify(parseWeekMdx("见 a&#64;example.com"));
    expect(tree).toContain('"url":"mailto:a@example.com"');
  });
});

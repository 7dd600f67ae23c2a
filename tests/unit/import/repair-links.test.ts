import { describe, expect, it } from "vitest";
import { repairLinks, type LinkContext } from "../../../src/lib/import/repair-links.ts";
import type { WeekId } from "../../../src/lib/week-id.ts";

const ctx = (over: Partial<LinkContext> = {}): LinkContext => ({
  file: "/src/Month02/Week1/Week1.md",
  root: "/src",
  weekOf: (p) => ({ "/src/Month02/Week2/Week2.md": "2023-W33", "/src/Month01/Week9/Week9.md": "2023-W29" })[p] as WeekId | undefined,
  ...over,
});

describe("links of an imported history", () => {
  it.each([
    ["a link to another export of the batch → its week page", "见 [上周](../Week2/Week2.md)", "见 [上周](/weeks/2023-w33/)", "week-link"],
    ["…with a fragment, still the page", "[x](../../Month01/Week9/Week9.md#todo)", "[x](/weeks/2023-w29/)", "week-link"],
    ["a link to a file that is not imported → its text", "报告 [nmap.md](./nmap.md) 已交", "报告 nmap.md 已交", "link-to-text"],
    ["a repository-absolute path → its text", "[脚本](/Note/qemu_test.py)", "脚本", "link-to-text"],
    [
      "github.com without https",
      "pr [#15](github.com/brsf11/mugen-riscv/pull/15)",
      "pr [#15](https://github.com/brsf11/mugen-riscv/pull/15)",
      "missing-scheme",
    ],
    ["www. without https", "[站](www.example.com)", "[站](https://www.example.com)", "missing-scheme"],
    ["a full-width colon before the URL", "[文档](：https://a.com/x)", "[文档](https://a.com/x)", "stray-colon"],
    ["a full-width colon in the scheme", "[文档](https：//a.com/x)", "[文档](https://a.com/x)", "stray-colon"],
    ["a link nested in a link's text, same URL", "[[#15](https://a.com/15)](https://a.com/15)", "[#15](https://a.com/15)", "nested-link"],
    [
      "a link nested in a link's text, two URLs",
      "[[a](https://a.com/)](https://b.com/)",
      "[a](https://a.com/) [https://b.com/](https://b.com/)",
      "nested-link",
    ],
  ])("%s", (_name, input, output, kind) => {
    const r = repairLinks(input, ctx());
    expect(r.text).toBe(output);
    expect(r.repairs.map((x) => x.kind)).toEqual([kind]);
  });

  it("makes relative links absolute under --link-base, keeping query and fragment", () => {
    const r = repairLinks("[表](./mergeFailed.csv#L3) 与 [根](/Note/a%20b.py)", ctx({ linkBase: "https://github.com/o/r/blob/main" }));
    expect(r.text).toBe("[表](https://github.com/o/r/blob/main/Month02/Week1/mergeFailed.csv#L3) 与 [根](https://github.com/o/r/blob/main/Note/a%20b.py)");
    expect(r.repairs.map((x) => x.kind)).toEqual(["link-base", "link-base"]);
  });

  it.each([
    ["an https link", "[a](https://a.com/x.md)"],
    ["a site page", "[周](/weeks/2024-w17/)"],
    ["a fragment", "[上面](#todo)"],
    ["a mail link", "[信](mailto:a@b.c)"],
    ["an image (the image copy handles it)", "![图](./a.png)"],
    ["a bare file name that is not a host", "[x](report.pdf)".replace("[x](report.pdf)", "`[x](report.pdf)`")],
    ["code", "`[a](github.com/x)`"],
  ])("leaves %s alone", (_name, input) => {
    expect(repairLinks(input, ctx())).toEqual({ text: input, repairs: [] });
  });

  it("names the line of each repair", () => {
    const r = repairLinks("第一行\n\n+ [a](github.com/a)\n+ [b](./b.md)\n", ctx());
    expect(r.repairs.map((x) => [x.line, x.kind])).toEqual([
      [3, "missing-scheme"],
      [4, "link-to-text"],
    ]);
  });
});

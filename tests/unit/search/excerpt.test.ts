import { describe, expect, it } from "vitest";
import { buildExcerpt } from "../../../src/lib/search/excerpt.ts";
import { firstMatch, findPhrase, mergeRanges } from "../../../src/lib/search/match.ts";
import { foldText } from "../../../src/lib/search/normalize.ts";

function excerptOf(text: string, terms: string[], options = {}) {
  const folded = foldText(text);
  const anchor = firstMatch(folded, terms, terms)!;
  return buildExcerpt(text, folded, terms, anchor, options);
}

describe("buildExcerpt", () => {
  it("escapes the text and marks matches in the original spelling", () => {
    expect(excerptOf("a<b> & ＯＯＭ", ["oom"]).html).toBe("a&lt;b&gt; &amp; <mark>ＯＯＭ</mark>");
  });

  it("cuts a window around the match with ellipses", () => {
    const text = `${"前".repeat(100)}存管路由${"后".repeat(100)}`;
    const e = excerptOf(text, ["存管路由"], { before: 4, length: 12 });
    expect(e.text).toBe("…前前前前存管路由后后后后…");
    expect(e.html).toBe("…前前前前<mark>存管路由</mark>后后后后…");
  });

  it("shows line breaks as spaces", () => {
    expect(excerptOf("一\n\n二 OOM", ["oom"]).text).toBe("一 二 OOM");
  });

  it("gives the excerpt as text parts, marked where terms match, for building DOM nodes without HTML", () => {
    const text = `${"前文".repeat(20)} <img src=x onerror=alert(1)> 存管路由 上线 ${"后文".repeat(60)}`;
    const e = excerptOf(text, ["存管路由"]);
    expect(e.parts.map((p) => p.text).join("")).toBe(e.text);
    expect(e.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["存管路由"]);
    expect(e.parts.some((p) => p.text.includes("onerror=alert(1)>"))).toBe(true);
    expect(e.text.startsWith("…") && e.text.endsWith("…")).toBe(true);
  });

  it("never splits a surrogate pair", () => {
    const e = excerptOf("😀😀😀x", ["x"], { before: 3, length: 4 });
    expect(e.text).toBe("…😀😀x");
  });
});

describe("matching helpers", () => {
  it("finds phrases across whitespace", () => {
    expect(findPhrase("存管  路由", ["存管", "路由"])).toEqual({ start: 0, end: 6 });
    expect(findPhrase("存管，路由", ["存管", "路由"])).toBeUndefined();
  });

  it("merges overlapping ranges", () => {
    expect(
      mergeRanges([
        { start: 3, end: 5 },
        { start: 0, end: 2 },
        { start: 4, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
  });
});

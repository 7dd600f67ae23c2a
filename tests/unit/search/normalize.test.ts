import { describe, expect, it } from "vitest";
import { foldCodePoint, foldText, squashWhitespace } from "../../../src/lib/search/normalize.ts";

describe("foldText", () => {
  it.each([
    ["OOM", "oom"],
    ["ＰＯＳ", "pos"],
    ["９９．９９７％", "99.997%"],
    ["（C转）", "(c转)"],
    ["a\n\tb　c", "a  b c"],
    ["存管路由", "存管路由"],
  ])("folds %j to %j", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("keeps the length so offsets in the folded text are offsets in the original", () => {
    const samples = ["İstanbul", "𝐀𝐁 Ｃ", "收款行：Demo", "Σίσυφος ΟΣ", "😀a😀"];
    for (const s of samples) expect(foldText(s).length).toBe(s.length);
  });

  it("leaves characters whose lower case is longer unfolded", () => {
    expect(foldCodePoint("İ".codePointAt(0)!)).toBe("İ".codePointAt(0));
  });

  it("folds astral upper case that stays astral", () => {
    expect(foldText("𐐀")).toBe("𐐨");
  });
});

describe("squashWhitespace", () => {
  it("collapses runs and trims", () => {
    expect(squashWhitespace("  a \n\n b\t")).toBe("a b");
  });
});

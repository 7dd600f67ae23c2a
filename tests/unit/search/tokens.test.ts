import { describe, expect, it } from "vitest";
import { findOccurrences } from "../../../src/lib/search/match.ts";
import { foldText } from "../../../src/lib/search/normalize.ts";
import {
  bigramWord,
  chainStarts,
  indexContent,
  indexContentLength,
  phraseChain,
  tailCode,
  termChain,
  unigramCode,
  unigramWord,
} from "../../../src/lib/search/tokens.ts";
import { indexWords } from "./memory-index.ts";

const cp = (s: string): number => s.codePointAt(0)!;
const SPACE = 0x20;

describe("index words", () => {
  it("knows the content's size without building it, for any text", () => {
    for (const text of ["", " \n\t ", "a", "OOM 存管", "𠀋𠀋 x\u3000y", "第 1 周：99.997%\n\n- 存管路由", "a\u00a0b"]) {
      const folded = foldText(text);
      expect(indexContentLength(folded), JSON.stringify(text)).toBe(indexContent(folded).length);
    }
  });

  it("codes a character as four letters and a follower as five alternating digits and letters", () => {
    expect(unigramCode(cp("存"))).toMatch(/^[a-z]{4}$/);
    expect(tailCode(cp("存"))).toMatch(/^[0-9][a-z][0-9][a-z][0-9]$/);
    expect(bigramWord(cp("存"), cp("管"))).toBe(unigramCode(cp("存")) + tailCode(cp("管")));
  });

  it("gives distinct codes to distinct characters", () => {
    const seen = new Set<string>();
    const tails = new Set<string>();
    for (let c = 0; c < 0x30000; c += 7) {
      seen.add(unigramCode(c));
      tails.add(tailCode(c));
    }
    expect(seen.size).toBe(Math.ceil(0x30000 / 7));
    expect(tails.size).toBe(Math.ceil(0x30000 / 7));
  });

  it("writes two words per non-space character: the character, then it with its follower (a space at a run's end)", () => {
    const words = indexContent(foldText("OOM 存管")).split(" ");
    expect(words).toEqual([
      unigramWord(cp("o")),
      bigramWord(cp("o"), cp("o")),
      unigramWord(cp("o")),
      bigramWord(cp("o"), cp("m")),
      unigramWord(cp("m")),
      bigramWord(cp("m"), SPACE),
      unigramWord(cp("存")),
      bigramWord(cp("存"), cp("管")),
      unigramWord(cp("管")),
      bigramWord(cp("管"), SPACE),
    ]);
  });
});

describe("prefix safety", () => {
  it("never makes one index word the start of another, so asking a word as a prefix finds only that word", () => {
    const ours = [...new Set(indexContent(foldText(TEXTS.join(" "))).split(" "))];
    // Pagefind's meta words for a week title `2024-W17`.
    const all = [...ours, "2024w17", "2024", "w17"];
    for (const a of ours) for (const b of all) if (a !== b) expect(b.startsWith(a) || a.startsWith(b), `${a} / ${b}`).toBe(false);
  });
});

describe("query chains", () => {
  it("turns a term into its bigrams at odd slots and a single character into its unigram", () => {
    expect(termChain("存管路")).toEqual({
      length: 3,
      constraints: [
        { word: bigramWord(cp("存"), cp("管")), slot: 1 },
        { word: bigramWord(cp("管"), cp("路")), slot: 3 },
      ],
    });
    expect(termChain("存")).toEqual({ length: 1, constraints: [{ word: unigramWord(cp("存")), slot: 0 }] });
  });

  it("puts phrase terms at consecutive characters, with nothing tying one term to the next", () => {
    expect(phraseChain(["ab", "c"])).toEqual({
      length: 3,
      constraints: [
        { word: bigramWord(cp("a"), cp("b")), slot: 1 },
        { word: unigramWord(cp("c")), slot: 4 },
      ],
    });
  });
});

/** Match starts (in characters) over one text, from its index words, as the engine finds them. */
function starts(text: string, terms: readonly string[]): number[] {
  const postings = indexWords(indexContent(foldText(text)));
  return chainStarts(phraseChain(terms), (w) => postings.get(w));
}

/** Reference: where the terms occur back to back, only whitespace between, in non-space characters. */
function referenceStarts(text: string, terms: readonly string[]): number[] {
  const folded = foldText(text);
  const squeezed = [...folded].filter((c) => c !== " ");
  const joined = terms.join("");
  const out: number[] = [];
  for (let i = 0; i + [...joined].length <= squeezed.length; i++) {
    if (squeezed.slice(i, i + [...joined].length).join("") !== joined) continue;
    // Within each term the characters must be adjacent in the text (no whitespace between).
    let ok = true;
    let offset = i;
    for (const t of terms) {
      const n = [...t].length;
      const from = nthCharOffset(folded, offset);
      const to = nthCharOffset(folded, offset + n - 1);
      if ([...folded.slice(from, to + 1)].some((c) => c === " ")) ok = false;
      offset += n;
    }
    if (ok) out.push(i);
  }
  return out;
}

function nthCharOffset(folded: string, k: number): number {
  let n = 0;
  let at = 0;
  for (const c of folded) {
    if (c !== " ") {
      if (n === k) return at;
      n++;
    }
    at += c.length;
  }
  return folded.length;
}

const TEXTS = [
  "2024-W17\n【贝易转（C转）】\n付款行：工行 0.1%+50w的保障金；出现一台机器OOM，影响了25笔下单。",
  "POS收单系统建设，POS押金进度75%；入金有效成功率：99.997%\n存管路由，存管路由一期测试10%",
  "ab ab\nba  aab 存 管 存管 Vue 3.0、vue 3：Vue3。X 光片 A股 第 12 周 😀a😀",
];

describe("chain lookup equals substring search (Ctrl+F)", () => {
  it("for every substring of length 1–6 of the texts and their near misses, every occurrence", () => {
    const folded = TEXTS.map(foldText);
    const queries = new Set<string>();
    for (const f of folded)
      for (let i = 0; i < f.length; i++)
        for (let n = 1; n <= 6 && i + n <= f.length; n++) {
          const q = f.slice(i, i + n);
          if (q.includes(" ") || /[\ud800-\udbff]$/.test(q) || /^[\udc00-\udfff]/.test(q)) continue;
          queries.add(q);
          queries.add(q + "量");
          queries.add([...q].reverse().join(""));
        }
    let checked = 0;
    for (const q of queries)
      for (let t = 0; t < TEXTS.length; t++) {
        const expected = findOccurrences(folded[t]!, q).length;
        expect(starts(TEXTS[t]!, [q]).length, `${q} in text ${t}`).toBe(expected);
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
  });

  it("matches phrases whether or not whitespace separates the terms, one-character terms at either end included", () => {
    const cases: [string[], string][] = [
      [["存", "管"], "存 管"],
      [["存", "管"], "存管"],
      [["ab", "ab"], "ab ab"],
      [["ba", "aab"], "ba  aab"],
      [["b", "a"], "xbxa"],
      [["ab", "c"], "ab c"],
      [["ab", "c"], "ab cd"],
      [["x", "光"], "X 光片"],
      [["a", "股"], "A股 a 股市"],
      [["第", "1"], "第 12 周，第1周"],
      [["vue", "3"], "Vue 3.0、vue 3：Vue3。"],
      [["存管", "路由"], "存管 x 路由"],
      [["c", "d"], "ab\ncd"],
    ];
    for (const [terms, text] of cases) {
      expect(starts(text, terms), `${terms.join("+")} in ${text}`).toEqual(referenceStarts(text, terms));
    }
    expect(starts("Vue 3.0、vue 3：Vue3。", ["vue", "3"])).toHaveLength(3);
    expect(starts("ab cd", ["ab", "c"])).toHaveLength(1);
    expect(starts("ab xcd", ["ab", "c"])).toHaveLength(0);
  });
});

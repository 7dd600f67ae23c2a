import { describe, expect, it } from "vitest";
import { containsAll, findPhrase } from "../../../src/lib/search/match.ts";
import { foldText } from "../../../src/lib/search/normalize.ts";
import { bigramWord, characterPrefix, indexContent, phraseChains, tailCode, termChain, unigramCode } from "../../../src/lib/search/tokens.ts";
import { indexWords } from "./memory-index.ts";

const cp = (s: string): number => s.codePointAt(0)!;

describe("index words", () => {
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

  it("writes one word per non-space character; a run-final character stands alone", () => {
    const words = indexContent(foldText("OOM 存管")).split(" ");
    expect(words).toEqual([
      bigramWord(cp("o"), cp("o")),
      bigramWord(cp("o"), cp("m")),
      unigramCode(cp("m")),
      bigramWord(cp("存"), cp("管")),
      unigramCode(cp("管")),
    ]);
  });

  it("starts every word of a character's positions, and only those, with that character's prefix", () => {
    const words = indexContent(foldText("abca b 存管 管"));
    expect(words.split(" ").filter((w) => w.startsWith(characterPrefix("a")))).toHaveLength(2);
    expect(words.split(" ").filter((w) => w.startsWith(characterPrefix("管")))).toHaveLength(2);
    expect(words.split(" ").filter((w) => w.startsWith(characterPrefix("d")))).toHaveLength(0);
  });
});

describe("query chains", () => {
  it("turns a term into its bigrams and a single character into its unigram", () => {
    expect(termChain("存管路")).toEqual([bigramWord(cp("存"), cp("管")), bigramWord(cp("管"), cp("路"))]);
    expect(termChain("存")).toEqual([unigramCode(cp("存"))]);
  });

  it("joins phrase terms directly or across whitespace", () => {
    const [direct, spaced] = phraseChains(["ab", "c"]);
    expect(direct).toEqual([bigramWord(cp("a"), cp("b")), bigramWord(cp("b"), cp("c"))]);
    expect(spaced).toEqual([bigramWord(cp("a"), cp("b")), unigramCode(cp("b")), unigramCode(cp("c"))]);
    expect(phraseChains(["a", "bc"])[1]).toEqual([unigramCode(cp("a")), bigramWord(cp("b"), cp("c"))]);
    expect(phraseChains(["a", "b", "c", "d"])).toHaveLength(8);
    expect(phraseChains(["a", "b", "c", "d", "e"])).toHaveLength(2);
  });
});

/** Exact-chain lookup over one text, as Pagefind's quoted search does it. */
function chainOccurs(text: string, words: string[]): boolean {
  const folded = foldText(text);
  const postings = indexWords(indexContent(folded));
  const lists = words.map((w) => postings.get(w));
  if (lists.some((l) => !l)) return false;
  const rest = lists.slice(1).map((l) => new Set(l));
  return lists[0]!.some((p) => rest.every((s, k) => s.has(p + k + 1)));
}

const TEXTS = [
  "2024-W17\n【贝易转（C转）】\n付款行：工行 0.1%+50w的保障金；出现一台机器OOM，影响了25笔下单。",
  "POS收单系统建设，POS押金进度75%；入金有效成功率：99.997%\n存管路由，存管路由一期测试10%",
  "ab ab\nba  aab 存 管 存管",
];

describe("chain lookup equals substring search (Ctrl+F)", () => {
  it("for every substring of length 1–6 of the texts and their near misses", () => {
    const folded = TEXTS.map(foldText);
    const queries = new Set<string>();
    for (const f of folded)
      for (let i = 0; i < f.length; i++)
        for (let n = 1; n <= 6 && i + n <= f.length; n++) {
          const q = f.slice(i, i + n);
          if (q.includes(" ")) continue;
          queries.add(q);
          queries.add(q + "量");
          queries.add([...q].reverse().join(""));
        }
    let checked = 0;
    for (const q of queries)
      for (let t = 0; t < TEXTS.length; t++) {
        const found =
          [...q].length === 1
            ? indexContent(folded[t]!).split(" ").some((w) => w.startsWith(characterPrefix(q)))
            : chainOccurs(TEXTS[t]!, termChain(q));
        expect(found, `${q} in text ${t}`).toBe(containsAll(folded[t]!, [q]));
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
  });

  it("matches phrases whether or not whitespace separates the terms", () => {
    for (const [terms, text] of [
      [["存", "管"], "存 管"],
      [["存", "管"], "存管"],
      [["ab", "ab"], "ab ab"],
      [["ba", "aab"], "ba  aab"],
      [["b", "a"], "xbxa"],
      [["ab", "c"], "ab c"],
      [["ab", "c"], "ab cd"],
      [["存管", "路由"], "存管 x 路由"],
    ] as const) {
      const found = phraseChains(terms).some((chain) => chainOccurs(text, chain));
      // The one phrase we cannot express: a last single character after a gap that does not end a run.
      const expected = text === "ab cd" ? false : findPhrase(foldText(text), terms) !== undefined;
      expect(found, `${terms.join("+")} in ${text}`).toBe(expected);
    }
  });
});

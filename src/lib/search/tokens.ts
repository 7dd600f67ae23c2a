/**
 * The index-time representation of a week and the query rewriting that matches it.
 *
 * Pagefind stores, for every word of a record, the positions where it occurs, and a quoted query
 * `"w1 w2 w3"` returns exactly the pages where w1, w2, w3 sit at consecutive positions. We make
 * one Pagefind word per non-space character of the folded text:
 *   - `aaaa1a2b3`: the character (4 letters) followed by the next character (alternating digits and
 *     letters, so the boundary is unambiguous) — a bigram;
 *   - `aaaa`: a character followed by whitespace or the end of the text — a run-final unigram.
 * A query term of n ≥ 2 characters becomes its n−1 bigrams, quoted: consecutive positions means the
 * characters are adjacent in the text, so the answer is an exact substring match — Ctrl+F — with no
 * candidate verification. Every occurrence of a character starts a word with its unigram, and no
 * other character's words start so, so a one-character term is an (unquoted) prefix search for its
 * unigram — see `characterPrefix`.
 * Words are ASCII letters/digits only, so no segmenter, stemmer or diacritic rule can alter them
 * (the index is built with a language that has neither: see PAGEFIND_LANGUAGE).
 */
import { isSpaceUnit } from "./normalize.ts";

/** Index language: Pagefind neither segments nor stems it, so our words arrive intact. */
export const PAGEFIND_LANGUAGE = "unknown";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
/** 26⁴: code points above (planes 7–16: unassigned or private use) share one code. */
const UNIGRAM_CAPACITY = 26 ** 4;
const REPLACEMENT = 0xfffd;

function clampCodePoint(cp: number): number {
  return cp < UNIGRAM_CAPACITY ? cp : REPLACEMENT;
}

/** Four lower-case letters: the run-final word, and the first part of every bigram (see `characterPrefix`). */
export function unigramCode(cp: number): string {
  let v = clampCodePoint(cp);
  let out = "";
  for (let i = 0; i < 4; i++) {
    out = LETTERS[v % 26]! + out;
    v = Math.floor(v / 26);
  }
  return out;
}

const TAIL_RADICES = [10, 26, 10, 26, 10] as const;

/** Five characters alternating digit/letter (10·26·10·26·10 ≥ 26⁴), starting with a digit. */
export function tailCode(cp: number): string {
  let v = clampCodePoint(cp);
  let out = "";
  for (let i = TAIL_RADICES.length - 1; i >= 0; i--) {
    const radix = TAIL_RADICES[i]!;
    out = (radix === 10 ? DIGITS : LETTERS)[v % radix]! + out;
    v = Math.floor(v / radix);
  }
  return out;
}

/** The bigram as Pagefind normalises it (and as a query must spell it). */
export function bigramWord(a: number, b: number): string {
  return unigramCode(a) + tailCode(b);
}

function codePoints(text: string): number[] {
  const cps: number[] = [];
  for (const ch of text) cps.push(ch.codePointAt(0)!);
  return cps;
}

/**
 * The record content for a folded text: one word per non-space character, space-separated.
 * Positions in the Pagefind index are therefore indexes into the text's non-space characters.
 */
export function indexContent(folded: string): string {
  const cps = codePoints(folded);
  const words: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (isSpaceUnit(cp)) continue;
    const next = cps[i + 1];
    words.push(next === undefined || isSpaceUnit(next) ? unigramCode(cp) : bigramWord(cp, next));
  }
  return words.join(" ");
}

/**
 * The Pagefind query for the pages holding one character: its unigram unquoted, which Pagefind
 * matches as a prefix — the words of exactly the positions where the character occurs.
 */
export function characterPrefix(ch: string): string {
  return unigramCode(ch.codePointAt(0)!);
}

/** Words at consecutive positions exactly where `term` (folded, no spaces) occurs. */
export function termChain(term: string): string[] {
  const cps = codePoints(term);
  if (cps.length === 1) return [unigramCode(cps[0]!)];
  return cps.slice(0, -1).map((cp, k) => bigramWord(cp, cps[k + 1]!));
}

/**
 * Chains for the terms back to back: one per way of joining them — directly, or across whitespace
 * (the character before the gap is then run-final). Two ways per gap; beyond three gaps only
 * "all direct" and "all across whitespace" are asked.
 */
export function phraseChains(terms: readonly string[]): string[][] {
  const parts = terms.map(codePoints).filter((p) => p.length > 0);
  if (parts.length < 2) return parts.length ? [termChain(String.fromCodePoint(...parts[0]!))] : [];
  const gaps = parts.length - 1;
  const ways = gaps <= 3 ? Array.from({ length: 2 ** gaps }, (_, n) => n) : [0, 2 ** gaps - 1];
  return ways.map((way) => {
    const cps = parts.flat();
    const spacedAfter = new Set<number>();
    let end = -1;
    parts.slice(0, -1).forEach((p, g) => {
      end += p.length;
      if (way & (1 << g)) spacedAfter.add(end);
    });
    const words: string[] = [];
    for (let k = 0; k < cps.length; k++) {
      const last = k === cps.length - 1;
      if (spacedAfter.has(k)) words.push(unigramCode(cps[k]!));
      else if (!last) words.push(bigramWord(cps[k]!, cps[k + 1]!));
      // A last character after a gap is not covered by a bigram; only run-final is expressible,
      // so such a phrase counts only when that character ends a run (never a false claim).
      else if (spacedAfter.has(k - 1)) words.push(unigramCode(cps[k]!));
    }
    return words;
  });
}

/** A Pagefind exact (quoted) query for a chain of words. */
export function exactQuery(words: readonly string[]): string {
  return `"${words.join(" ")}"`;
}

/**
 * The index-time representation of a week and the query rewriting that matches it.
 *
 * Pagefind stores, for every word of a record, the positions where it occurs, and a quoted query
 * `"w1 w2 w3"` returns exactly the pages where w1, w2, w3 sit at consecutive positions. We make
 * one Pagefind word per non-space character of the folded text:
 *   - `aaaa-1a2b3`: the character (4 letters) followed by the next character (digit/letter code);
 *     Pagefind indexes it as the bigram `aaaa1a2b3` *and* as its compound part `aaaa` (the unigram);
 *     the alternating digit/letter code splits into one-character parts, which Pagefind drops;
 *   - `aaaa`: a character followed by whitespace or the end of the text (a run-final unigram).
 * A query term of n ≥ 2 characters becomes its n−1 bigrams, quoted: consecutive positions means the
 * characters are adjacent in the text, so the answer is an exact substring match — Ctrl+F — with no
 * candidate verification. A one-character term becomes its unigram word.
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

/** Four lower-case letters; a whole Pagefind word, and the first part of every bigram. */
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

/** Five characters alternating digit/letter (10·26·10·26·10 ≥ 26⁴): each splits off as a 1-char part. */
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
    words.push(next === undefined || isSpaceUnit(next) ? unigramCode(cp) : `${unigramCode(cp)}-${tailCode(next)}`);
  }
  return words.join(" ");
}

/**
 * Words that must occur at consecutive positions for the terms to occur back to back
 * (whitespace between terms allowed). One term gives its own substring chain.
 * Terms are folded and contain no spaces.
 */
export function chainWords(terms: readonly string[]): string[] {
  const cps: number[] = [];
  const termEnds = new Set<number>();
  for (const term of terms) {
    const own = codePoints(term);
    if (own.length === 0) continue;
    cps.push(...own);
    termEnds.add(cps.length - 1);
  }
  const words: string[] = [];
  for (let k = 0; k < cps.length; k++) {
    const last = k === cps.length - 1;
    if (!last && !termEnds.has(k)) words.push(bigramWord(cps[k]!, cps[k + 1]!));
    // A junction may be followed by whitespace in the text: only the character itself is certain.
    else if (!last) words.push(unigramCode(cps[k]!));
    // The last character is already covered by the bigram before it, unless that was a junction.
    else if (k === 0 || termEnds.has(k - 1)) words.push(unigramCode(cps[k]!));
  }
  return words;
}

/** A Pagefind exact (quoted) query for a chain of words. */
export function exactQuery(words: readonly string[]): string {
  return `"${words.join(" ")}"`;
}

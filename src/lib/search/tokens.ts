/**
 * The index-time representation of a week and the query rewriting that matches it.
 *
 * Pagefind stores, for every word of a record, the positions where it occurs. We give every
 * non-space character k of the folded text two positions and one word at each:
 *   - position 2k: `aaaaz` — the character alone (a unigram: its 4-letter code and `z`);
 *   - position 2k+1: `aaaa1a2b3` — the character and the one right after it (a bigram; the second
 *     part alternates digits and letters, so the boundary is unambiguous), where whitespace and
 *     the end of the text count as a space.
 * A query is asked one whole word at a time, and the chain is checked here, from the positions:
 *   - a term of n ≥ 2 characters: its n−1 bigrams at consecutive characters — adjacent in the
 *     text, so a substring match, Ctrl+F;
 *   - a one-character term: its unigram;
 *   - a phrase: the terms' constraints at consecutive characters; whitespace between terms does
 *     not take a position, so "A 股" matches `A股`, `A 股`, `A 股市`.
 * Pagefind's exact (quoted) search returns only the first position per page, so a word is asked
 * unquoted; Pagefind then loads the one chunk that holds the word and expands it as a prefix over
 * the words loaded — and no index word starts another (unigrams end in a letter where bigrams have
 * a digit, meta words start with a digit or `w` + digit), so the expansion is the word itself,
 * whatever earlier searches loaded. A short prefix was what failed before: Pagefind loads only the
 * chunk whose range holds the prefix itself, so a character whose words span several chunks lost
 * weeks, and gained them back as other searches loaded the rest (issue #13).
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
const SPACE = 0x20;

function clampCodePoint(cp: number): number {
  return cp < UNIGRAM_CAPACITY ? cp : REPLACEMENT;
}

/** Four lower-case letters: the first part of every bigram of the character, and of its unigram word. */
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

/** The unigram word: no other index word starts with it (see the file comment). */
export function unigramWord(cp: number): string {
  return `${unigramCode(cp)}z`;
}

/** The bigram as Pagefind normalises it (and as a query must spell it). */
export function bigramWord(a: number, b: number): string {
  return unigramCode(a) + tailCode(b);
}

export function codePoints(text: string): number[] {
  const cps: number[] = [];
  for (const ch of text) cps.push(ch.codePointAt(0)!);
  return cps;
}

/**
 * The record content for a folded text: two words per non-space character, space-separated.
 * Pagefind numbers the words from 0, so character k (counting non-space characters) holds
 * positions 2k and 2k+1.
 */
export function indexContent(folded: string): string {
  const cps = codePoints(folded);
  const words: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (isSpaceUnit(cp)) continue;
    words.push(unigramWord(cp), bigramWord(cp, cps[i + 1] ?? SPACE));
  }
  return words.join(" ");
}

/** `indexContent(folded).length` without building it (the content is ASCII: its length is its size in bytes). */
export function indexContentLength(folded: string): number {
  let characters = 0;
  for (const ch of folded) if (!isSpaceUnit(ch.codePointAt(0)!)) characters++;
  // Per non-space character: its unigram, its bigram and a space after each (computed here, not at
  // module level, so the browser bundle, which never sizes content, does not carry it).
  const perCharacter = unigramWord(0).length + bigramWord(0, 0).length + 2;
  return characters === 0 ? 0 : characters * perCharacter - 1;
}

/** One index word that must sit at `slot` positions after a match's first character (2 × its start). */
export interface Constraint {
  word: string;
  slot: number;
}

/** A query term or phrase as index words: the characters it spans and the words fixing them. */
export interface Chain {
  /** Characters (non-space) a match covers. */
  length: number;
  constraints: Constraint[];
}

/**
 * The chain for terms back to back (one term: a plain substring). Within a term every pair of
 * neighbours is a bigram; a term of one character is its unigram; between terms nothing, since
 * whitespace takes no position and the terms may touch.
 */
export function phraseChain(terms: readonly string[]): Chain {
  const constraints: Constraint[] = [];
  let offset = 0;
  for (const term of terms) {
    const cps = codePoints(term).filter((cp) => !isSpaceUnit(cp));
    if (cps.length === 1) constraints.push({ word: unigramWord(cps[0]!), slot: 2 * offset });
    for (let k = 0; k + 1 < cps.length; k++) constraints.push({ word: bigramWord(cps[k]!, cps[k + 1]!), slot: 2 * (offset + k) + 1 });
    offset += cps.length;
  }
  return { length: offset, constraints };
}

/** The chain for one term. */
export function termChain(term: string): Chain {
  return phraseChain([term]);
}

/** The Pagefind query for every position of one index word: the word alone, unquoted (see the file comment). */
export function wordQuery(word: string): string {
  return word;
}

/**
 * Start characters where the chain matches, given each word's sorted positions in one page;
 * sorted, overlapping matches included.
 */
export function chainStarts(chain: Chain, positionsOf: (word: string) => readonly number[] | undefined): number[] {
  if (chain.constraints.length === 0) return [];
  const lists = chain.constraints.map((c) => ({ slot: c.slot, positions: positionsOf(c.word) ?? [] }));
  if (lists.some((l) => l.positions.length === 0)) return [];
  // Drive from the rarest word; look the others up by binary search.
  const [driver, ...rest] = [...lists].sort((a, b) => a.positions.length - b.positions.length);
  const starts: number[] = [];
  for (const pos of driver!.positions) {
    const base = pos - driver!.slot;
    if (base < 0 || base % 2 !== 0) continue;
    if (rest.every((l) => hasSorted(l.positions, base + l.slot))) starts.push(base / 2);
  }
  return starts;
}

function hasSorted(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Substring matching on folded text: the reference semantics (what Ctrl+F finds) that the index
 * must reproduce, and the positions the excerpt highlights.
 */

export interface Range {
  start: number;
  end: number;
}

/** Every occurrence of `term` in `folded`, overlapping ones included, in order. */
export function findOccurrences(folded: string, term: string): Range[] {
  const out: Range[] = [];
  if (!term) return out;
  for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1)) out.push({ start: i, end: i + term.length });
  return out;
}

/** The AND of the terms: every one occurs somewhere in the text. */
export function containsAll(folded: string, terms: readonly string[]): boolean {
  return terms.every((t) => folded.includes(t));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** First place where the terms occur back to back, spaces between them allowed; undefined if none. */
export function findPhrase(folded: string, phrase: readonly string[]): Range | undefined {
  if (phrase.length === 0) return undefined;
  const m = new RegExp(phrase.map(escapeRegExp).join(" *")).exec(folded);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** Sorted, overlapping or touching ranges merged. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Where a hit is anchored: the phrase if the terms form one, else the earliest occurrence of any term. */
export function firstMatch(folded: string, phrase: readonly string[], terms: readonly string[]): Range | undefined {
  if (phrase.length > 1) {
    const p = findPhrase(folded, phrase);
    if (p) return p;
  }
  let best: Range | undefined;
  for (const t of terms) {
    const i = folded.indexOf(t);
    if (i >= 0 && (!best || i < best.start)) best = { start: i, end: i + t.length };
  }
  return best;
}

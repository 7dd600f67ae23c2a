/** A short piece of a week's text around a match, with every query term marked. */
import { findOccurrences, mergeRanges, type Range } from "./match.ts";

export interface Excerpt {
  /** Escaped HTML; matches wrapped in `<mark>`. */
  html: string;
  /** The same text without markup. */
  text: string;
  /** The same text in pieces, `mark` where a term matched: for building DOM nodes without parsing HTML. */
  parts: ExcerptPart[];
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface ExcerptOptions {
  /** Characters (UTF-16 units) shown before the anchor match. */
  before?: number;
  /** Total length of the window. */
  length?: number;
}

const ELLIPSIS = "…";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Moves an index off the second half of a surrogate pair. */
function snap(text: string, i: number): number {
  return i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) ? i - 1 : i;
}

/**
 * `text` is what the reader sees, `folded` its folded form (same length), `anchor` the match the
 * excerpt is built around. Whitespace runs are shown as one space.
 */
export function buildExcerpt(text: string, folded: string, terms: readonly string[], anchor: Range, options: ExcerptOptions = {}): Excerpt {
  const before = options.before ?? 24;
  const length = Math.max(options.length ?? 90, anchor.end - anchor.start);
  let start = snap(text, Math.max(0, anchor.start - before));
  const end = snap(text, Math.min(text.length, Math.max(anchor.end, start + length)));
  if (end - start < length) start = snap(text, Math.max(0, end - length));

  const window = folded.slice(start, end);
  const marks = mergeRanges(terms.flatMap((t) => findOccurrences(window, t)));

  let html = start > 0 ? ELLIPSIS : "";
  let plain = html;
  const parts: ExcerptPart[] = html ? [{ text: html, mark: false }] : [];
  let cursor = 0;
  const emit = (from: number, to: number, marked: boolean): void => {
    const piece = text.slice(start + from, start + to).replace(/\s+/g, " ");
    if (!piece) return;
    plain += piece;
    parts.push({ text: piece, mark: marked });
    html += marked ? `<mark>${escapeHtml(piece)}</mark>` : escapeHtml(piece);
  };
  for (const m of marks) {
    emit(cursor, m.start, false);
    emit(m.start, m.end, true);
    cursor = m.end;
  }
  emit(cursor, window.length, false);
  if (end < text.length) {
    html += ELLIPSIS;
    plain += ELLIPSIS;
    parts.push({ text: ELLIPSIS, mark: false });
  }
  // A window that starts or ends inside a whitespace run would show a stray space next to `…`.
  const first = parts[1];
  if (parts[0]?.text === ELLIPSIS && first && !first.mark) first.text = first.text.replace(/^ /, "");
  const last = parts.at(-2);
  if (parts.at(-1)?.text === ELLIPSIS && last && !last.mark) last.text = last.text.replace(/ $/, "");
  return {
    html: html.replace(/^… /, "…").replace(/ …$/, "…"),
    text: plain.replace(/^… /, "…").replace(/ …$/, "…"),
    parts: parts.filter((p) => p.text !== ""),
  };
}

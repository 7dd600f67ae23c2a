/**
 * Word-level "what changed" between two texts of the same subject (a project's or an objective
 * subject's text in one week against its previous mention). Chinese has no spaces, so words come
 * from `Intl.Segmenter`; figures are kept whole so `进度70%` → `进度75%` is one change, not three.
 */
import { diffArrays } from "diff";
import type { Element, ElementContent, Root } from "hast";
import { weekHtml } from "../html/sanitize.ts";
import type { Progress } from "../report/model.ts";
import { headlineProgress } from "../report/progress.ts";

export type DiffPart = { kind: "same" | "ins" | "del"; text: string };

/** Bounded work per byte: texts longer than this are compared on their first this-many characters. */
export const MAX_DIFF_CHARS = 4000;
/** Beyond this many edits the texts are unrelated: shown as a complete rewrite rather than computed further. */
const MAX_EDIT_LENGTH = 600;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
/** Pieces of a figure: digits (ASCII or full-width), decimal point, thousands comma, percent. */
const FIGURE_PIECE = /^[0-9０-９.,，%％]+$/u;
const HAS_DIGIT = /[0-9０-９]/u;
/** FIGURE_PIECE's first character, checked before the pattern: most segments are words and fail here. */
const mayBeFigure = (segment: string): boolean => {
  const c = segment.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x2e || c === 0x2c || c === 0xff0c || c === 0x25 || c === 0xff05;
};

/** Words of a text; runs of digits, decimal points and percent signs stay one token (`75.5%`). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let figure = "";
  const flush = () => {
    if (!figure) return;
    // A trailing comma belongs to the sentence, not to the figure (`70%，完成…`).
    const tail = /[,，]+$/u.exec(figure)?.[0] ?? "";
    tokens.push(figure.slice(0, figure.length - tail.length));
    if (tail) tokens.push(tail);
    figure = "";
  };
  for (const { segment } of segmenter.segment(text)) {
    const joins = mayBeFigure(segment) && FIGURE_PIECE.test(segment) && (HAS_DIGIT.test(segment) || (figure !== "" && HAS_DIGIT.test(figure)));
    if (joins) {
      figure += segment;
      continue;
    }
    flush();
    tokens.push(segment);
  }
  flush();
  return tokens;
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * The change from `before` to `after` as runs of unchanged, inserted and deleted text, in reading
 * order (a deletion before the insertion that replaces it). Identical texts give one `same` run.
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return merge([{ kind: "same", text: after }]);
  const x = before.slice(0, MAX_DIFF_CHARS);
  const y = after.slice(0, MAX_DIFF_CHARS);
  // Lines first (items of a report are lines, and few), then words only where lines changed:
  // a word diff over a whole multi-item text costs far more and says the same.
  const linesX = x.split(/(?<=\n)/);
  const linesY = y.split(/(?<=\n)/);
  // One line against another is what the line diff would say (removed, then added): skip it.
  const lines = linesX.length === 1 && linesY.length === 1 && x !== y ? undefined : diffArrays(linesX, linesY, { maxEditLength: MAX_EDIT_LENGTH });
  const parts: DiffPart[] = [];
  if (!lines) parts.push(...diffWords(x, y));
  else
    for (let i = 0; i < lines.length; i++) {
      const c = lines[i]!;
      const next = lines[i + 1];
      if (!c.added && !c.removed) parts.push({ kind: "same", text: c.value.join("") });
      else if (c.removed && next?.added) {
        // Changed lines pair up in order; each pair is short, so its word diff is cheap.
        const n = Math.max(c.value.length, next.value.length);
        for (let k = 0; k < n; k++) {
          const was = c.value[k];
          const now = next.value[k];
          if (was !== undefined && now !== undefined) parts.push(...diffWords(was, now));
          else if (was !== undefined) parts.push({ kind: "del", text: was });
          else parts.push({ kind: "ins", text: now! });
        }
        i++;
      } else parts.push({ kind: c.added ? "ins" : "del", text: c.value.join("") });
    }
  const cut = (s: string) => (s.length > MAX_DIFF_CHARS ? s.slice(MAX_DIFF_CHARS) : "");
  // What lies past the compared prefix is shown as it stands in the new text.
  if (cut(after)) parts.push({ kind: "same", text: cut(after) });
  return merge(parts);
}

/** Word-level diff of two stretches of text. */
function diffWords(x: string, y: string): DiffPart[] {
  // What both share at the start and the end needs no words: most weeks change a figure or a clause,
  // and segmenting Chinese is the costly step. Cut only at punctuation or spaces, never inside a word.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  while (head > 0 && !BOUNDARY.test(x[head - 1]!)) head--;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  while (tail > 0 && !BOUNDARY.test(x[x.length - tail]!)) tail--;
  const midX = x.slice(head, x.length - tail);
  const midY = y.slice(head, y.length - tail);
  const parts: DiffPart[] = [
    { kind: "same", text: x.slice(0, head) },
    ...(unrelated(midX, midY)
      ? [
          { kind: "del" as const, text: midX },
          { kind: "ins" as const, text: midY },
        ]
      : diffTokens(tokenize(midX), tokenize(midY))),
    { kind: "same", text: x.slice(x.length - tail) },
  ];
  return parts;
}

/** Pairs of letters or digits in a text (`进度70` → `进度`, `度7`, `70`). */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const chars = text.match(WORD_CHARS) ?? [];
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Two long stretches sharing few letter pairs are a rewrite: decided before the costly segmenting. */
function unrelated(a: string, b: string): boolean {
  if (a.length + b.length <= ALWAYS_DIFF_CHARS) return false;
  const inA = bigrams(a);
  const inB = bigrams(b);
  let shared = 0;
  for (const g of inB) if (inA.has(g)) shared++;
  return shared < MIN_SHARED * Math.max(inA.size, inB.size);
}

/** Characters a word never spans: spaces and punctuation (a figure's `.` and `,` are not here). */
const BOUNDARY = /[\s，。；;：:、！!？?（）()【】「」《》“”"'‘’\[\]]/u;

function diffTokens(a: string[], b: string[]): DiffPart[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [
    { kind: "same", text: a.slice(0, head).join("") },
    ...diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    { kind: "same", text: a.slice(a.length - tail).join("") },
  ];
}

/**
 * Below this share of shared words two long stretches are a rewrite, not an edit: the diff would
 * cost most (its work grows with the number of edits) exactly where it says least.
 */
const MIN_SHARED = 0.3;
/** Short stretches are always diffed: cheap, and where a figure or a word changed. */
const ALWAYS_DIFF_TOKENS = 40;
const ALWAYS_DIFF_CHARS = 60;

const WORD = /[\p{L}\p{N}]/u;
const WORD_CHARS = /[\p{L}\p{N}]/gu;
const isWord = (token: string): boolean => WORD.test(token);

function diffMiddle(a: string[], b: string[]): DiffPart[] {
  const rewrite: DiffPart[] = [
    { kind: "del", text: a.join("") },
    { kind: "ins", text: b.join("") },
  ];
  if (a.length === 0 || b.length === 0) return rewrite;
  if (a.length + b.length > ALWAYS_DIFF_TOKENS) {
    // Only words count: spaces and punctuation are shared by any two texts.
    const wordsA = a.filter(isWord);
    const wordsB = b.filter(isWord);
    const inA = new Set(wordsA);
    const shared = wordsB.filter((t) => inA.has(t)).length;
    if (shared < MIN_SHARED * Math.max(wordsA.length, wordsB.length)) return rewrite;
  }
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return rewrite;
  return changes.map((c) => ({ kind: c.added ? "ins" : c.removed ? "del" : "same", text: c.value.join("") }));
}

/** Whether anything was inserted or deleted. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== "same");
}

/**
 * The diff as HTML: `<ins>`/`<del>` around changed runs, unchanged text as is. Built as hast text
 * nodes, so week text is escaped by construction (it never passes through as markup).
 */
export function diffHtml(parts: readonly DiffPart[]): string {
  const children: ElementContent[] = parts.map((p) =>
    p.kind === "same"
      ? { type: "text", value: p.text }
      : ({ type: "element", tagName: p.kind, properties: {}, children: [{ type: "text", value: p.text }] } satisfies Element),
  );
  const root: Root = { type: "root", children };
  // Escaped by construction already; still through the one sanitizer every week-made byte passes.
  return weekHtml(root);
}

/** The headline progress change between two mentions, e.g. `70% → 75%`; undefined when either lacks a figure or it did not move. */
export function progressChange(before: readonly Progress[], after: readonly Progress[]): string | undefined {
  const from = headlineProgress([...before]);
  const to = headlineProgress([...after]);
  if (!from || !to || from.percent === to.percent) return undefined;
  return `${from.percent}% → ${to.percent}%`;
}

/**
 * Word-level "what changed" between two texts of the same subject (a project's or an objective
 * subject's text in one week against its previous mention). Chinese has no spaces, so words come
 * from `Intl.Segmenter`; figures are kept whole so `进度70%` → `进度75%` is one change, not three.
 */
import { diffArrays } from "diff";
import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
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
    const joins = FIGURE_PIECE.test(segment) && (HAS_DIGIT.test(segment) || (figure !== "" && HAS_DIGIT.test(figure)));
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
  const a = tokenize(before.slice(0, MAX_DIFF_CHARS));
  const b = tokenize(after.slice(0, MAX_DIFF_CHARS));
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  const parts: DiffPart[] = changes
    ? changes.map((c) => ({ kind: c.added ? "ins" : c.removed ? "del" : "same", text: c.value.join("") }))
    : [
        { kind: "del", text: a.join("") },
        { kind: "ins", text: b.join("") },
      ];
  const cut = (s: string) => (s.length > MAX_DIFF_CHARS ? s.slice(MAX_DIFF_CHARS) : "");
  // What lies past the compared prefix is shown as it stands in the new text.
  if (cut(after)) parts.push({ kind: "same", text: cut(after) });
  return merge(parts);
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
    p.kind === "same" ? { type: "text", value: p.text } : ({ type: "element", tagName: p.kind, properties: {}, children: [{ type: "text", value: p.text }] } satisfies Element),
  );
  const root: Root = { type: "root", children };
  return toHtml(root);
}

/** The headline progress change between two mentions, e.g. `70% → 75%`; undefined when either lacks a figure or it did not move. */
export function progressChange(before: readonly Progress[], after: readonly Progress[]): string | undefined {
  const from = headlineProgress([...before]);
  const to = headlineProgress([...after]);
  if (!from || !to || from.percent === to.percent) return undefined;
  return `${from.percent}% → ${to.percent}%`;
}

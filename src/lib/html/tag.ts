/**
 * One HTML tag as written in an export (`<img src="a.png" alt=图>`, `</u>`, `<br/>`), read by a single
 * left-to-right scan: no regular expression, so a hostile tag costs time linear in its length.
 */
export interface HtmlAttribute {
  /** As written; compare in lower case. */
  name: string;
  /** Unquoted text, entities not decoded; null for a bare attribute (`<details open>`). */
  value: string | null;
  /** Offsets of the value's text inside the tag, when it has one. */
  valueStart?: number;
  valueEnd?: number;
}

export interface HtmlTag {
  /** Lower-cased element name. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: HtmlAttribute[];
  /** Length of the tag in the input (from `<` to `>` included). */
  length: number;
}

/** Longer "tags" are read as text: keeps the work per `<` bounded whatever follows it. */
const MAX_TAG = 4096;

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** Reads the tag starting at `from` (which must be `<`); undefined when the text there is not a tag. */
export function readTag(text: string, from = 0): HtmlTag | undefined {
  let i = from;
  if (text[i] !== "<") return undefined;
  i++;
  const closing = text[i] === "/";
  if (closing) i++;
  if (!isNameStart(text[i])) return undefined;
  const nameStart = i;
  while (i < text.length && /[A-Za-z0-9-]/.test(text[i]!)) i++;
  const name = text.slice(nameStart, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  for (;;) {
    if (i - from > MAX_TAG) return undefined;
    const before = i;
    while (isSpace(text[i])) i++;
    if (i >= text.length) return undefined;
    if (text[i] === ">") return { name, closing, selfClosing: false, attributes, length: i + 1 - from };
    if (text[i] === "/" && text[i + 1] === ">") return { name, closing, selfClosing: true, attributes, length: i + 2 - from };
    if (closing || i === before) return undefined;
    const attrStart = i;
    while (i < text.length && !isSpace(text[i]) && !"\"'>/=<`".includes(text[i]!)) i++;
    if (i === attrStart) return undefined;
    const attr: HtmlAttribute = { name: text.slice(attrStart, i), value: null };
    let j = i;
    while (isSpace(text[j])) j++;
    if (text[j] === "=") {
      j++;
      while (isSpace(text[j])) j++;
      const q = text[j];
      if (q === '"' || q === "'") {
        const window = text.slice(j + 1, from + MAX_TAG);
        const at = window.indexOf(q);
        if (at < 0) return undefined;
        const end = j + 1 + at;
        Object.assign(attr, { value: text.slice(j + 1, end), valueStart: j + 1 - from, valueEnd: end - from });
        i = end + 1;
      } else {
        const start = j;
        while (j < text.length && !isSpace(text[j]) && !"\"'=<>`".includes(text[j]!)) j++;
        if (j === start) return undefined;
        Object.assign(attr, { value: text.slice(start, j), valueStart: start - from, valueEnd: j - from });
        i = j;
      }
    }
    attributes.push(attr);
  }
}

/** Splits raw HTML into tags and the text between them, in order. */
export function splitHtml(raw: string): ({ tag: HtmlTag; start: number } | { text: string; start: number })[] {
  const out: ({ tag: HtmlTag; start: number } | { text: string; start: number })[] = [];
  let textStart = 0;
  let i = 0;
  while (i < raw.length) {
    const lt = raw.indexOf("<", i);
    if (lt < 0) break;
    const tag = readTag(raw, lt);
    if (!tag) {
      i = lt + 1;
      continue;
    }
    if (lt > textStart) out.push({ text: raw.slice(textStart, lt), start: textStart });
    out.push({ tag, start: lt });
    i = textStart = lt + tag.length;
  }
  if (textStart < raw.length) out.push({ text: raw.slice(textStart), start: textStart });
  return out;
}

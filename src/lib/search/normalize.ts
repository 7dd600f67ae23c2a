/**
 * Ctrl+F folding: case-insensitive, full-width ≡ half-width, any whitespace ≡ one space.
 * Every fold keeps the UTF-16 length of the character, so index i in the folded text is index i
 * in the original — highlights computed on folded text land on the right characters.
 */

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
const SPACE = 0x20;

const WHITESPACE = /\s/;

/** The folded form of one code point (a code point again, same UTF-16 length). */
export function foldCodePoint(code: number): number {
  const cp = code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST ? code - FULL_WIDTH_OFFSET : code;
  const ch = String.fromCodePoint(cp);
  if (WHITESPACE.test(ch)) return SPACE;
  const lower = ch.toLowerCase();
  // `İ` lower-cases to two code units; leaving it unfolded keeps the index mapping exact.
  return lower.length === ch.length ? lower.codePointAt(0)! : cp;
}

// Folding runs over every week at build time and every query: memoise the BMP (0 = not yet known).
const BMP_FOLD = new Uint16Array(0x10000);

function foldUnit(unit: number): number {
  let folded = BMP_FOLD[unit]!;
  if (folded === 0 && unit !== 0) {
    folded = foldCodePoint(unit);
    BMP_FOLD[unit] = folded;
  }
  return folded;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Folds a whole text; `foldText(s).length === s.length` always holds. */
export function foldText(text: string): string {
  const units = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (isHighSurrogate(unit) && next >= 0xdc00 && next <= 0xdfff) {
      const folded = String.fromCodePoint(foldCodePoint(text.codePointAt(i)!));
      units[i] = folded.charCodeAt(0);
      units[i + 1] = folded.charCodeAt(1);
      i++;
    } else {
      units[i] = foldUnit(unit);
    }
  }
  let out = "";
  const CHUNK = 8192;
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode(...units.slice(i, i + CHUNK));
  return out;
}

/** Whitespace runs collapsed to one space and trimmed: the text as a reader scans it. */
export function squashWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** True for the folded space: the only character that separates query terms and index runs. */
export function isSpaceUnit(unit: number): boolean {
  return unit === SPACE;
}

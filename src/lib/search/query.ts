/** What a search box string means: folded terms that must all occur (AND), optionally as one phrase. */
import { foldText } from "./normalize.ts";

export interface ParsedQuery {
  /** Folded terms in the order typed (a phrase keeps repeats). */
  phrase: string[];
  /** The same terms without duplicates. */
  terms: string[];
  /** Terms worth asking the index for: a term inside another term is implied by it. */
  required: string[];
  /** `"…"` around the whole query: the terms must occur back to back (whitespace between allowed). */
  quoted: boolean;
}

const QUOTED = /^\s*"(.*)"\s*$/s;

export function parseQuery(raw: string): ParsedQuery {
  const quotedMatch = QUOTED.exec(raw);
  const inner = quotedMatch ? quotedMatch[1]! : raw;
  const phrase = foldText(inner).split(" ").filter(Boolean);
  const terms = [...new Set(phrase)];
  const required = terms.filter((t, i) => !terms.some((other, j) => j !== i && other.length > t.length && other.includes(t)));
  return { phrase, terms, required, quoted: quotedMatch !== null && terms.length > 0 };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.terms.length === 0;
}

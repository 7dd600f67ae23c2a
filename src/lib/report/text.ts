/** Text helpers shared by the extraction steps. */

const FULL_WIDTH_PAIRS: Record<string, string> = { "（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "　": " " };

/** Comparable form of a name: NFKC, full-width punctuation folded, spaces dropped, lower-case. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[（）：，；　]/g, (c) => FULL_WIDTH_PAIRS[c] ?? c)
    .replace(/[\s*_`]+/g, "")
    .toLowerCase();
}

/** `贝易转（C转）` → `贝易转`: the base name without a trailing parenthetical. */
export function stripParenthetical(name: string): string {
  const stripped = name.replace(/\s*[（(][^（）()]*[）)]\s*$/, "");
  return stripped.length > 0 ? stripped : name;
}

const LEAD_SEPARATORS = /[，,：:；;。！？!?]/;
const WRAPPED_LEAD = /^\s*[「【“"『《]([^」】”"』》]{1,40})[」】”"』》]/;

/**
 * The subject of an item: its lead phrase.
 * `存管路由，存管路由一期测试10%…` → `存管路由`; `「贝小理」运营目标…` → `贝小理`.
 */
export function leadPhrase(text: string): string {
  const wrapped = WRAPPED_LEAD.exec(text);
  if (wrapped) return wrapped[1]!.trim();
  const trimmed = text.trim();
  const cut = trimmed.search(LEAD_SEPARATORS);
  const lead = (cut >= 0 ? trimmed.slice(0, cut) : trimmed).trim();
  return lead.replace(/^\d+[.、)]\s*/, "");
}

/** Collapse the whitespace a reader would not see as significant. */
export function squashSpaces(text: string): string {
  return text.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

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
  // By hand: `\s*[（(][^（）()]*[）)]\s*$` retried every start of a long run of spaces (quadratic).
  const end = name.trimEnd();
  const last = end.at(-1);
  if (last !== "）" && last !== ")") return name;
  let open = end.length - 2;
  while (open >= 0 && !"（）()".includes(end[open]!)) open--;
  if (open < 0 || (end[open] !== "（" && end[open] !== "(")) return name;
  const stripped = end.slice(0, open).trimEnd();
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

/**
 * Status words that end a subject without naming it: `物保三期上线完成` is the thread `物保三期`.
 * Longest first, so `上线完成` goes whole; the subject keeps at least two characters.
 */
export const STATUS_SUFFIXES = [
  "上线完成",
  "上线完毕",
  "开发完成",
  "测试完成",
  "已经完成",
  "全部完成",
  "基本完成",
  "已上线",
  "已完成",
  "已启动",
  "已结项",
  "进行中",
  "推进中",
  "开发中",
  "测试中",
  "联调中",
  "上线",
  "完成",
  "完毕",
  "启动",
  "结项",
  "收尾",
] as const;
const STATUS_TAIL = new RegExp(`\\s*(?:${STATUS_SUFFIXES.join("|")})\\s*$`);

/** A subject without its trailing status words (see STATUS_SUFFIXES), repeated: `一期启动完成` → `一期`. */
export function stripStatusWords(subject: string): string {
  let current = subject.trim();
  for (let next = current.replace(STATUS_TAIL, ""); next !== current && [...next].length >= 2; next = current.replace(STATUS_TAIL, "")) current = next;
  return current;
}

/** Newlines with the spaces and tabs around them collapsed to one newline, runs of newlines to one. */
export function squashNewlines(text: string): string {
  const lines = text.split("\n");
  const kept = lines.map((l, i) => {
    const start = i > 0 ? trimSpacesStart(l) : l;
    return i < lines.length - 1 ? trimSpacesEnd(start) : start;
  });
  return kept.join("\n").replace(/\n{2,}/g, "\n");
}

function trimSpacesEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === " " || s[end - 1] === "\t")) end--;
  return s.slice(0, end);
}

function trimSpacesStart(s: string): string {
  let start = 0;
  while (start < s.length && (s[start] === " " || s[start] === "\t")) start++;
  return s.slice(start);
}

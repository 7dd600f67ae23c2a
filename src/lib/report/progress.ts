import type { Progress } from "./model.ts";

/**
 * A progress figure is a percentage said of progress: `整体进度70%`, `POS押金进度75%`,
 * `总迁移进度约85%`, `完成度60%`. Ratios such as `占比60%` or `准确率89.09%` are not progress.
 *
 * Read by one left-to-right scan instead of a regular expression: the old pattern's lazy label
 * before the keyword retried from every start, ~100 s for a 200,000-character item.
 */
const KEYWORDS = ["进度", "进展", "完成度", "完成率"];
/** Characters a label does not cross (it starts after the last of them). */
const LABEL_STOP = new Set([..."，,；;。：:、（）()"]);
/** Words between the keyword and the number, longest first where one begins another. */
const CONNECTORS = ["约", "达到", "达", "为", "已达", "至", "到", ":", "："];

export function extractProgress(text: string): Progress[] {
  const found: Progress[] = [];
  let labelStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (LABEL_STOP.has(c) || isSpace(c)) {
      labelStart = i + 1;
      continue;
    }
    const keyword = KEYWORDS.find((k) => text.startsWith(k, i));
    if (!keyword) continue;
    const tail = readFigure(text, i + keyword.length);
    if (!tail) continue;
    const rawLabel = text.slice(labelStart, i);
    if (tail.percent >= 0 && tail.percent <= 100) {
      const label = rawLabel === "整体" || rawLabel === "总体" || rawLabel === "总" ? "" : rawLabel;
      const overall = /^(整体|总体|总)/.test(rawLabel) && rawLabel.length <= 4;
      found.push({ percent: tail.percent, label, overall, raw: text.slice(labelStart, tail.end).trim() });
    }
    // The next figure's label starts after this one.
    i = tail.end - 1;
    labelStart = tail.end;
  }
  return found;
}

/** `约 85 %` after a keyword: the percentage and where it ends, or undefined. */
function readFigure(text: string, from: number): { percent: number; end: number } | undefined {
  let i = skipSpaces(text, from);
  const connector = CONNECTORS.find((w) => text.startsWith(w, i));
  if (connector) i = skipSpaces(text, i + connector.length);
  if (text[i] === "约") i = skipSpaces(text, i + 1);
  const digitsStart = i;
  while (isDigit(text[i])) i++;
  const digits = i - digitsStart;
  if (digits < 1 || digits > 3) return undefined;
  if (text[i] === "." && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
  }
  const number = text.slice(digitsStart, i);
  i = skipSpaces(text, i);
  if (text[i] !== "%" && text[i] !== "％") return undefined;
  return { percent: Number(number), end: i + 1 };
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text[i]!)) i++;
  return i;
}

function isSpace(c: string): boolean {
  return /\s/.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** The figure that best says how far an item is: the overall one, else the last one written. */
export function headlineProgress(figures: Progress[]): Progress | undefined {
  return figures.find((f) => f.overall) ?? figures.at(-1);
}

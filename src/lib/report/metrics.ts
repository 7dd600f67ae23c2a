import type { MetricReading } from "./model.ts";

const CLAUSE_SPLIT = /[，,；;]/;
const LABELLED_UNITS = ["%", "％", "次", "笔", "个", "ms", "秒"];
const INLINE_UNITS = ["%", "％", "次", "笔", "个"];

/**
 * A clause read from its end: `<label> <number> <unit>`. By hand, because the patterns this replaces
 * (`^(.+?)\s*[：:]\s*(-?\d+…)\s*(unit)?\s*$`) backtracked over every split of a run of spaces.
 * `labelled`: `入金有效成功率：99.997%` (a colon before the number, unit optional);
 * otherwise inline: `事故数AB级0次`, `P0事故1次` (unit required, label ends in a non-digit).
 */
function readClause(clause: string, labelled: boolean): [label: string, value: string, unit: string | undefined] | undefined {
  let end = clause.trimEnd().length;
  const unit = (labelled ? LABELLED_UNITS : INLINE_UNITS).find((u) => clause.startsWith(u, end - u.length));
  if (unit) end = trimEndAt(clause, end - unit.length);
  else if (!labelled) return undefined;
  let start = end;
  while (start > 0 && isDigit(clause[start - 1])) start--;
  if (start === end) return undefined;
  if (clause[start - 1] === "." && isDigit(clause[start - 2])) {
    start--;
    while (start > 0 && isDigit(clause[start - 1])) start--;
  }
  const unsigned = start;
  const signed = clause[start - 1] === "-" ? start - 1 : start;
  // The old patterns took the sign into the number when the label still matched without it.
  for (const from of signed === unsigned ? [unsigned] : [signed, unsigned]) {
    const value = clause.slice(from, end);
    let labelEnd = trimEndAt(clause, from);
    if (labelled) {
      const colon = clause[labelEnd - 1];
      if (colon !== "：" && colon !== ":") continue;
      labelEnd = trimEndAt(clause, labelEnd - 1);
    }
    const label = clause.slice(0, labelEnd);
    // `.` in the old patterns stopped at line breaks; an inline label ends in a non-digit, not `.` or space.
    if (label.length === 0 || /[\n\r\u2028\u2029]/.test(label)) continue;
    if (!labelled && /[\d.\s]/.test(label.at(-1)!)) continue;
    return [label, value, unit];
  }
  return undefined;
}

function trimEndAt(s: string, end: number): number {
  while (end > 0 && /\s/.test(s[end - 1]!)) end--;
  return end;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

const GRADE = /([A-Z]{1,3})\s*级/;

function cleanLabel(label: string, context: string): string {
  const t = label.replace(/^[-*•\s]+/, "").trim();
  const grade = GRADE.exec(t);
  if (grade && /事故|故障/.test(t + context)) return `${grade[1]}级事故数`;
  return t;
}

/**
 * Readings in one line of the 系统运行数据 section. A line may hold several
 * (`事故数AB级0次，CD级0次`); later clauses inherit the context of the first.
 */
export function extractMetricReadings(text: string, line: number): MetricReading[] {
  const readings: MetricReading[] = [];
  let context = "";
  for (const raw of text.split(CLAUSE_SPLIT)) {
    const clause = raw.trim();
    if (!clause) continue;
    const m = readClause(clause, true) ?? readClause(clause, false);
    if (!m) {
      context += clause;
      continue;
    }
    const [rawLabel, value, rawUnit] = m;
    const unit = (rawUnit ?? "").replace("％", "%");
    const label = cleanLabel(rawLabel, context);
    context += rawLabel;
    readings.push({ label, value: Number(value), unit, raw: `${value}${rawUnit ?? ""}`, line });
  }
  return readings;
}

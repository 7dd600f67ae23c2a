import type { MetricReading } from "./model.ts";

const CLAUSE_SPLIT = /[，,；;]/;
/** `入金有效成功率：99.997%`, `年度可用性: 100%`. */
const LABELLED = /^(.+?)\s*[：:]\s*(-?\d+(?:\.\d+)?)\s*([%％]|次|笔|个|ms|秒)?\s*$/;
/** `事故数AB级0次`, `CD级0次`, `P0事故1次`. */
const INLINE = /^(.*?[^\d.\s])\s*(-?\d+(?:\.\d+)?)\s*([%％]|次|笔|个)\s*$/;
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
    const m = LABELLED.exec(clause) ?? INLINE.exec(clause);
    if (!m) {
      context += clause;
      continue;
    }
    const unit = (m[3] ?? "").replace("％", "%");
    const label = cleanLabel(m[1]!, context);
    context += m[1];
    readings.push({ label, value: Number(m[2]), unit, raw: `${m[2]}${m[3] ?? ""}`, line });
  }
  return readings;
}

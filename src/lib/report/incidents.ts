// Per-function entry points: the date-fns barrel loads ~300 modules and Node 24 parses date-fns' 200 KB
// package.json again for each (nodejs/node#60397) — seconds at every build start (README, Performance).
import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";

/** `4/19 16:36 …`, `4月19日 16:36 …`, `04-19 …`. */
const DATE_TIME = /^\s*(\d{1,2})\s*(?:[/.\-]|月)\s*(\d{1,2})\s*日?\s*(?:(\d{1,2})\s*[:：]\s*(\d{2}))?/;
const CAUSE = /原因\s*[：:]\s*/;
const IMPACT = /影响(?:了)?[^。；;，,]*/;
const NONE = /^(无|暂无|没有|本周无|无生产事件|无事件|无事故|none|n\/a)[。.]?$/i;

/** `B级`, `AB级事故`, `C类`: a grade letter pair or single, not inside a Latin word. */
const GRADE = /(?<![A-Za-z])([A-D]{1,2})\s*[级類类](?:事故|事件|故障)?/;
/** `P0`–`P3` (also `P1级`), not inside a longer token such as `P10` or `APP1`. */
const PRIORITY = /(?<![A-Za-z0-9])P([0-3])(?![0-9])/i;

/**
 * The severity a week states for an incident: `A`–`D`/`AB`/`CD` grades or `P0`–`P3`; undefined
 * when none is written (the site never guesses one). Full-width letters count (`Ｐ１`).
 */
export function parseSeverity(text: string): string | undefined {
  const s = text.normalize("NFKC");
  const grade = GRADE.exec(s)?.[1]?.toUpperCase();
  if (grade && (grade.length === 1 || grade === "AB" || grade === "CD")) return grade;
  const p = PRIORITY.exec(s);
  return p ? `P${p[1]}` : undefined;
}

export interface IncidentFields {
  severity?: string;
  date?: string;
  time?: string;
  summary: string;
  impact?: string;
  cause?: string;
}

/** An incident's text without the date and time it starts with (shown separately). */
export function withoutDateTime(text: string): string {
  const dt = DATE_TIME.exec(text);
  return dt ? text.slice(dt[0].length).trim() || text : text;
}

export function isNoIncident(text: string): boolean {
  return NONE.test(text.trim());
}

/**
 * Reads an incident line. The year is not written, so the date is placed in the
 * year that puts it closest to the report's week (a 12/30 incident in 2025-W01 is 2024).
 */
export function parseIncident(text: string, weekMonday: Date): IncidentFields {
  const dt = DATE_TIME.exec(text);
  let date: string | undefined;
  let time: string | undefined;
  if (dt) {
    const month = Number(dt[1]);
    const day = Number(dt[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      const mid = addDays(weekMonday, 3);
      const candidates = [-1, 0, 1].map((d) => new Date(mid.getFullYear() + d, month - 1, day));
      const valid = candidates.filter((c) => c.getMonth() === month - 1);
      const best = valid.sort((a, b) => Math.abs(differenceInCalendarDays(a, mid)) - Math.abs(differenceInCalendarDays(b, mid)))[0];
      if (best) date = format(best, "yyyy-MM-dd");
    }
    if (dt[3] !== undefined) time = `${dt[3].padStart(2, "0")}:${dt[4]}`;
  }
  const causeAt = text.search(CAUSE);
  const before = causeAt >= 0 ? text.slice(0, causeAt) : text;
  const cause = causeAt >= 0 ? text.slice(causeAt).replace(CAUSE, "").trim() : undefined;
  const impact = IMPACT.exec(before)?.[0]?.trim();
  return { date, time, summary: before.trim(), impact, cause: cause || undefined, severity: parseSeverity(text) };
}

import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { isValid } from "date-fns/isValid";
import { weekIdOfDate, type WeekId } from "../week-id.ts";

/** Where an export's week was read from, in the order the importer looks. */
export type WeekSource = "frontmatter" | "title" | "created" | "file-name";

export interface DetectedWeek {
  /** `2024-W17` as read; a week that does not exist (`2024-W60`) is kept for the importer to explain. */
  week: string;
  source: WeekSource;
  /** The text the week was read from (`24/03/11-24/03/18`, `2024-04-20`), for the import notes. */
  from: string;
  /** How the text became a week, in Chinese, when it took a rule (weekend start, a year slip). */
  rule?: string;
}

interface DateHit {
  week: string;
  from: string;
  rule?: string;
}

const SHORT_RANGE_DAYS = 14;

function date(y: number, m: number, d: number): Date | undefined {
  const value = new Date(y, m - 1, d);
  return isValid(value) && value.getMonth() === m - 1 && value.getDate() === d ? value : undefined;
}

/**
 * A report dated by the start of the span it covers. A date on a Saturday or Sunday belongs to the
 * week that follows: the seed's export created Saturday 2024-04-20 is 2024-W17, and a status report
 * titled `23/10/07-23/10/08` (weekend work) is read with the next week by its own series.
 */
function weekOfStart(start: Date): { week: WeekId; rule?: string } {
  const day = start.getDay();
  if (day === 6 || day === 0) return { week: weekIdOfDate(addDays(start, day === 6 ? 2 : 1)), rule: "起始日是周末，归入下一周" };
  return { week: weekIdOfDate(start) };
}

const fullYear = (yy: string) => (yy.length === 2 ? 2000 + Number(yy) : Number(yy));

// Each pattern finds one date form anywhere in a text; the earliest match in the text wins.
const ISO_WEEK = /(?<![\d])(\d{4})\s*-?\s*W(\d{1,2})(?![\d])/i;
const ZH_DATE = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const FULL_DATE = /(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
// `24/03/11`, optionally `-24/03/18` (also `~`, `–`, `—`, `至`).
const SHORT_DATE = /(?<![\d/])(\d{2})\/(\d{1,2})\/(\d{1,2})(?:\s*(?:-|~|～|–|—|至|到)\s*(\d{2})\/(\d{1,2})\/(\d{1,2}))?(?![\d/])/;

/**
 * The week of the first date written in a text: `2024-W17`, `2024年4月20日` / `2024 年 4 月 20 日`,
 * `2024-04-20` / `2024/04/20` / `2024.04.20`, `24/03/11` or the range `24/03/11-24/03/18`.
 *
 * A range is dated by its start. When the two ends' years disagree but the range would be a
 * normal working week with one year (`26/01/05-25/01/09`, `24/01/06-25/01/10`), one year is a
 * slip left over from the previous year's template: the later year is taken.
 */
export function weekInText(text: string): DateHit | undefined {
  const hits: { at: number; hit: () => DateHit | undefined }[] = [];
  const find = (re: RegExp, hit: (m: RegExpExecArray) => DateHit | undefined) => {
    const m = re.exec(text);
    if (m) hits.push({ at: m.index, hit: () => hit(m) });
  };
  find(ISO_WEEK, (m) => {
    // A week that does not exist (`2024-W60`) is still what the author wrote: the importer explains it.
    return { week: `${m[1]}-W${m[2]!.padStart(2, "0")}`, from: m[0] };
  });
  find(ZH_DATE, (m) => {
    const d = date(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { ...weekOfStart(d), from: m[0] } : undefined;
  });
  find(FULL_DATE, (m) => {
    const d = date(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { ...weekOfStart(d), from: m[0] } : undefined;
  });
  find(SHORT_DATE, (m) => {
    let start = date(fullYear(m[1]!), Number(m[2]), Number(m[3]));
    if (!start) return undefined;
    let slip: string | undefined;
    if (m[4] !== undefined) {
      const end = date(fullYear(m[4]), Number(m[5]), Number(m[6]));
      if (end && m[1] !== m[4]) {
        const later = Math.max(fullYear(m[1]!), fullYear(m[4]));
        const sameYearStart = date(later, Number(m[2]), Number(m[3]));
        const sameYearEnd = date(later, Number(m[5]), Number(m[6]));
        const span = sameYearStart && sameYearEnd ? differenceInCalendarDays(sameYearEnd, sameYearStart) : -1;
        if (span >= 0 && span <= SHORT_RANGE_DAYS && sameYearStart) {
          if (fullYear(m[1]!) !== later) start = sameYearStart;
          slip = `两端年份不一致，按较晚的 ${later} 年`;
        }
      }
    }
    const { week, rule } = weekOfStart(start);
    return { week, from: m[0], rule: [slip, rule].filter(Boolean).join("；") || undefined };
  });
  for (const { hit } of hits.sort((a, b) => a.at - b.at)) {
    const found = hit();
    if (found) return found;
  }
  return undefined;
}

export interface WeekClues {
  /** Frontmatter `week:` and `date:` as written (strings, or a YAML date). */
  frontmatter?: { week?: unknown; date?: unknown };
  /** The `# …` title. */
  title?: string;
  /** The value of a `Created:` property line. */
  created?: string;
  /** The export's file name (without directories). */
  fileName?: string;
}

/** The first week found in frontmatter, title, `Created:` line, then file name; undefined when none. */
export function detectWeek(clues: WeekClues): DetectedWeek | undefined {
  const fm = clues.frontmatter ?? {};
  for (const value of [fm.week, fm.date]) {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === "string" ? value : undefined;
    const hit = text !== undefined ? weekInText(text) : undefined;
    if (hit) return { ...hit, source: "frontmatter" };
  }
  const ordered: [WeekSource, string | undefined][] = [
    ["title", clues.title],
    ["created", clues.created],
    ["file-name", clues.fileName],
  ];
  for (const [source, text] of ordered) {
    const hit = text ? weekInText(text) : undefined;
    if (hit) return { ...hit, source };
  }
  return undefined;
}

/**
 * Notion exports `Created:` in the exporting user's locale without a time zone.
 * The team writes in China, so the importer assumes UTC+8 (documented in CONTRIBUTING.md).
 */
export const NOTION_UTC_OFFSET = "+08:00";

const pad = (n: number) => String(n).padStart(2, "0");

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * `2024年4月20日 09:27` (also `下午3:05`), `April 20, 2024 9:27 AM`, `2024/04/20 09:27`, `2024-04-20 09:27`
 * → `2024-04-20T09:27+08:00`; undefined when the text is not one of these.
 */
export function parseNotionCreated(text: string, offset = NOTION_UTC_OFFSET): string | undefined {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let h = 0;
  let mi = 0;
  let rest: string;
  const zh = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/.exec(t);
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\s*(.*))?$/.exec(t);
  const en = /^([A-Za-z]+)\.? (\d{1,2}), (\d{4})\s*(.*)$/.exec(t);
  if (zh) [y, mo, d, rest] = [Number(zh[1]), Number(zh[2]), Number(zh[3]), zh[4]!];
  else if (iso) [y, mo, d, rest] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ?? ""];
  else if (en) {
    const month = MONTHS.findIndex((m) => m.startsWith(en[1]!.toLowerCase()) && en[1]!.length >= 3);
    if (month < 0) return undefined;
    [y, mo, d, rest] = [Number(en[3]), month + 1, Number(en[2]), en[4]!];
  } else return undefined;
  if (rest.trim() !== "") {
    const time = /^(上午|下午|凌晨|早上|中午|晚上)?\s*(\d{1,2})[:：](\d{2})\s*(AM|PM|am|pm)?$/.exec(rest.trim());
    if (!time) return undefined;
    h = Number(time[2]);
    mi = Number(time[3]);
    const afternoon = time[1] === "下午" || time[1] === "晚上" || time[4]?.toLowerCase() === "pm";
    const morning = time[1] === "上午" || time[1] === "凌晨" || time[1] === "早上" || time[4]?.toLowerCase() === "am";
    if (afternoon && h < 12) h += 12;
    if (morning && h === 12) h = 0;
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}${offset}`;
}

import { weekStart, type WeekId } from "./week-id.ts";

const CREATED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** `2024-04-20T09:27+08:00` → `2024年4月20日 09:27`: the wall time as the author wrote it, no zone shift. */
export function formatCreated(created: string): string {
  const m = CREATED.exec(created);
  if (!m) return created;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}`;
}

/** `2024-04-22 – 2024-04-28` style range of a week, in Chinese short form. */
export function formatWeekRange(id: WeekId): { from: string; to: string } {
  const start = weekStart(id);
  // Sunday's date; written out by hand, as date-fns' format parses its pattern on every call (twice a week page).
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  const day = (d: Date, withYear: boolean) => `${withYear ? `${String(d.getFullYear()).padStart(4, "0")}年` : ""}${d.getMonth() + 1}月${d.getDate()}日`;
  return { from: day(start, true), to: day(end, start.getFullYear() !== end.getFullYear()) };
}

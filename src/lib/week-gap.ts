import { formatDistanceStrict } from "date-fns/formatDistanceStrict";
import { zhCN } from "date-fns/locale/zh-CN";
import { weekStart, weeksBetween, type WeekId } from "./week-id.ts";

/** How far one week is from another, as a reader needs it to judge a comparison or a neighbour. */
export interface WeekGap {
  /** ISO weeks from `from` to `to` (negative when `to` is earlier). */
  weeks: number;
  /** The two are consecutive ISO weeks (either order). */
  adjacent: boolean;
  /** `3 周前`, `4 个月前`, `4 年前` (`…后` when `to` is later): seen from `from`. */
  distance: string;
}

/** Up to this many weeks a distance is said in weeks; beyond, in months or years (date-fns). */
const WEEKS_SAID_IN_WEEKS = 8;

/** The gap between `from` (the week being read) and `to` (its neighbour or the week compared with). */
export function weekGap(from: WeekId, to: WeekId): WeekGap {
  const weeks = weeksBetween(from, to);
  const n = Math.abs(weeks);
  // The suffix is ours: date-fns' zh-CN future form is 「4 年内」 (within), not 「4 年后」 (later).
  const span = n <= WEEKS_SAID_IN_WEEKS ? `${n} 周` : formatDistanceStrict(weekStart(to), weekStart(from), { locale: zhCN, roundingMethod: "round" });
  const distance = `${span}${weeks < 0 ? "前" : "后"}`;
  return { weeks, adjacent: n === 1, distance };
}

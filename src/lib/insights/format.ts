/** Number formatting for metric values: the precision authors write, no binary noise, no trailing zeros. */
export function formatNumber(value: number, decimals: number): string {
  return String(Number(value.toFixed(Math.min(Math.max(decimals, 0), 10))));
}

/** `99.997%`, `0次`. */
export function formatMetric(value: number, unit: string, decimals: number): string {
  return `${formatNumber(value, decimals)}${unit}`;
}

/** `+0.007`, `−1`, `0`: a real minus sign, so the sign reads clearly in Chinese text. */
export function formatSigned(value: number, decimals: number): string {
  const n = formatNumber(Math.abs(value), decimals);
  if (Number(n) === 0) return "0";
  return value > 0 ? `+${n}` : `−${n}`;
}

/** `2024-04` → `2024年4月`. */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${y}年${Number(m)}月`;
}

/** `2024-04-19` → `4月19日` (year shown only when asked). */
export function formatDay(date: string, withYear = false): string {
  const [y, m, d] = date.split("-");
  return `${withYear ? `${y}年` : ""}${Number(m)}月${Number(d)}日`;
}

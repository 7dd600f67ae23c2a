/**
 * At most `max` items, evenly spread over the series, the first and the last always kept. A chart
 * that draws a whole archive's history cannot show more points than it has pixels, and every point
 * costs bytes on every page that draws it: this keeps such a chart's size independent of the archive.
 */
export function downsample<T>(items: readonly T[], max: number): T[] {
  if (max < 2) throw new Error(`downsample: max must be ≥ 2 (got ${max})`);
  if (items.length <= max) return [...items];
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)]!);
}

/** One page of a long timeline: newest entries first, older ones on later pages. */
export interface TimelinePage<T> {
  items: T[];
  /** 1-based page number. */
  number: number;
  total: number;
  /** URL segment for the route's rest param: undefined for page 1, else `page/N`. */
  param: string | undefined;
}

export function paginate<T>(items: T[], size: number): TimelinePage<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    total,
    param: i === 0 ? undefined : `page/${i + 1}`,
  }));
}

/** Timeline entries per page: a year of weeks keeps the largest page far under 300 KB. */
export const TIMELINE_PAGE_SIZE = 52;

/** URL of page `n` of a paginated route under `base` (the bare URL, then `page/N/`). */
export function pageUrl(base: string, n: number): string {
  return base + (n > 1 ? `page/${n}/` : "");
}

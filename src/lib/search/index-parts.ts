/**
 * How the search index is split so that no Pagefind process holds the whole archive: Pagefind's
 * memory while indexing grows with the content it is given (about 47 bytes of memory per byte of
 * index content), so the records are cut into consecutive parts of bounded content, each indexed by
 * its own Pagefind process, one after another; the browser merges the parts' indexes again.
 */

/**
 * Consecutive runs of `items`, in order, each of total size ≤ `budget` — except an item larger than
 * the budget, which is a run of its own (a page cannot be split). Greedy: a run takes items until the
 * next one would pass the budget, which gives the fewest runs that keep the order.
 */
export function splitBySize<T>(items: readonly T[], sizeOf: (item: T) => number, budget: number): T[][] {
  if (!(budget > 0)) throw new RangeError(`budget must be positive, got ${budget}`);
  const runs: T[][] = [];
  let run: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (run.length > 0 && used + size > budget) {
      runs.push(run);
      run = [];
      used = 0;
    }
    run.push(item);
    used += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

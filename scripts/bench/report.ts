/** The bench's printed table: one column per corpus size, Markdown so it pastes into the README. */
import type { BudgetInput } from "./budgets.ts";
import type { PageWeight } from "./page-weight.ts";
import type { Measured } from "./run-measured.ts";
import type { SearchOutcome } from "./search.ts";
import type { SiteStats } from "./site-stats.ts";
import { median } from "./stats.ts";

export interface SizeResult {
  weeks: number;
  /** In run order, product and floor alternating (p0 f0 p1 f1 …); pair i is cold when `cold[i]`. */
  product: Measured[];
  floor: Measured[];
  /** Per pair: built from empty caches (a fresh clone) rather than after a build of the same corpus. */
  cold: boolean[];
  productStats: SiteStats;
  floorStats: SiteStats;
  week?: PageWeight;
  home?: PageWeight;
  project?: PageWeight;
  search?: SearchOutcome;
}

/** Values of the cold and of the warm runs. */
function split<T>(r: SizeResult, values: readonly T[]): { cold: T[]; warm: T[] } {
  return { cold: values.filter((_, i) => r.cold[i]), warm: values.filter((_, i) => !r.cold[i]) };
}

function medians(r: SizeResult, values: readonly number[]): { cold: number; warm?: number } {
  const { cold, warm } = split(r, values);
  return { cold: median(cold), warm: warm.length ? median(warm) : undefined };
}

/** Median product/floor ratio of the cold pairs and of the warm pairs: one pair alone is mostly noise. */
export function ratios(r: SizeResult): { cold: number; warm?: number } {
  return medians(
    r,
    r.product.map((p, i) => p.wallMs / r.floor[i]!.wallMs),
  );
}

/** The same for CPU time, which load from other work on the machine disturbs far less than wall time. */
export function cpuRatios(r: SizeResult): { cold: number; warm?: number } {
  return medians(
    r,
    r.product.map((p, i) => p.treeCpuSeconds / r.floor[i]!.treeCpuSeconds),
  );
}

export function toBudgetInput(r: SizeResult): BudgetInput {
  const { cold, warm } = ratios(r);
  return {
    weeks: r.weeks,
    coldRatio: cold,
    warmRatio: warm,
    weekPageJsBytes: r.week?.jsBytes,
    largestProjectHtmlBytes: r.productStats.largestProject?.bytes,
    peakMemoryBytes: Math.max(...r.product.map((m) => m.peakTreeBytes)),
    coldWallMs: medians(
      r,
      r.product.map((m) => m.wallMs),
    ).cold,
    distBytes: r.productStats.distBytes,
    largestPage: r.productStats.largestPage,
    largestProcessBytes: largestProcess(r.product),
  };
}

function largestProcess(runs: readonly Measured[]): number | undefined {
  const single = runs.map((m) => m.time?.maxRssBytes).filter((n): n is number => n !== undefined);
  return single.length ? Math.max(...single) : undefined;
}

const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const kb = (n: number | undefined): string => (n === undefined ? "–" : `${(n / 1000).toFixed(1)} KB`);
const mb = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1000).toFixed(0)} KB`);
const memory = (runs: Measured[]): string => {
  const tree = Math.max(...runs.map((m) => m.peakTreeBytes));
  const single = runs.map((m) => m.time?.maxRssBytes).filter((n): n is number => n !== undefined);
  return single.length ? `${mb(tree)} (largest process ${mb(Math.max(...single))})` : mb(tree);
};
const wall = (r: SizeResult, runs: Measured[], kind: "cold" | "warm"): string => {
  const m = medians(
    r,
    runs.map((x) => x.wallMs),
  )[kind];
  return m === undefined ? "–" : sec(m);
};
const cpu = (r: SizeResult, runs: Measured[]): string => {
  const { cold, warm } = medians(
    r,
    runs.map((m) => m.treeCpuSeconds),
  );
  return `${cold.toFixed(1)} s / ${warm === undefined ? "–" : `${warm.toFixed(1)} s`}`;
};
const perWeekMs = (r: SizeResult, kind: "cold" | "warm"): string => {
  const m = medians(
    r,
    r.product.map((x) => x.wallMs),
  )[kind];
  return m === undefined ? "–" : `${(m / r.weeks).toFixed(1)} ms`;
};
const perWeekMemory = (r: SizeResult): string => {
  const single = largestProcess(r.product);
  const tree = Math.max(...r.product.map((m) => m.peakTreeBytes));
  return `${single === undefined ? "–" : (single / 1e6 / r.weeks).toFixed(2)} / ${(tree / 1e6 / r.weeks).toFixed(2)} MB`;
};
const weight = (w: PageWeight | undefined): string => (w ? `${kb(w.htmlBytes)} / ${kb(w.jsBytes)}` : "–");

function searchCells(s: SearchOutcome | undefined): [string, string, string, string, string] {
  if (!s) return ["skipped", "skipped", "skipped", "skipped", "skipped"];
  if (!s.ok) return [`n/a: ${s.reason}`, "n/a", "n/a", "n/a", "n/a"];
  const { page, contract, worst } = s.figures;
  const ms = (f: typeof page): string => `${f.medianMs.toFixed(1)} / ${f.p95Ms.toFixed(1)} ms`;
  return [
    `${ms(page)} (${page.queries} queries)`,
    ms(contract),
    `median ${kb(page.medianBytes)}, mean ${kb(page.meanBytes)}, max ${kb(page.maxBytes)}`,
    `${page.warmupMs.toFixed(0)} ms, ${kb(page.warmupBytes)}; recall ${contract.recall.toFixed(3)}, precision ${contract.precision.toFixed(3)}, history changes ${contract.historyMismatches}`,
    `${kb(worst.bytes)}, ${worst.ms.toFixed(0)} ms (${JSON.stringify(worst.query)})`,
  ];
}

/** Rows × sizes, first column the label. */
export function resultRows(results: readonly SizeResult[]): string[][] {
  const col = (f: (r: SizeResult) => string): string[] => results.map(f);
  const search = results.map((r) => searchCells(r.search));
  return [
    ["", ...col((r) => `${r.weeks} weeks`)],
    ["product `npm run build`, cold (median)", ...col((r) => wall(r, r.product, "cold"))],
    ["product, warm (median)", ...col((r) => wall(r, r.product, "warm"))],
    ["floor build, cold (median)", ...col((r) => wall(r, r.floor, "cold"))],
    ["floor, warm (median)", ...col((r) => wall(r, r.floor, "warm"))],
    ["CPU of the process tree, cold / warm median (product)", ...col((r) => cpu(r, r.product))],
    ["CPU of the process tree, cold / warm median (floor)", ...col((r) => cpu(r, r.floor))],
    ["product/floor, cold (median of pairs)", ...col((r) => ratios(r).cold.toFixed(2))],
    ["product/floor, warm (median of pairs)", ...col((r) => ratios(r).warm?.toFixed(2) ?? "–")],
    ["product/floor CPU, cold / warm (median of pairs)", ...col((r) => `${cpuRatios(r).cold.toFixed(2)} / ${cpuRatios(r).warm?.toFixed(2) ?? "–"}`)],
    ["product peak memory (process tree)", ...col((r) => memory(r.product))],
    ["floor peak memory (process tree)", ...col((r) => memory(r.floor))],
    ["pages built (product / floor)", ...col((r) => `${r.productStats.pages} / ${r.floorStats.pages}`)],
    ["dist/ size (product / floor)", ...col((r) => `${mb(r.productStats.distBytes)} / ${mb(r.floorStats.distBytes)}`)],
    ["Pagefind index `pagefind*/` (product / floor)", ...col((r) => `${mb(r.productStats.pagefindBytes)} / ${mb(r.floorStats.pagefindBytes)}`)],
    ["product `search-data/` (catalog + text shards)", ...col((r) => mb(r.productStats.searchDataBytes))],
    ["week page HTML / JS (largest week)", ...col((r) => weight(r.week))],
    ["home page HTML / JS", ...col((r) => weight(r.home))],
    ["largest project page HTML / JS", ...col((r) => weight(r.project))],
    [
      "largest HTML page",
      ...col((r) =>
        r.productStats.largestPage ? `${kb(r.productStats.largestPage.bytes)} /${r.productStats.largestPage.path.replace(/index\.html$/, "")}` : "–",
      ),
    ],
    ["**per week:** product build, cold / warm (median)", ...col((r) => perWeekMs(r, "cold") + " / " + perWeekMs(r, "warm"))],
    [
      "**per week:** CPU of the process tree, cold (product)",
      ...col(
        (r) =>
          `${(
            (1000 *
              medians(
                r,
                r.product.map((m) => m.treeCpuSeconds),
              ).cold) /
            r.weeks
          ).toFixed(1)} ms`,
      ),
    ],
    [
      "**per week:** dist/ (product / floor)",
      ...col((r) => `${(r.productStats.distBytes / r.weeks / 1000).toFixed(1)} / ${(r.floorStats.distBytes / r.weeks / 1000).toFixed(1)} KB`),
    ],
    ["**per week:** largest process / process tree peak (product)", ...col((r) => perWeekMemory(r))],
    ["search median / p95, search page (after first search)", ...search.map((s) => s[0])],
    ["search median / p95, all hits with excerpts", ...search.map((s) => s[1])],
    ["search bytes per query (search page)", ...search.map((s) => s[2])],
    ["first search (loads index); quality", ...search.map((s) => s[3])],
    ["worst query for bytes, from a cold page (commonest characters)", ...search.map((s) => s[4])],
  ];
}

export function formatMarkdownTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(3, ...rows.map((r) => [...(r[c] ?? "")].length)));
  const line = (r: readonly string[]): string => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  return [line(rows[0]!), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join("\n");
}

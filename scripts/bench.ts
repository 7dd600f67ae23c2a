/**
 * Archive scale benchmark (issues 7 and 19):
 *   npm run bench -- [--sizes 52,260,520,2600] [--large] [--runs 3] [--queries 100] [--no-search] [--config FILE] [--profile]
 * For each corpus size: builds the product and the floor fixture alternately (per run a cold pair
 * from empty caches, then a warm pair; ratios are medians over runs), reads sizes from dist/,
 * weighs the week, home and largest project pages in Chromium, times search through the search
 * harness, prints one table (with per-week figures, so growth faster than the archive shows) and the
 * budget lines. Exit 1 if a budget fails.
 * Not part of `npm test`; work files go to tmp/bench/.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { serveStatic } from "../tests/e2e/static-server.ts";
import { parseBenchArgs } from "./bench/args.ts";
import { budgetExitCode, evaluateBudgets } from "./bench/budgets.ts";
import { buildSite, clearCaches, distDir, type SiteKind } from "./bench/builds.ts";
import { copyBenchCorpus, writeBenchCorpus } from "./bench/corpus.ts";
import { measurePageWeight, type PageWeight } from "./bench/page-weight.ts";
import { formatProfileSummary, summarizeProfile, type CpuProfile } from "./bench/profile-summary.ts";
import { formatMarkdownTable, resultRows, toBudgetInput, type SizeResult } from "./bench/report.ts";
import { GNU_TIME, hasGnuTime, type Measured } from "./bench/run-measured.ts";
import { measureSearchLatency } from "./bench/search.ts";
import { readSiteStats, type FileSize } from "./bench/site-stats.ts";

const log = (line: string): void => console.log(`[bench] ${line}`);

// 1. Options, and say how memory is measured on this machine.
let options;
try {
  options = parseBenchArgs(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
if (!hasGnuTime()) log(`${GNU_TIME} is missing (Debian: apt-get install -y time): peak memory comes from /proc polling alone, no per-process maximum.`);
log(
  `${options.corpus ? `corpus ${options.corpus}` : `sizes ${options.sizes.join(", ")} weeks`}; ${options.runs} run(s) each (a cold and a warm product/floor pair, alternating); ${options.queries} search queries.`,
);
if (options.config) log(`product builds use --config ${options.config}`);
mkdirSync(join("tmp", "bench"), { recursive: true });

const urlPath = (f: FileSize | undefined): string | undefined => f?.path.replace(/index\.html$/, "");
const seconds = (m: Measured): string => `${(m.wallMs / 1000).toFixed(1)} s, ${(m.peakTreeBytes / 1e6).toFixed(0)} MB`;

/** The largest profile of a build is Astro's (npm's own process writes a small one). */
function summarizeLargestProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return `no profile written in ${dir}`;
  const largest = files.map((f) => join(dir, f)).reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  return formatProfileSummary(largest, summarizeProfile(JSON.parse(readFileSync(largest, "utf8")) as CpuProfile));
}

const results: SizeResult[] = [];
const profiles: string[] = [];
const browser = await launchBrowser();
try {
  for (const size of options.corpus ? [0] : options.sizes) {
    // 2. A fresh corpus in the seed's shape, or the real content folder given with --corpus.
    const corpus = options.corpus ? copyBenchCorpus(options.corpus) : writeBenchCorpus(size);
    const weeks = corpus.weeks;
    log(`${weeks} weeks → ${corpus.contentDir}`);

    // 3. Product and floor alternately, so load from other work on the machine hits both alike: per run
    //    a cold pair (caches emptied, as in a fresh clone) and then a warm one (an author's next build).
    const runs: Record<SiteKind, Measured[]> = { product: [], floor: [] };
    const cold: boolean[] = [];
    for (let i = 0; i < options.runs; i++) {
      clearCaches(corpus);
      for (const state of ["cold", "warm"] as const) {
        for (const kind of ["product", "floor"] as const) {
          const m = await buildSite(corpus, kind, join(corpus.dir, `${kind}-${i + 1}-${state}.log`), { config: options.config });
          runs[kind].push(m);
          log(`  ${kind} run ${i + 1} (${state}): ${seconds(m)}`);
        }
        cold.push(state === "cold");
      }
    }

    // 4. Sizes from the last builds' output.
    const productStats = readSiteStats(distDir(corpus, "product"));
    const floorStats = readSiteStats(distDir(corpus, "floor"));

    // 5. HTML and scripts of the week, home and largest project pages, before any search.
    const server = await serveStatic(distDir(corpus, "product"));
    const weigh = async (f: FileSize | undefined): Promise<PageWeight | undefined> =>
      f ? measurePageWeight(browser, server.url, urlPath(f)!, f.bytes) : undefined;
    const [week, home, project] = [await weigh(productStats.week), await weigh(productStats.home), await weigh(productStats.largestProject)];
    await server.close();

    // 6. Search latency and bytes per query through the search harness.
    const search = options.queries > 0 ? await measureSearchLatency(browser, distDir(corpus, "product"), options.queries) : undefined;
    if (search && !search.ok) log(`  search skipped: ${search.reason}`);

    // 7. Optionally, one more (warm) product build under the CPU profiler, outside the timed runs.
    if (options.profile) {
      const profileDir = join(corpus.dir, "profile");
      rmSync(profileDir, { recursive: true, force: true });
      await buildSite(corpus, "product", join(corpus.dir, "product-profile.log"), { config: options.config, profileDir });
      profiles.push(`${weeks} weeks — ${summarizeLargestProfile(profileDir)}`);
    }

    results.push({ weeks, product: runs.product, floor: runs.floor, cold, productStats, floorStats, week, home, project, search });
  }
} finally {
  await browser.close();
}

// 8. The table, which pages were weighed, profiles if asked for, and the budgets.
console.log();
console.log(formatMarkdownTable(resultRows(results)));
console.log();
for (const r of results)
  console.log(
    `${r.weeks} weeks: week page /${urlPath(r.productStats.week) ?? "–"} · largest project page /${urlPath(r.productStats.largestProject) ?? "–"}` +
      (r.week ? ` · week page scripts: ${r.week.scripts.length ? r.week.scripts.join(", ") : "inline only"}` : ""),
  );
console.log(
  `Times are wall clock. CPU and memory cover the build's whole process tree (npm, Astro, Pagefind), polled from /proc every 50 ms: CPU is user+system, memory the peak sum of RSS${hasGnuTime() ? " (GNU time gives the largest single process)" : ""}. KB = 1000 bytes.`,
);
for (const p of profiles) console.log(`\n${p}`);
console.log();
const budgets = evaluateBudgets(results.map(toBudgetInput));
for (const b of budgets) console.log(`${b.status}  ${b.name}: ${b.detail}`);
process.exitCode = budgetExitCode(budgets);

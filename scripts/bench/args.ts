/** Command line of `npm run bench`. */
import { parseArgs } from "node:util";

export interface BenchOptions {
  sizes: number[];
  /** Runs per size; each is a cold product/floor pair (caches emptied) and then a warm one. */
  runs: number;
  /** Search queries per size (0 = skip the search step). */
  queries: number;
  /** Another Astro config for the product build (`astro build --config`), to try a change before it lands. */
  config?: string;
  /** One extra product build per size under `node --cpu-prof`, summarized after the table. */
  profile: boolean;
  /** A content folder (with weeks/, e.g. an imported real archive) to bench instead of generated corpora. */
  corpus?: string;
}

/** Sizes of a plain `npm run bench`; `--large` adds LARGE_SIZE (a build of several minutes on 2 cores). */
export const DEFAULT_SIZES = "52,260,520,2600";
export const LARGE_SIZE = 5200;

export const USAGE = `npm run bench -- [--sizes 52,260,520,2600] [--large] [--runs 3] [--queries 100] [--no-search] [--config FILE] [--profile] [--corpus DIR]
  --corpus     bench this content folder (weeks/ and registry files, e.g. an imported real archive) instead of generated weeks
  --sizes      corpus sizes in weeks, comma-separated
  --large      add the ${LARGE_SIZE}-week size (ten years of one team; several minutes per build)
  --runs       runs per size: each builds a cold product/floor pair (caches emptied) then a warm pair
  --queries    search queries per size through the search harness
  --no-search  skip the search step
  --config     Astro config for the product build instead of astro.config.mjs (try a change before it lands)
  --profile    one more product build per size under node --cpu-prof; prints where its main thread spends time`;

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: DEFAULT_SIZES },
      large: { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      queries: { type: "string", default: "100" },
      "no-search": { type: "boolean", default: false },
      config: { type: "string" },
      profile: { type: "boolean", default: false },
      corpus: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
  if (values.large) sizes.push(LARGE_SIZE);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 2))
    throw new Error(`--sizes needs whole numbers ≥ 2 separated by commas, e.g. --sizes 52,260 (got "${values.sizes}")`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number ≥ 1 (got "${values.runs}")`);
  const queries = values["no-search"] ? 0 : Number(values.queries);
  if (!Number.isInteger(queries) || queries < 0) throw new Error(`--queries needs a whole number ≥ 0 (got "${values.queries}")`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    queries,
    ...(values.config ? { config: values.config } : {}),
    profile: values.profile,
    ...(values.corpus ? { corpus: values.corpus } : {}),
  };
}

/**
 * The two builds the bench compares: the product (`npm run build`) and the floor fixture
 * (tests/fixtures/bench-floor: bare Astro + MDX + Pagefind over the same week files).
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { siteBuildArgs, siteBuildEnv } from "../lib/corpus-site.ts";
import type { BenchCorpus } from "./corpus.ts";
import { runMeasured, type Measured } from "./run-measured.ts";

export type SiteKind = "product" | "floor";

export const FLOOR_ROOT = join("tests", "fixtures", "bench-floor");

export function distDir(corpus: BenchCorpus, kind: SiteKind): string {
  return join(corpus.dir, kind === "product" ? "dist" : "floor-dist");
}

/** Mirrors astro.config.mjs: each content dir gets node_modules/.astro/<content dir as a key>. */
function productCacheDir(corpus: BenchCorpus): string {
  return join("node_modules", ".astro", corpus.contentDir.replace(/[^a-z0-9]+/gi, "_"));
}

function floorCacheDir(corpus: BenchCorpus): string {
  return join(corpus.dir, "floor-cache");
}

/** Empties the content-layer and Vite caches so the next build starts cold, like a fresh clone. */
export function clearCaches(corpus: BenchCorpus): void {
  rmSync(productCacheDir(corpus), { recursive: true, force: true });
  rmSync(floorCacheDir(corpus), { recursive: true, force: true });
}

/** `npm run build` the way a user runs it, under the npm that started the bench when there is one. */
function npmCommand(): { command: string; prefix: string[] } {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return { command: process.execPath, prefix: [npmCli] };
  return { command: "npm", prefix: [] };
}

export interface BuildOptions {
  /** Product only: `astro build --config`. */
  config?: string;
  /** Write V8 CPU profiles of every Node process of the build here. */
  profileDir?: string;
}

export function buildSite(corpus: BenchCorpus, kind: SiteKind, logFile: string, options: BuildOptions = {}): Promise<Measured> {
  const outDir = resolve(distDir(corpus, kind));
  // A build starts from no output, as on CI; removing the old one is not part of the measured time.
  rmSync(outDir, { recursive: true, force: true });
  // The environment of every corpus build (scripts/lib/corpus-site.ts), so the bench measures the site the tests check.
  const env = siteBuildEnv({ contentDir: corpus.contentDir });
  if (options.profileDir) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --cpu-prof --cpu-prof-dir=${resolve(options.profileDir)}`.trim();
  if (kind === "product") {
    const npm = npmCommand();
    return runMeasured({
      command: npm.command,
      args: [...npm.prefix, "run", "build", "--", ...siteBuildArgs({ outDir, config: options.config })],
      env,
      logFile,
    });
  }
  return runMeasured({
    command: process.execPath,
    args: ["node_modules/astro/bin/astro.mjs", "build", "--root", FLOOR_ROOT, "--outDir", outDir],
    env: { ...env, BENCH_FLOOR_WEEKS: resolve(corpus.weeksDir), BENCH_FLOOR_CACHE: resolve(floorCacheDir(corpus)) },
    logFile,
  });
}

/**
 * Bench corpora: N weeks in the seed's shape under tmp/bench/w<N>/content — N−1 generated weeks
 * plus the real seed week, with the real registry files beside them.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCorpus } from "../lib/generate-corpus.ts";

const SEED_WEEK = "2024-W17";
const REGISTRY_FILES = ["projects.yaml", "objectives.yaml", "metrics.yaml"];

export interface BenchCorpus {
  weeks: number;
  /** tmp/bench/w<N>, relative to the repo root. */
  dir: string;
  /** What WEEKLY_ARCHIVE_CONTENT takes (relative to the repo root). */
  contentDir: string;
  weeksDir: string;
}

export function benchCorpusPaths(weeks: number): BenchCorpus {
  const dir = join("tmp", "bench", `w${weeks}`);
  const contentDir = join(dir, "content");
  return { weeks, dir, contentDir, weeksDir: join(contentDir, "weeks") };
}

/**
 * Where a bench corpus's weeks come from: `count` weeks other than the seed's. The seed-shaped
 * generator by default; a real-prose generator (issue 13) plugs in here, so every size can be built
 * from either without a second corpus writer.
 */
export type WeekSource = (options: { count: number; skipWeeks: string[] }) => Iterable<{ fileName: string; source: string }>;

const seedShaped: WeekSource = ({ count, skipWeeks }) => generateCorpus({ count, seed: 1, skipWeeks });

/** Rewrites the corpus from scratch; deterministic, so repeated benches build identical files. */
export function writeBenchCorpus(weeks: number, root = ".", source: WeekSource = seedShaped): BenchCorpus {
  const corpus = benchCorpusPaths(weeks);
  const contentDir = join(root, corpus.contentDir);
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(join(contentDir, "weeks"), { recursive: true });
  for (const w of source({ count: weeks - 1, skipWeeks: [SEED_WEEK] }))
    writeFileSync(join(contentDir, "weeks", w.fileName), w.source);
  copyFileSync(join(root, "content", "weeks", `${SEED_WEEK}.mdx`), join(contentDir, "weeks", `${SEED_WEEK}.mdx`));
  for (const f of REGISTRY_FILES)
    if (existsSync(join(root, "content", f))) copyFileSync(join(root, "content", f), join(contentDir, f));
  return corpus;
}

/**
 * `--corpus DIR`: a copy of a real content folder under tmp/bench/real/content, so it builds with its
 * own caches like the generated corpora; the registry files it has come along, none are added.
 */
export function copyBenchCorpus(source: string, root = "."): BenchCorpus {
  const dir = join("tmp", "bench", "real");
  const contentDir = join(dir, "content");
  rmSync(join(root, contentDir), { recursive: true, force: true });
  cpSync(source, join(root, contentDir), { recursive: true });
  const weeks = readdirSync(join(root, contentDir, "weeks")).filter((f) => f.endsWith(".mdx")).length;
  return { weeks, dir, contentDir, weeksDir: join(contentDir, "weeks") };
}

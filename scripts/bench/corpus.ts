/**
 * Bench corpora: N weeks in the seed's shape under tmp/bench/w<N>/content — N−1 generated weeks
 * plus the real seed week, with the real registry files beside them.
 */
import { cpSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeCorpus, type WeekSource } from "../lib/corpus-site.ts";

export type { WeekSource };

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
 * Rewrites the corpus from scratch (scripts/lib/corpus-site.ts, like every corpus): N−1 weeks from
 * `source` — the seed-shaped generator by default — and the seed. Deterministic, so repeated benches
 * build identical files.
 */
export function writeBenchCorpus(weeks: number, root = ".", source?: WeekSource): BenchCorpus {
  const corpus = benchCorpusPaths(weeks);
  writeCorpus(join(root, corpus.contentDir), { count: weeks - 1, weeks: source }, root);
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

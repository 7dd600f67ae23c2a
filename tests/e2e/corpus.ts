import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateCorpus } from "../../scripts/lib/generate-corpus.ts";

export interface CorpusSite {
  /** Content dir relative to the repo root (what WEEKLY_ARCHIVE_CONTENT takes). */
  contentDir: string;
  dist: string;
}

export interface CorpusOptions {
  /** More week files, by file name (`2016-W01.mdx`), written next to the generated ones. */
  extraWeeks?: Readonly<Record<string, string>>;
  /** Environment for the build, e.g. `WEEKLY_ARCHIVE_PUBLIC: "1"` and `SITE` for a site with a feed. */
  env?: Readonly<Record<string, string>>;
}

/**
 * Writes a generated corpus (plus the real seed week and registry files) under tmp/<name>/
 * and builds the site for it into tmp/<name>/dist. Reuses an existing build when SKIP_BUILD=1.
 */
export function buildCorpusSite(name: string, count: number, seed = 1, options: CorpusOptions = {}): CorpusSite {
  const base = join("tmp", name);
  const contentDir = join(base, "content");
  const dist = join(base, "dist");
  if (process.env.SKIP_BUILD === "1" && existsSync(join(dist, "index.html"))) return { contentDir, dist };
  rmSync(base, { recursive: true, force: true });
  mkdirSync(join(contentDir, "weeks"), { recursive: true });
  for (const w of generateCorpus({ count, seed, skipWeeks: ["2024-W17"] })) writeFileSync(join(contentDir, "weeks", w.fileName), w.source);
  copyFileSync("content/weeks/2024-W17.mdx", join(contentDir, "weeks", "2024-W17.mdx"));
  for (const [file, source] of Object.entries(options.extraWeeks ?? {})) writeFileSync(join(contentDir, "weeks", file), source);
  for (const f of ["projects.yaml", "objectives.yaml", "metrics.yaml"])
    if (existsSync(join("content", f))) copyFileSync(join("content", f), join(contentDir, f));
  execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", resolve(dist)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...options.env, NODE_ENV: "production", WEEKLY_ARCHIVE_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  return { contentDir, dist };
}

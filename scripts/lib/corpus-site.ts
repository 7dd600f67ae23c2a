/**
 * Corpus sites: a content folder of generated weeks next to the site's seed week and registry files,
 * and the site built from it. The e2e tests, `npm run search-quality` and `npm run bench` all write
 * and build their corpora here, so every one of them builds with the same environment as
 * `npm run build` does — only the content folder, the output folder and what a caller asks for differ.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateCorpus } from "./generate-corpus.ts";

/** The seed week: copied into every corpus as written, so the generator leaves its week free. */
export const SEED_WEEK = "2024-W17";
const REGISTRY_FILES = ["projects.yaml", "objectives.yaml", "metrics.yaml"];

/**
 * Where a corpus's generated weeks come from: `count` weeks, none of them in `skipWeeks`. The
 * seed-shaped generator by default; another one (a real-prose generator, issue 13) plugs in here.
 */
export type WeekSource = (options: { count: number; skipWeeks: string[] }) => Iterable<{ fileName: string; source: string }>;

export interface CorpusContent {
  /** Generated weeks, besides the seed week. */
  count: number;
  /** Seed of the generator's random numbers; default 1. */
  seed?: number;
  /** The first generated week; default the generator's (2019-W01). */
  startWeek?: string;
  /** Paragraphs of prose with spaces, Latin words, numbers and punctuation (search quality). */
  prose?: boolean;
  /** Weeks the generator leaves free, e.g. for `extraWeeks` (the seed's always is). */
  skipWeeks?: readonly string[];
  /** More week files by file name (`2016-W01.mdx`), written after the generated ones and the seed. */
  extraWeeks?: Readonly<Record<string, string>>;
  /** Another source of generated weeks; `seed`, `startWeek` and `prose` are then its business. */
  weeks?: WeekSource;
}

/**
 * Rewrites `contentDir` from scratch: the generated weeks, the seed week and the registry files of
 * `root`/content. Deterministic: the same options write the same bytes.
 */
export function writeCorpus(contentDir: string, content: CorpusContent, root = "."): void {
  const weeksDir = join(contentDir, "weeks");
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(weeksDir, { recursive: true });
  const skipWeeks = [SEED_WEEK, ...(content.skipWeeks ?? [])];
  const weeks: WeekSource = content.weeks ?? ((o) => generateCorpus({ ...o, seed: content.seed ?? 1, startWeek: content.startWeek, prose: content.prose }));
  for (const w of weeks({ count: content.count, skipWeeks })) writeFileSync(join(weeksDir, w.fileName), w.source);
  copyFileSync(join(root, "content", "weeks", `${SEED_WEEK}.mdx`), join(weeksDir, `${SEED_WEEK}.mdx`));
  for (const [file, source] of Object.entries(content.extraWeeks ?? {})) writeFileSync(join(weeksDir, file), source);
  for (const f of REGISTRY_FILES) if (existsSync(join(root, "content", f))) copyFileSync(join(root, "content", f), join(contentDir, f));
}

export interface SiteBuild {
  /** The content folder, as WEEKLY_ARCHIVE_CONTENT takes it (relative to the repository root). */
  contentDir: string;
  outDir: string;
  /** Site settings for this build only, e.g. `SITE`, `WEEKLY_ARCHIVE_PUBLIC: "1"`, `GITHUB_REPOSITORY`. */
  env?: Readonly<Record<string, string>>;
  /** Another Astro config (`astro build --config`). */
  config?: string;
}

/**
 * Inherited variables a corpus build must not see: Vitest's and Vite's mode flags (inherited, they
 * make Astro build in dev mode, re-parsing the archive for every page — minutes instead of seconds),
 * and the site's own settings, so a corpus site depends on its corpus and the caller's `env` only,
 * the same on a laptop and under GitHub Actions.
 */
const NOT_INHERITED = /^(VITEST.*|TEST|DEV|PROD|MODE|SSR|BASE_URL|NODE_ENV|SITE|SITE_.*|BASE_PATH|GITHUB_.*|WEEKLY_ARCHIVE_.*)$/;

/** The environment of a site build: the user's, less NOT_INHERITED, plus the content folder and `env`. */
export function siteBuildEnv(build: Pick<SiteBuild, "contentDir" | "env">): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!NOT_INHERITED.test(key)) env[key] = value;
  return { ...env, ASTRO_TELEMETRY_DISABLED: "1", ...build.env, WEEKLY_ARCHIVE_CONTENT: build.contentDir };
}

/** What follows `astro build` (or `npm run build --`): the output folder and the config. */
export function siteBuildArgs(build: Pick<SiteBuild, "outDir" | "config">): string[] {
  return ["--outDir", resolve(build.outDir), ...(build.config ? ["--config", build.config] : [])];
}

/** `astro build` on the project's Node, as a command line for a caller that runs it itself. */
export function siteBuildCommand(build: SiteBuild): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  return { command: process.execPath, args: ["node_modules/astro/bin/astro.mjs", "build", ...siteBuildArgs(build)], env: siteBuildEnv(build) };
}

/** Builds the site, Astro's errors on stderr; throws when the build fails. Returns its wall time (ms). */
export function buildSite(build: SiteBuild): number {
  const started = performance.now();
  const { command, args, env } = siteBuildCommand(build);
  execFileSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env });
  return performance.now() - started;
}

export interface CorpusSite {
  /** tmp/<name>, relative to the repository root. */
  dir: string;
  /** What WEEKLY_ARCHIVE_CONTENT takes. */
  contentDir: string;
  dist: string;
  /** Wall time of the build, or 0 when an existing build was reused. */
  buildMs: number;
}

export interface CorpusSiteOptions extends Pick<SiteBuild, "env" | "config"> {
  /** Keep an earlier build of tmp/<name> when it has a home page (SKIP_BUILD=1 in the e2e tests). */
  reuse?: boolean;
}

/** Writes the corpus into tmp/<name>/content and builds it into tmp/<name>/dist. */
export function buildCorpusSite(name: string, content: CorpusContent, options: CorpusSiteOptions = {}): CorpusSite {
  const dir = join("tmp", name);
  const site = { dir, contentDir: join(dir, "content"), dist: join(dir, "dist") };
  if (options.reuse && existsSync(join(site.dist, "index.html"))) return { ...site, buildMs: 0 };
  rmSync(dir, { recursive: true, force: true });
  writeCorpus(site.contentDir, content);
  return { ...site, buildMs: buildSite({ contentDir: site.contentDir, outDir: site.dist, env: options.env, config: options.config }) };
}

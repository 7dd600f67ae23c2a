import { findBrokenLinks } from "./links.ts";
import { findUnsafeUrls } from "./urls.ts";
import { findCodeInContent, findExpressionsInImageAlt, parseMdx } from "./mdx.ts";
import { readFrontmatter } from "./frontmatter.ts";
import { findTooDeepNode, readWeekSource, type WeekSource } from "../report/week-source.ts";
import { PLACEHOLDER_PATTERN, TEMPLATE_PLACEHOLDER } from "./placeholder.ts";
import type { Root } from "mdast";
import type { Problem } from "./problem.ts";
import { findSlugCollisions, findUnknownProjects, listedProjectNames } from "./projects.ts";
import { emptyRegistry, type Registry } from "../registry.ts";
import { isWeekId } from "../week-id.ts";

export interface WeekFile {
  /** Path as shown to the author, relative to the repository root, `/`-separated. */
  path: string;
  source: string;
  /** Why the file was not read (invalid UTF-8, a symlink out of the repository…): reported instead of any check of its text. */
  unreadable?: Problem;
}

/** A week that exists outside the files being checked (the rest of the tree). */
export type KnownWeek = string | { week: string; file: string };

export interface ValidateContext {
  /** Registered projects (content/projects.yaml); enables the "did you mean" warnings. */
  registry?: Registry;
  /** Where the registry lives, for messages. */
  registryFile?: string;
  /** Weeks beyond `files`: link targets, and duplicate partners when they carry a file. */
  knownWeeks?: readonly KnownWeek[];
  /** Files under public/ as site paths (`/files/a.pdf`), valid link targets. */
  publicFiles?: Iterable<string>;
  /** JSX elements the site injects; defaults to ALLOWED_ELEMENTS. */
  allowedElements?: readonly string[];
  /** The weeks folder as written in `path`s (`content/weeks`); files outside it directly are reported. */
  weeksDir?: string;
  /** Called with each week tree that parsed, after the checks read it (the build hands it to the site's parser). */
  onParsedWeek?: (week: ParsedWeekTree) => void;
  /** Remembers body problems between builds (see integrations/week-cache.ts); a hit skips the MDX parse. */
  bodyCache?: BodyCheckCache;
}

/**
 * Body problems by key. `key[0]` is the same for every file of one check (what all bodies read:
 * week ids, registry, public files); the rest name the file and its text.
 */
export interface BodyCheckCache {
  get(key: readonly string[]): Problem[] | undefined;
  set(key: readonly string[], problems: Problem[]): void;
}

/** A week file's MDX tree as the check parsed it: `text` is the source with its frontmatter blanked line for line. */
export interface ParsedWeekTree {
  path: string;
  source: string;
  text: string;
  tree: Root;
}

interface FileFacts {
  file: WeekFile;
  /** `week:` as written, when readable. */
  week?: string;
  weekPlace?: { line: number; column: number };
  /** The file as the week reader read it; undefined when it was not read. */
  read?: WeekSource;
  /** Frontmatter `draft: true`: placeholders are expected, not an error. */
  draft?: boolean;
}

/** One week body to check: what `checkWeekBody` needs, plain data so another thread can take it. */
export interface BodyJob {
  path: string;
  source: string;
  /** The week the page shows (`week:` as written, else the file name): links to it are relative to it. */
  week: string;
  /** Frontmatter `draft: true`: placeholders are a warning, not an error. */
  draft: boolean;
}

/** The set-wide part of a check, split around the body checks so those can run anywhere (see integrations/week-workers.ts). */
export interface WeekCheckRun {
  /** Bodies still to check, in file order; bodies remembered by `ctx.bodyCache` are not among them. */
  bodies: BodyJob[];
  /** Every week id of the set and of `ctx.knownWeeks`: what links may point to. */
  weeks: ReadonlySet<string>;
  /** All problems, given each of `bodies`' problems in the same order. */
  finish(found: readonly (readonly Problem[])[]): Problem[];
}

/** Reads every file's frontmatter and plans its body check; nothing is parsed as MDX yet. */
export function startWeekCheck(files: readonly WeekFile[], ctx: ValidateContext = {}): WeekCheckRun {
  const problems: Problem[] = [];
  const facts: FileFacts[] = [];
  const knownWeekIds = new Set<string>();
  for (const known of ctx.knownWeeks ?? []) knownWeekIds.add(typeof known === "string" ? known : known.week);
  for (const file of files) {
    const fact = readFacts(file, problems, ctx);
    facts.push(fact);
    knownWeekIds.add(fact.week ?? baseName(file.path).replace(/\.mdx$/, ""));
  }
  const cache = ctx.bodyCache;
  const shared =
    cache &&
    JSON.stringify([
      [...knownWeekIds].sort(),
      ctx.registry ?? null,
      ctx.registryFile ?? null,
      ctx.publicFiles ? [...ctx.publicFiles].sort() : null,
      ctx.allowedElements ?? null,
    ]);
  const keyOf = (fact: FileFacts) => (shared === undefined ? undefined : [shared, fact.file.path, fact.file.source]);
  const remembered = facts.map((fact) => {
    const key = keyOf(fact);
    return key && cache!.get(key);
  });
  const pending = facts.filter((fact, i) => !remembered[i] && hasBody(fact));
  return {
    bodies: pending.map((fact) => {
      const job: BodyJob = { path: fact.file.path, source: fact.file.source, week: pageWeekOf(fact), draft: fact.draft === true };
      readOfJob.set(job, fact.read!);
      return job;
    }),
    weeks: knownWeekIds,
    finish(found) {
      const byFact = new Map(pending.map((fact, i) => [fact, found[i] ?? []]));
      facts.forEach((fact, i) => {
        const cached = remembered[i];
        if (cached) return problems.push(...cached);
        const body = [...(byFact.get(fact) ?? [])];
        const key = keyOf(fact);
        if (key) cache!.set(key, body);
        problems.push(...body);
      });
      problems.push(...findDuplicates(facts, ctx.knownWeeks ?? []));
      const mentions = facts.flatMap((f) => (f.read ? listedProjectNames(f.read.split.text).map((m) => ({ ...m, file: f.file.path })) : []));
      problems.push(...findSlugCollisions(mentions, ctx.registry ?? emptyRegistry, ctx.registryFile));
      return problems;
    },
  };
}

/** Checks week files as a set (duplicates, links between weeks); pure: no fs, nothing evaluated. */
export function validateWeekFiles(files: readonly WeekFile[], ctx: ValidateContext = {}): Problem[] {
  const run = startWeekCheck(files, ctx);
  return run.finish(
    run.bodies.map((job) => {
      const { problems, tree } = checkWeekBody(job, run.weeks, ctx);
      if (tree) ctx.onParsedWeek?.(tree);
      return problems;
    }),
  );
}

function readFacts(file: WeekFile, problems: Problem[], ctx: ValidateContext): FileFacts {
  const name = baseName(file.path);
  if (file.unreadable) {
    problems.push(file.unreadable);
    return { file };
  }
  if (!name.endsWith(".mdx")) {
    problems.push({
      file: file.path,
      field: "file",
      severity: "error",
      message: `weeks/ 里只能放周报 .mdx 文件，${name} 不会出现在站点上 (not a .mdx week file)`,
      hint: /\.(md|markdown|txt)$/i.test(name)
        ? `改名为 ${name.replace(/\.[^.]+$/, ".mdx")}，或用 npm run import -- ${file.path} 导入`
        : "把它移出 weeks/ 目录",
    });
    return { file };
  }
  if (ctx.weeksDir !== undefined && dirName(file.path) !== ctx.weeksDir.replace(/\/+$/, "")) {
    problems.push({
      file: file.path,
      field: "file",
      severity: "error",
      message: `周报要直接放在 ${ctx.weeksDir}/ 下，不能放在子目录里 (week files must not be nested)`,
      hint: `移动到 ${ctx.weeksDir}/${name}`,
    });
  }
  const read = readWeekSource(file.source);
  for (const p of read.problems) problems.push({ file: file.path, severity: "error", ...p });
  const block = read.split.frontmatter;
  if (!block || !read.frontmatter?.valid) return { file, read };
  const fm = readFrontmatter(file.path, block, read.frontmatter);
  problems.push(...fm.problems);
  const fact: FileFacts = { file, week: fm.rawWeek, weekPlace: fm.weekPlace, read, draft: fm.data?.draft === true };
  const stem = name.replace(/\.mdx$/, "");
  if (fm.rawWeek !== undefined && fm.rawWeek !== stem) {
    problems.push({
      file: file.path,
      ...(fm.weekPlace ?? { line: 2 }),
      field: "week",
      severity: "error",
      message: `文件名 ${name} 与 week: ${fm.rawWeek} 不一致 (file name must equal week)`,
      hint:
        fm.rawWeek.toLowerCase() === stem.toLowerCase()
          ? `大小写也要一致：把文件改名为 ${fm.rawWeek}.mdx`
          : isWeekId(stem)
            ? `把文件改名为 ${fm.rawWeek}.mdx，或把 week 改成 ${stem}（以作者标注的周为准）`
            : `把文件改名为 ${fm.rawWeek}.mdx`,
    });
  }
  return fact;
}

/** The frontmatter pass's reading of each job it made, so a body checked in the same thread is not read twice. */
const readOfJob = new WeakMap<BodyJob, WeekSource>();

function hasBody(fact: FileFacts): boolean {
  return fact.file.path.endsWith(".mdx") && fact.read !== undefined;
}

function pageWeekOf(fact: FileFacts): string {
  return fact.week ?? baseName(fact.file.path).replace(/\.mdx$/, "");
}

/**
 * One week body against the rules (no code, safe URLs, links that resolve, known projects, no
 * placeholder left), with the MDX tree it parsed for whoever reads the week next.
 */
export function checkWeekBody(job: BodyJob, weeks: ReadonlySet<string>, ctx: ValidateContext): { problems: Problem[]; tree?: ParsedWeekTree } {
  const read = readOfJob.get(job) ?? readWeekSource(job.source);
  const split = read.split;
  // A file with no frontmatter is still checked as MDX; an unclosed one has no body to check.
  if (split.missing === "unclosed" || split.text.length === 0 || !read.bodyParseable) return { problems: [] };
  const text = split.paddedBody;
  const parsed = parseMdx(job.path, text);
  if (!parsed.ok) return { problems: [parsed.problem] };
  const deep = findTooDeepNode(parsed.tree);
  if (deep) return { problems: [{ file: job.path, severity: "error", ...deep }] };
  const problems = [
    ...findCodeInContent(job.path, parsed.tree, ctx.allowedElements),
    ...findExpressionsInImageAlt(job.path, parsed.tree, text),
    ...findUnsafeUrls(job.path, parsed.tree),
    ...findBrokenLinks(job.path, parsed.tree, job.week, {
      weeks,
      publicFiles: ctx.publicFiles ? new Set(ctx.publicFiles) : undefined,
    }),
    ...findUnknownProjects(job.path, parsed.tree, ctx.registry ?? emptyRegistry, ctx.registryFile),
    ...findPlaceholders(job.path, split.text, job.draft),
  ];
  return { problems, tree: { path: job.path, source: job.source, text, tree: parsed.tree } };
}

/**
 * Placeholders left by `npm run new`: expected in a draft (a warning, so the author sees what is
 * left), an error in a week that would be published, so an unfinished week never goes out.
 */
function findPlaceholders(path: string, text: string, draft: boolean): Problem[] {
  const lines = text.split("\n");
  const hits = lines.flatMap((l, i) => (PLACEHOLDER_PATTERN.test(l) ? [i + 1] : []));
  if (hits.length === 0) return [];
  return [
    {
      file: path,
      line: hits[0],
      column: lines[hits[0]! - 1]!.search(PLACEHOLDER_PATTERN) + 1,
      field: "template",
      severity: draft ? "warning" : "error",
      message: draft
        ? `草稿还有 ${hits.length} 处模板占位符“${TEMPLATE_PLACEHOLDER}”（第 ${hits.join("、")} 行）；草稿不会发布 (draft: ${hits.length} template placeholders left)`
        : `还有 ${hits.length} 处模板占位符“${TEMPLATE_PLACEHOLDER}”（第 ${hits.join("、")} 行），这一周会带着空白发布 (template placeholders left in a week that is not a draft)`,
      hint: draft
        ? "写完后把每个占位符换成内容（或删掉用不到的行），再删除 frontmatter 里的 draft: true"
        : "把每个占位符换成本周内容，或删掉用不到的行；还没写完就在 frontmatter 里加 draft: true",
    },
  ];
}

function findDuplicates(facts: readonly FileFacts[], known: readonly KnownWeek[]): Problem[] {
  const checked = new Set(facts.map((f) => f.file.path));
  const byWeek = new Map<string, string[]>();
  const add = (week: string, file: string) => {
    const list = byWeek.get(week) ?? [];
    if (!list.includes(file)) list.push(file);
    byWeek.set(week, list);
  };
  for (const f of facts) if (f.week !== undefined) add(f.week, f.file.path);
  for (const k of known) if (typeof k !== "string" && !checked.has(k.file)) add(k.week, k.file);
  const problems: Problem[] = [];
  for (const f of facts) {
    if (f.week === undefined) continue;
    const others = (byWeek.get(f.week) ?? []).filter((p) => p !== f.file.path);
    if (others.length === 0) continue;
    problems.push({
      file: f.file.path,
      ...f.weekPlace,
      field: "week",
      severity: "error",
      message: `week: ${f.week} 重复：${others.join("、")} 也是这一周 (duplicate week)`,
      hint: "每周只能有一个文件：合并内容后删除多余的文件，或改正其中一个的 week 和文件名",
    });
  }
  return problems;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function dirName(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

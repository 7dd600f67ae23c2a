import { existsSync, lstatSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { z } from "astro/zod";
import { parse } from "yaml";
import { metricsFileSchema, type MetricEntry } from "../metric-registry.ts";
import { emptyRegistry, objectivesFileSchema, projectsFileSchema, type Registry } from "../registry.ts";
import type { Problem } from "./problem.ts";
import { findRegistryConflicts, validateYamlFile } from "./registry-files.ts";
import { boundaryOf, listWeekTree, resolveInside, scanPublicDir } from "./repo-files.ts";
import { decodeWeekBytes } from "../report/week-source.ts";
import { defaultShape, loadShape, SHAPE_FILE, shapeFileSchema } from "../report/shape.ts";
import { checkReports } from "./report-checks.ts";
import { checkWeekBody, startWeekCheck, type BodyJob, type ParsedWeekTree, type ValidateContext, type WeekFile } from "./validate-week-files.ts";

/** `/`-separated path relative to `cwd`, as authors see it in messages. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(file));
  return (rel.startsWith("..") ? resolve(file) : rel).split(sep).join("/");
}

/**
 * Every entry under `dir` (recursively); .mdx files are read, the rest is listed to be rejected.
 * Dotfiles, symlinks out of the repository or in a loop, and folders or devices named like weeks come
 * back unread with the reason (see repo-files.ts); nothing is skipped silently.
 */
export function loadWeekFiles(dir: string, cwd = process.cwd()): WeekFile[] {
  if (!existsSync(dir)) return [];
  return listWeekTree(dir, boundaryOf(dir, cwd)).map((entry) => {
    const path = displayPath(entry.path, cwd);
    return entry.problem ? { path, source: "", unreadable: { file: path, ...entry.problem } } : { path, source: entry.source ?? "" };
  });
}

/** A file named on the command line, read only when it resolves inside the repository (or content folder). */
function loadGivenFile(shown: string, root: string, boundary: string): WeekFile {
  const full = resolve(root, shown);
  if (lstatSync(full).isSymbolicLink() || !statSync(full).isFile()) {
    const resolved = resolveInside(full, boundary);
    if (!resolved.ok) return { path: shown, source: "", unreadable: { file: shown, ...resolved.problem } };
    if (!resolved.stats.isFile()) {
      return {
        path: shown,
        source: "",
        unreadable: { file: shown, field: "file", severity: "error", message: "不是普通文件 (not a regular file)", hint: "检查路径：周报是一个 .mdx 文件" },
      };
    }
  }
  if (!shown.endsWith(".mdx")) return { path: shown, source: "" };
  const decoded = decodeWeekBytes(readFileSync(full));
  return decoded.ok ? { path: shown, source: decoded.text } : { path: shown, source: "", unreadable: { file: shown, severity: "error", ...decoded.problem } };
}

/** projects.yaml and objectives.yaml when present and valid; a broken file is reported by the registry check instead. */
export function loadRegistry(contentDir: string): Registry {
  const read = <T>(name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | undefined => {
    const file = join(contentDir, name);
    if (!existsSync(file)) return undefined;
    try {
      const parsed = schema.safeParse(parse(readFileSync(file, "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const shape = loadShape(contentDir);
  return {
    projects: read("projects.yaml", projectsFileSchema) ?? emptyRegistry.projects,
    objectives: read("objectives.yaml", objectivesFileSchema) ?? emptyRegistry.objectives,
    ...(shape === defaultShape ? {} : { shape }),
  };
}

/** metrics.yaml entries when present and valid. */
export function loadMetrics(contentDir: string): MetricEntry[] | undefined {
  const file = join(contentDir, "metrics.yaml");
  if (!existsSync(file)) return undefined;
  try {
    const parsed = metricsFileSchema.safeParse(parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Site paths of files under public/ (`/files/a.pdf`), valid targets for links in weeks; unsafe entries left out (see publicDirProblems). */
export function listPublicFiles(publicDir: string, root = process.cwd()): string[] {
  if (!existsSync(publicDir)) return [];
  return scanPublicDir(publicDir, root).files;
}

/** Symlinks out of the repository, loops and other entries under public/ that the build must not copy. */
export function publicDirProblems(publicDir: string, root = process.cwd()): Problem[] {
  if (!existsSync(publicDir)) return [];
  return scanPublicDir(publicDir, root).problems.map(({ path, ...p }) => ({ file: displayPath(path, root), ...p }));
}

/** Everything the week validator needs to know about the repository around the weeks. */
export function loadValidateContext(contentDir: string, root = process.cwd()): ValidateContext {
  return {
    registry: loadRegistry(contentDir),
    registryFile: displayPath(join(contentDir, "projects.yaml"), root),
    publicFiles: listPublicFiles(join(root, "public"), root),
    weeksDir: displayPath(join(contentDir, "weeks"), root),
  };
}

export interface ContentCheck {
  /** Files that were checked (weeks and registry files). */
  checked: string[];
  problems: Problem[];
}

const REGISTRY_FILES: Record<string, z.ZodType | undefined> = {
  "projects.yaml": projectsFileSchema,
  "objectives.yaml": objectivesFileSchema,
  "metrics.yaml": metricsFileSchema,
  [SHAPE_FILE]: shapeFileSchema,
};

/** projects.yaml, objectives.yaml and metrics.yaml, when present: YAML syntax and their schemas. */
export function validateRegistryFiles(contentDir: string, root = process.cwd()): ContentCheck {
  const checked: string[] = [];
  const problems: Problem[] = [];
  for (const [name, schema] of Object.entries(REGISTRY_FILES)) {
    const file = join(contentDir, name);
    if (!existsSync(file)) continue;
    const shown = displayPath(file, root);
    checked.push(shown);
    // A registry file that is a symlink out of the repository is refused unread (its bytes would be quoted in YAML errors).
    const resolved = resolveInside(file, boundaryOf(contentDir, root));
    if (!resolved.ok) {
      problems.push({ file: shown, ...resolved.problem });
      continue;
    }
    const source = readFileSync(file, "utf8");
    problems.push(...validateYamlFile(shown, source, schema));
    if (name === "projects.yaml" || name === "objectives.yaml")
      problems.push(...findRegistryConflicts(shown, source, name === "projects.yaml" ? "projects" : "objectives"));
  }
  return { checked, problems };
}

export interface CheckOptions {
  /** Report problems for these files only; they are still checked together with the tree. */
  only?: readonly string[];
  /** Also run the site's week parser and the metric cross-check (the build runs the parser itself). */
  deep?: boolean;
  /** Body problems remembered from an earlier check (see ValidateContext.bodyCache). */
  bodyCache?: ValidateContext["bodyCache"];
}

/** A check of the content folder, split around its week bodies like WeekCheckRun (the build checks bodies on worker threads). */
export interface ContentCheckRun {
  /** Every file of the weeks folder as read (and the files named by `only`). */
  weekFiles: WeekFile[];
  bodies: BodyJob[];
  weeks: ReadonlySet<string>;
  /** What every body check reads besides its file: registry, public files, allowed elements. */
  context: ValidateContext;
  /** The whole check, given each body's problems in `bodies` order; `trees` serve the deep check. */
  finish(found: readonly (readonly Problem[])[], trees?: ReadonlyMap<string, { text: string; tree: ParsedWeekTree["tree"] }>): ContentCheck;
}

/** Reads the content folder and every week's frontmatter; the bodies are left to the caller. */
export function startContentCheck(contentDir: string, root = process.cwd(), options: CheckOptions = {}): ContentCheckRun {
  const weeksDir = join(contentDir, "weeks");
  if (!existsSync(weeksDir)) {
    const missingDir: ContentCheck = {
      checked: [],
      problems: [
        {
          file: displayPath(weeksDir, root),
          field: "file",
          severity: "error",
          message: "找不到周报目录 (weeks folder not found)",
          hint: "检查 WEEKLY_ARCHIVE_CONTENT 或 src/site.config.ts 的 contentDir；周报放在 <contentDir>/weeks/ 下",
        },
      ],
    };
    return { weekFiles: [], bodies: [], weeks: new Set(), context: {}, finish: () => missingDir };
  }
  const tree = loadWeekFiles(weeksDir, root);
  const ctx = loadValidateContext(contentDir, root);
  const registry = validateRegistryFiles(contentDir, root);
  const given = options.only?.map((f) => displayPath(f, root));
  const present = given?.filter((f) => existsSync(resolve(root, f)));
  const missing: Problem[] = (given ?? [])
    .filter((f) => !present!.includes(f))
    .map((f) => ({
      file: f,
      field: "file",
      severity: "error",
      message: "文件不存在 (file not found)",
      hint: "检查路径，例如 npm run check -- content/weeks/2024-W17.mdx",
    }));
  const files = present ? [...tree.filter((f) => !present.includes(f.path)), ...present.map((f) => loadGivenFile(f, root, boundaryOf(weeksDir, root)))] : tree;
  const context: ValidateContext = { ...ctx, bodyCache: options.bodyCache };
  // Explicit files may live outside weeks/ (a draft); nesting only matters for the tree itself.
  const run = startWeekCheck(files, present ? { ...context, weeksDir: undefined } : context);
  const reported = (p: Problem) => !present || present.includes(p.file);
  return {
    weekFiles: files,
    bodies: run.bodies,
    weeks: run.weeks,
    context,
    finish(found, trees) {
      const validated = run.finish(found);
      const problems = [...missing, ...validated.filter(reported), ...registry.problems, ...publicDirProblems(join(root, "public"), root)];
      if (options.deep) {
        const failed = new Set(validated.filter((p) => p.severity === "error").map((p) => p.file));
        const parseable = files.filter((f) => reported({ file: f.path } as Problem) && !failed.has(f.path));
        problems.push(...checkReports(parseable, ctx.registry ?? loadRegistry(contentDir), loadMetrics(contentDir), trees));
      }
      return { checked: [...(given ?? tree.map((f) => f.path)), ...registry.checked], problems };
    },
  };
}

/** The whole content folder, as the build sees it. */
export function checkContentDir(contentDir: string, root = process.cwd(), options: CheckOptions = {}): ContentCheck {
  const run = startContentCheck(contentDir, root, options);
  // The deep check reads each week with the tree validation already parsed: one MDX parse per week.
  const trees = new Map<string, { text: string; tree: ParsedWeekTree["tree"] }>();
  const found = run.bodies.map((job) => {
    const { problems, tree } = checkWeekBody(job, run.weeks, run.context);
    if (tree && options.deep) trees.set(tree.path, { text: tree.text, tree: tree.tree });
    return problems;
  });
  return run.finish(found, trees);
}

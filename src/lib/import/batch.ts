import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import type { WeekId } from "../week-id.ts";
import { importWeek, ImportError, type ImportedWeek } from "./import-week.ts";

/** One export to import, with the directory argument it was found under (links resolve within it). */
export interface BatchInput {
  /** Absolute path. */
  path: string;
  /** The directory given on the command line, or the file's own directory. */
  root: string;
  source: string;
}

export interface BatchOptions {
  /** `--week`: only with a single input. */
  week?: string;
  /** `--weeks FILE`: weeks chosen by hand, by file name or path (settles clashes and undated files). */
  weekMap?: ReadonlyMap<string, string>;
  /** `--link-base URL`. */
  linkBase?: string;
  /** Called after each input of each pass (`read`: finding weeks, `convert`: the final conversion). */
  onProgress?: (done: number, total: number, pass: "read" | "convert") => void;
  /** Rewrites of local image URLs by input path (second pass of the CLI after copying images). */
  imageUrls?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

export interface PlannedWeek {
  input: BatchInput;
  result: ImportedWeek;
}

export interface WeekClash {
  week: WeekId;
  /** Every input that reads as this week, with where its date came from. */
  files: { path: string; from: string }[];
}

export interface ImportPlan {
  weeks: PlannedWeek[];
  refused: { input: BatchInput; message: string }[];
  /** Non-empty means nothing may be written. */
  clashes: WeekClash[];
}

/**
 * Every export of one import, read against all the others: each gets its week first, so a relative
 * link to another export can point at that week's page; two exports in one ISO week are a clash the
 * author settles (`--week` for one file, `--weeks` for many) before anything is written.
 */
export function planImport(inputs: readonly BatchInput[], options: BatchOptions = {}): ImportPlan {
  if (options.week !== undefined && inputs.length > 1) throw new ImportError("--week 只能配合一个文件使用 (--week takes a single file)");
  const refused: ImportPlan["refused"] = [];
  const firstPass: PlannedWeek[] = [];
  inputs.forEach((input, n) => {
    try {
      firstPass.push({ input, result: importWeek(input.source, weekOptions(input, options)) });
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      refused.push({ input, message: e.message });
    }
    options.onProgress?.(n + 1, inputs.length, "read");
  });

  const byWeek = new Map<WeekId, PlannedWeek[]>();
  for (const p of firstPass) byWeek.set(p.result.week, [...(byWeek.get(p.result.week) ?? []), p]);
  const clashes: WeekClash[] = [...byWeek]
    .filter(([, ps]) => ps.length > 1)
    .map(([week, ps]) => ({
      week,
      files: ps.map((p) => ({ path: p.input.path, from: p.result.detected ? `${p.result.detected.from}` : "--weeks" })),
    }));
  if (clashes.length > 0) return { weeks: [], refused, clashes };

  const weekOfPath = new Map(firstPass.map((p) => [p.input.path, p.result.week]));
  const weekOf = (path: string): WeekId | undefined => weekOfPath.get(path) ?? weekOfPath.get(`${path}.md`);
  const weeks = firstPass.map(({ input }, n) => {
    const result = importWeek(input.source, {
      ...weekOptions(input, options),
      imageUrls: options.imageUrls?.get(input.path),
      links: { file: input.path, root: input.root, weekOf, linkBase: options.linkBase },
    });
    options.onProgress?.(n + 1, firstPass.length, "convert");
    return { input, result };
  });
  return { weeks, refused, clashes };
}

function weekOptions(input: BatchInput, options: BatchOptions) {
  const mapped = options.weekMap && mappedWeek(options.weekMap, input);
  return { week: options.week ?? mapped, fileName: basename(input.path) };
}

/** A `--weeks` entry names a file by its path relative to the root, its path as given, or its name. */
function mappedWeek(map: ReadonlyMap<string, string>, input: BatchInput): string | undefined {
  const rel = relative(input.root, input.path).split(sep).join("/");
  return map.get(rel) ?? map.get(input.path) ?? map.get(basename(input.path));
}

/**
 * `--weeks FILE`: lines `file<TAB>week` (or separated by spaces/commas); a header line naming the
 * columns `file` and `week` may put them anywhere, as in a corpus's weeks.tsv.
 */
export function parseWeekMap(text: string): Map<string, string> {
  const rows = text
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split(l.includes("\t") ? "\t" : /[\s,]+/).map((c) => c.trim()));
  let fileCol = 0;
  let weekCol = 1;
  if (rows[0] && rows[0].includes("file") && rows[0].includes("week")) {
    fileCol = rows[0].indexOf("file");
    weekCol = rows[0].indexOf("week");
    rows.shift();
  }
  const map = new Map<string, string>();
  for (const r of rows) if (r[fileCol] && r[weekCol]) map.set(r[fileCol]!, r[weekCol]!);
  return map;
}

/** Files to import from the command line: files as given, directories walked for .md/.mdx in name order. */
export function collectInputs(args: readonly string[]): { files: { path: string; root: string }[]; skipped: string[] } {
  const files: { path: string; root: string }[] = [];
  const skipped: string[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      skipped.push(`${arg}：文件不存在 (no such file)`);
      continue;
    }
    if (!stat.isDirectory()) {
      if (stat.isFile()) files.push({ path, root: resolve(path, "..") });
      else skipped.push(`${arg}：不是文件也不是目录（设备或管道），请给出导出的 .md 文件或目录 (not a file)`);
      continue;
    }
    const root = realpathSync(path);
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const full = join(dir, name);
        const link = lstatSync(full);
        if (link.isSymbolicLink()) {
          // A link may point anywhere; only files that stay inside the directory are imported.
          let real: string;
          try {
            real = realpathSync(full);
          } catch {
            skipped.push(`${full}：断开的符号链接，跳过`);
            continue;
          }
          if (!real.startsWith(root + sep)) {
            skipped.push(`${full}：符号链接指向目录之外，跳过 (symlink leaves the directory)`);
            continue;
          }
          if (statSync(real).isFile() && /\.mdx?$/i.test(name)) files.push({ path: full, root: path });
          continue;
        }
        if (link.isDirectory()) walk(full);
        else if (link.isFile() && /\.mdx?$/i.test(name)) files.push({ path: full, root: path });
      }
    };
    walk(path);
  }
  return { files, skipped };
}

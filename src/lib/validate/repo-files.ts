/**
 * What the check may read under content/ and public/: nothing outside the repository, nothing that is
 * not a regular file, and nothing skipped without a word. A symlink in public/ was copied into dist/,
 * a symlink loop crashed the check, a symlinked week outside the repository passed the check, and a
 * dotfile week vanished; each is now a problem naming the path.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { decodeWeekBytes } from "../report/week-source.ts";
import type { Problem } from "./problem.ts";

/** A path the check may read, or why not. */
export type Resolved = { ok: true; real: string; stats: Stats } | { ok: false; problem: Omit<Problem, "file"> };

/** The folder no file may resolve outside of: the repository, or the content folder when it lies elsewhere. */
export function boundaryOf(dir: string, root: string): string {
  const realRoot = realOrSelf(root);
  const realDir = realOrSelf(dir);
  return isInside(realDir, realRoot) ? realRoot : realDir;
}

export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(".." + sep) && !isAbsolute(rel));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Follows a symlink only when it ends inside `boundary`; never reads the target. */
export function resolveInside(path: string, boundary: string): Resolved {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: {
        field: "file",
        severity: "error",
        message: code === "ELOOP" ? "符号链接形成了循环 (symlink loop)" : "符号链接指向的文件不存在 (broken symlink)",
        hint: "删除这个符号链接，把真正的文件放在这里",
      },
    };
  }
  if (!isInside(real, boundary)) {
    return {
      ok: false,
      problem: {
        field: "file",
        severity: "error",
        message: "符号链接指向仓库之外，不会被读取或发布 (symlink points outside the repository)",
        hint: "删除这个符号链接；要发布的文件请复制到仓库里",
      },
    };
  }
  return { ok: true, real, stats: statSync(real) };
}

export interface WeekTreeEntry {
  /** Absolute path as listed (not resolved). */
  path: string;
  /** The file's text, when it is a readable week file. */
  source?: string;
  /** Why it was not read. */
  problem?: Omit<Problem, "file">;
  /** A dotfile or dot-folder: not read, and not a danger to whoever lists the folder. */
  hidden?: boolean;
}

/**
 * Every entry under the weeks folder: regular files (through symlinks that stay inside `boundary`) are
 * read when they end in .mdx; everything else — dotfiles, dot-folders, folders or devices named like a
 * week, symlinks out of the repository or in a loop — comes back with a problem, unread.
 */
export function listWeekTree(dir: string, boundary: string): WeekTreeEntry[] {
  const out: WeekTreeEntry[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(d, entry.name);
      if (entry.name.startsWith(".")) {
        out.push({ path: full, problem: hiddenProblem(entry.name, entry.isDirectory()), hidden: true });
        continue;
      }
      let stats: Stats = lstatSync(full);
      let real = full;
      if (stats.isSymbolicLink()) {
        const resolved = resolveInside(full, boundary);
        if (!resolved.ok) {
          out.push({ path: full, problem: resolved.problem });
          continue;
        }
        ({ real, stats } = resolved);
        if (stats.isDirectory()) {
          out.push({
            path: full,
            problem: {
              field: "file",
              severity: "error",
              message: "周报目录里不能有指向目录的符号链接 (symlinked folder in the weeks folder)",
              hint: "删除这个符号链接；每周一个 .mdx 文件，直接放在周报目录下",
            },
          });
          continue;
        }
      }
      if (stats.isDirectory()) {
        if (entry.name.endsWith(".mdx")) {
          out.push({
            path: full,
            problem: {
              field: "file",
              severity: "error",
              message: "这是一个目录，不是周报文件 (a folder named like a week)",
              hint: `把目录 ${entry.name} 改名或移走；周报是一个 .mdx 文件`,
            },
          });
          continue;
        }
        visit(full);
        continue;
      }
      if (!stats.isFile()) {
        out.push({
          path: full,
          problem: {
            field: "file",
            severity: "error",
            message: "不是普通文件（设备、管道或套接字），不会被读取 (not a regular file)",
            hint: "删除它；周报是普通的 .mdx 文本文件",
          },
        });
        continue;
      }
      if (!entry.name.endsWith(".mdx")) {
        out.push({ path: full, source: "" });
        continue;
      }
      const decoded = decodeWeekBytes(readFileSync(real));
      out.push(decoded.ok ? { path: full, source: decoded.text } : { path: full, problem: { severity: "error", ...decoded.problem } });
    }
  };
  visit(dir);
  return out;
}

function hiddenProblem(name: string, isDirectory: boolean): Omit<Problem, "file"> {
  const looksLikeWeek = /\.(mdx|md|markdown)$/i.test(name);
  return {
    field: "file",
    // A hidden week is a week someone thinks is published; a hidden folder or `.gitkeep` is said, not failed.
    severity: looksLikeWeek ? "error" : "warning",
    message: isDirectory
      ? `以 . 开头的目录 ${name}/ 会被忽略，里面的周报不会出现在站点上 (hidden folder ignored)`
      : `以 . 开头的文件 ${name} 会被忽略，不会出现在站点上 (hidden file ignored)`,
    hint: looksLikeWeek
      ? `要发布就改名为 ${name.replace(/^\.+/, "")}；还没写完就在 frontmatter 写 draft: true`
      : isDirectory
        ? "草稿放在周报目录下并在 frontmatter 写 draft: true；要发布就把文件移到周报目录下"
        : "不需要就删除它",
  };
}

/**
 * Problems with files under public/, which Astro copies into dist/ as they are: symlinks out of the
 * repository, broken or looping symlinks, and symlinked folders (a loop would copy forever).
 * `files` are the site paths of the files that are fine.
 */
export function scanPublicDir(publicDir: string, root: string): { files: string[]; problems: (Omit<Problem, "file"> & { path: string })[] } {
  const files: string[] = [];
  const problems: (Omit<Problem, "file"> & { path: string })[] = [];
  const boundary = realOrSelf(root);
  const visit = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(d, entry.name);
      let stats = lstatSync(full);
      if (stats.isSymbolicLink()) {
        const resolved = resolveInside(full, boundary);
        if (!resolved.ok) {
          problems.push({ path: full, ...resolved.problem });
          continue;
        }
        stats = resolved.stats;
        if (stats.isDirectory()) {
          problems.push({
            path: full,
            field: "file",
            severity: "error",
            message: "public/ 里不能有指向目录的符号链接 (symlinked folder in public/)",
            hint: "删除这个符号链接，把要发布的文件复制进来",
          });
          continue;
        }
      }
      if (stats.isDirectory()) visit(full);
      else if (stats.isFile()) files.push("/" + relative(publicDir, full).split(sep).join("/"));
      else
        problems.push({
          path: full,
          field: "file",
          severity: "error",
          message: "public/ 里有非普通文件（设备、管道或套接字） (not a regular file)",
          hint: "删除它",
        });
    }
  };
  visit(publicDir);
  return { files, problems };
}

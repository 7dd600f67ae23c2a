import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
// The frontmatter reader and its error, not parse-week.ts: Vite transforms every module the content
// config imports before the first sync, and the whole week parser is not needed to read frontmatter.
import { readFrontmatterData } from "../lib/report/extract/frontmatter.ts";
import { WeekParseError } from "../lib/report/parse-error.ts";
import { decodeWeekBytes } from "../lib/report/week-source.ts";
import { boundaryOf, listWeekTree, resolveInside } from "../lib/validate/repo-files.ts";

/**
 * The weeks collection: one entry per `<dir>/*.mdx`, id = file name without `.mdx` (as written, not
 * lower-cased), data = its frontmatter through the collection schema, body = the file's text.
 *
 * Unlike Astro's glob() loader, it keeps no body and registers no MDX module per week: every page
 * shows a week from the site's own parse of the file (src/data/archive.ts → lib/report), so
 * compiling and bundling 520 MDX modules that no page imports was a third of a 520-week build.
 * The frontmatter is read by the parser's own reader (readFrontmatterData), errors at their file line.
 */
export function weekFilesLoader(dir: string): Loader {
  return {
    name: "weekly-archive:week-files",
    load: async (context) => {
      const { store, watcher, config } = context;
      const root = fileURLToPath(config.root);
      const weeksDir = resolve(root, dir);
      // The same files on the first sync and in the watcher: directly in weeksDir, `.mdx`, no dotfiles.
      const isWeekFile = (path: string) => dirname(resolve(path)) === weeksDir && /^[^.].*\.mdx$/.test(basename(path));
      // The check's own listing (validate/repo-files.ts): symlinks followed only inside the repository,
      // so a week the check read is a week the site shows, and nothing the check refused is read here.
      const boundary = boundaryOf(weeksDir, root);
      const entries = existsSync(weeksDir) ? listWeekTree(weeksDir, boundary) : [];
      // Hidden files are the check's to report; a file that must not be read stops the sync here too.
      const refused = entries.find((e) => e.problem && !e.hidden && e.problem.severity === "error");
      if (refused)
        throw new WeekParseError(
          relative(root, refused.path).split(sep).join("/"),
          undefined,
          undefined,
          `${refused.problem!.message} 修复：${refused.problem!.hint}`,
        );
      const untouched = new Set(store.keys());
      for (const entry of entries) if (isWeekFile(entry.path)) untouched.delete(await storeWeek(context, root, entry.path, boundary));
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      // `astro dev`: follow edits the way the glob loader does.
      const update = (path: string) => {
        if (isWeekFile(path)) void storeWeek(context, root, path, boundaryOf(weeksDir, root)).catch((e) => context.logger.error((e as Error).message));
      };
      watcher.add(weeksDir);
      watcher.on("add", update);
      watcher.on("change", update);
      watcher.on("unlink", (path) => {
        if (isWeekFile(path)) store.delete(idOf(path));
      });
    },
  };
}

function idOf(file: string): string {
  return basename(file).replace(/\.mdx$/, "");
}

/** Stores one week unless its text is unchanged; returns its id. */
async function storeWeek({ store, parseData, generateDigest }: LoaderContext, root: string, file: string, boundary: string): Promise<string> {
  const id = idOf(file);
  const filePath = relative(root, file).split(sep).join("/");
  const resolved = resolveInside(file, boundary);
  if (!resolved.ok) throw new WeekParseError(filePath, undefined, undefined, `${resolved.problem.message} 修复：${resolved.problem.hint}`);
  if (!resolved.stats.isFile()) throw new WeekParseError(filePath, undefined, undefined, "不是普通文件 (not a regular file)");
  // Read at once: weeks are small, and one await per file left the sync waiting 520 times.
  const decoded = decodeWeekBytes(readFileSync(resolved.real));
  if (!decoded.ok) throw new WeekParseError(filePath, decoded.problem.line, undefined, `${decoded.problem.message} 修复：${decoded.problem.hint}`);
  const source = decoded.text;
  const digest = generateDigest(source);
  if (store.get(id)?.digest === digest) return id;
  const { data } = readFrontmatterData(source, filePath);
  // The body is the whole file as read here: the data layer parses it (or finds its parse in the week cache) without reading it again.
  store.set({ id, data: await parseData({ id, data: (data ?? {}) as Record<string, unknown>, filePath: file }), body: source, filePath, digest });
  return id;
}

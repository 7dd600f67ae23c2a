import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { readFrontmatterData, WeekParseError } from "../lib/report/parse-week.ts";
import { decodeWeekBytes } from "../lib/report/week-source.ts";

/**
 * The weeks collection: one entry per `<dir>/*.mdx`, id = file name without `.mdx` (as written, not
 * lower-cased), data = its frontmatter through the collection schema.
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
      const entries = await readdir(weeksDir, { withFileTypes: true }).catch(() => []);
      const files = entries.filter((e) => e.isFile()).map((e) => join(weeksDir, e.name)).filter(isWeekFile);
      const untouched = new Set(store.keys());
      for (const file of files) untouched.delete(await storeWeek(context, root, file));
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      // `astro dev`: follow edits the way the glob loader does.
      const update = (path: string) => {
        if (isWeekFile(path)) void storeWeek(context, root, path).catch((e) => context.logger.error((e as Error).message));
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
async function storeWeek({ store, parseData, generateDigest }: LoaderContext, root: string, file: string): Promise<string> {
  const id = idOf(file);
  const filePath = relative(root, file).split(sep).join("/");
  const decoded = decodeWeekBytes(await readFile(file));
  if (!decoded.ok) throw new WeekParseError(filePath, decoded.problem.line, undefined, `${decoded.problem.message} 修复：${decoded.problem.hint}`);
  const source = decoded.text;
  const digest = generateDigest(source);
  if (store.get(id)?.digest === digest) return id;
  const { data } = readFrontmatterData(source, filePath);
  store.set({ id, data: await parseData({ id, data: (data ?? {}) as Record<string, unknown>, filePath: file }), filePath, digest });
  return id;
}

import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { parse as parseYaml } from "yaml";
import { splitFrontmatter } from "../lib/report/frontmatter.ts";

const WEEK_FILE = /\.mdx$/;

/**
 * The weeks collection: one entry per `<dir>/*.mdx`, id = file name without `.mdx` (as written, not
 * lower-cased), data = its frontmatter through the collection schema.
 *
 * Unlike Astro's glob() loader, it keeps no body and registers no MDX module per week: every page
 * shows a week from the site's own parse of the file (src/data/archive.ts → lib/report), so
 * compiling and bundling 520 MDX modules that no page imports was a third of a 520-week build.
 * The frontmatter is read exactly as the parser and the week check read it (lib/report/frontmatter.ts + yaml).
 */
export function weekFilesLoader(dir: string): Loader {
  return {
    name: "weekly-archive:week-files",
    load: async (context) => {
      const { store, watcher, config } = context;
      const root = fileURLToPath(config.root);
      const weeksDir = resolve(root, dir);
      const names = (await readdir(weeksDir).catch(() => [] as string[])).filter((n) => WEEK_FILE.test(n) && !n.startsWith("."));
      const untouched = new Set(store.keys());
      for (const name of names) {
        await storeWeek(context, root, join(weeksDir, name));
        untouched.delete(idOf(name));
      }
      for (const id of untouched) store.delete(id);

      if (!watcher) return;
      // `astro dev`: follow edits the way the glob loader does.
      const isWeek = (path: string) => resolve(path).startsWith(weeksDir + sep) && WEEK_FILE.test(path);
      const update = (path: string) => {
        if (isWeek(path)) void storeWeek(context, root, path).catch((e) => context.logger.error((e as Error).message));
      };
      watcher.add(weeksDir);
      watcher.on("add", update);
      watcher.on("change", update);
      watcher.on("unlink", (path) => {
        if (isWeek(path)) store.delete(idOf(basename(path)));
      });
    },
  };
}

function idOf(name: string): string {
  return name.replace(WEEK_FILE, "");
}

async function storeWeek({ store, parseData, generateDigest }: LoaderContext, root: string, file: string): Promise<void> {
  const source = await readFile(file, "utf8");
  const id = idOf(basename(file));
  const filePath = relative(root, file).split(sep).join("/");
  const digest = generateDigest(source);
  if (store.get(id)?.digest === digest) return;
  const split = splitFrontmatter(source);
  let data: unknown = {};
  try {
    data = split.yaml === undefined ? {} : (parseYaml(split.yaml) ?? {});
  } catch (e) {
    throw new Error(`${filePath}:${split.yamlLine} frontmatter 不是合法的 YAML（invalid YAML）：${(e as Error).message}（运行 npm run check 查看详情）`);
  }
  store.set({ id, data: await parseData({ id, data: data as Record<string, unknown>, filePath: file }), filePath, digest });
}

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader } from "astro/loaders";

/**
 * A registry file (projects.yaml, objectives.yaml, metrics.yaml) as a collection: entries by key, as
 * Astro's file() loader makes them, but an absent file is an empty collection and no error line —
 * the registries are optional, and `npm run check` is where a broken one is explained.
 */
export function optionalFileLoader(path: string, parse: (text: string) => Record<string, Record<string, unknown>>): Loader {
  return {
    name: "weekly-archive:optional-file",
    load: async ({ store, parseData, generateDigest, watcher, config, logger }) => {
      const root = fileURLToPath(config.root);
      const file = resolve(root, path);
      const filePath = relative(root, file).split(sep).join("/");
      const sync = async () => {
        store.clear();
        if (!existsSync(file)) return;
        const entries = parse(await readFile(file, "utf8"));
        for (const [id, data] of Object.entries(entries))
          store.set({ id, data: await parseData({ id, data, filePath: file }), filePath, digest: generateDigest(data) });
      };
      await sync();
      if (!watcher) return;
      watcher.add(file);
      const onChange = (changed: string) => {
        if (resolve(changed) === file) void sync().catch((e) => logger.error((e as Error).message));
      };
      watcher.on("add", onChange);
      watcher.on("change", onChange);
      watcher.on("unlink", onChange);
    },
  };
}

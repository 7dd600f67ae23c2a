import { EventEmitter } from "node:events";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { weekFilesLoader } from "../../../src/data/week-loader.ts";
import { weekFrontmatterSchema } from "../../../src/lib/week-schema.ts";

const tmp = mkdtempSync(join(tmpdir(), "weekly-loader-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Stored {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  body?: string;
  deferredRender?: boolean;
}

/** The part of Astro's loader context the loader uses, with a Map for the data store. */
function fakeContext(root: string, watcher?: EventEmitter & { add(path: string): void }) {
  const entries = new Map<string, Stored>();
  const sets: string[] = [];
  const context = {
    collection: "weeks",
    config: { root: pathToFileURL(root + "/") },
    store: {
      keys: () => [...entries.keys()],
      get: (id: string) => entries.get(id),
      set: (entry: Stored) => {
        sets.push(entry.id);
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => void entries.delete(id),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => weekFrontmatterSchema.parse(data),
    generateDigest: (text: string) => createHash("sha256").update(text).digest("hex"),
    logger: { error: (m: string) => sets.push(`error: ${m}`) },
    watcher,
  };
  return { context: context as never, entries, sets };
}

function site(name: string, weeks: Record<string, string>): string {
  const root = join(tmp, name);
  mkdirSync(join(root, "content", "weeks"), { recursive: true });
  for (const [file, text] of Object.entries(weeks)) {
    mkdirSync(dirname(join(root, "content", "weeks", file)), { recursive: true });
    writeFileSync(join(root, "content", "weeks", file), text);
  }
  return root;
}

const week = (id: string, extra = "") => `---\nweek: ${id}\n${extra}---\n\n- 【贝易转（C转）】推进\n`;

describe("weekFilesLoader", () => {
  it("stores every .mdx week under its file name with validated frontmatter and its text as the body, and no MDX module", async () => {
    const root = site("basic", {
      "2024-W17.mdx": week("2024-W17", "title: 第十七周\n"),
      "2024-W18.mdx": week("2024-W18"),
      "notes.txt": "not a week",
      ".draft.mdx": week("2024-W19"),
      "old/2024-W20.mdx": week("2024-W20"),
    });
    const { context, entries } = fakeContext(root);
    await weekFilesLoader("./content/weeks").load(context);
    expect([...entries.keys()].sort()).toEqual(["2024-W17", "2024-W18"]);
    const w17 = entries.get("2024-W17")!;
    expect(w17).toMatchObject({ data: { week: "2024-W17", title: "第十七周" }, filePath: "content/weeks/2024-W17.mdx" });
    // The data layer parses the body (or finds its parse in the week cache) without reading the file again.
    expect(w17.body).toBe(week("2024-W17", "title: 第十七周\n"));
    expect(w17.deferredRender).toBeUndefined();
  });

  it("drops entries of deleted files and leaves unchanged files alone on the next sync", async () => {
    const root = site("resync", { "2024-W17.mdx": week("2024-W17"), "2024-W18.mdx": week("2024-W18") });
    const { context, entries, sets } = fakeContext(root);
    const loader = weekFilesLoader("./content/weeks");
    await loader.load(context);
    unlinkSync(join(root, "content", "weeks", "2024-W18.mdx"));
    writeFileSync(join(root, "content", "weeks", "2024-W17.mdx"), week("2024-W17", "author: 张三\n"));
    sets.length = 0;
    await loader.load(context);
    expect([...entries.keys()]).toEqual(["2024-W17"]);
    expect(entries.get("2024-W17")!.data.author).toBe("张三");
    expect(sets).toEqual(["2024-W17"]);
    sets.length = 0;
    await loader.load(context);
    expect(sets).toEqual([]);
  });

  it("names the file and line of frontmatter that is not YAML", async () => {
    const root = site("bad-yaml", { "2024-W17.mdx": "---\nweek: 2024-W17\ntitle: [unclosed\n---\n\nbody\n" });
    const { context } = fakeContext(root);
    await expect(weekFilesLoader("./content/weeks").load(context)).rejects.toThrow(/content\/weeks\/2024-W17\.mdx:3(:\d+)? .*YAML/);
  });

  it("names the file of a week without frontmatter", async () => {
    const root = site("no-frontmatter", { "2024-W17.mdx": "- 【贝易转（C转）】推进\n" });
    const { context } = fakeContext(root);
    await expect(weekFilesLoader("./content/weeks").load(context)).rejects.toThrow(/content\/weeks\/2024-W17\.mdx:1:1 缺少 frontmatter/);
  });

  it("rejects frontmatter the schema rejects", async () => {
    const root = site("bad-schema", { "2024-W17.mdx": week("2024-W17", "mood: 好\n") });
    const { context } = fakeContext(root);
    await expect(weekFilesLoader("./content/weeks").load(context)).rejects.toThrow();
  });

  it("follows added, changed and removed weeks in dev", async () => {
    const root = site("watch", { "2024-W17.mdx": week("2024-W17") });
    const watched: string[] = [];
    const watcher = Object.assign(new EventEmitter(), { add: (path: string) => void watched.push(path) });
    const { context, entries } = fakeContext(root, watcher);
    await weekFilesLoader("./content/weeks").load(context);
    expect(watched).toEqual([join(root, "content", "weeks")]);
    const added = join(root, "content", "weeks", "2024-W18.mdx");
    writeFileSync(added, week("2024-W18", "summary: 新的一周\n"));
    watcher.emit("add", added);
    // Not weeks, as on the first sync: another extension, a dotfile, a file in a subfolder.
    writeFileSync(join(root, "content", "weeks", "README.md"), "not a week");
    watcher.emit("add", join(root, "content", "weeks", "README.md"));
    writeFileSync(join(root, "content", "weeks", ".2024-W19.mdx"), week("2024-W19"));
    watcher.emit("add", join(root, "content", "weeks", ".2024-W19.mdx"));
    mkdirSync(join(root, "content", "weeks", "old"));
    writeFileSync(join(root, "content", "weeks", "old", "2024-W20.mdx"), week("2024-W20"));
    watcher.emit("add", join(root, "content", "weeks", "old", "2024-W20.mdx"));
    await expect.poll(() => entries.get("2024-W18")?.data.summary).toBe("新的一周");
    expect([...entries.keys()].sort()).toEqual(["2024-W17", "2024-W18"]);
    watcher.emit("unlink", join(root, "content", "weeks", "2024-W17.mdx"));
    expect([...entries.keys()]).toEqual(["2024-W18"]);
  });
});

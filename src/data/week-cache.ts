import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { withTrailingSlash } from "../lib/routes.ts";
import type { Problem } from "../lib/validate/problem.ts";
import type { BodyCheckCache } from "../lib/validate/validate-week-files.ts";
import type { WeekReport } from "../lib/report/model.ts";

/**
 * What a build learnt about each week file — its check problems and its parsed model — in one
 * file in Astro's cache folder. It is both the store between builds (an unchanged week is neither
 * checked nor parsed again) and how the parsed weeks reach the pages within a build: the week check
 * (integrations/checked-weeks.ts) writes it, the data layer (data/archive.ts) reads the reports
 * from it, told where by the build's virtual module (integrations/build-context.ts).
 *
 * Entries are keyed on a hash of everything they were computed from; the whole file is dropped when
 * the code that computes them changes. Astro's content layer caches its own work in the same folder
 * (`rm -rf node_modules/.astro` clears both).
 *
 * Format: a header line, then one line per entry, `<kind> <hash> <JSON>`. Lines, not one JSON
 * document: at thousands of weeks the file is over a hundred megabytes, and a reader takes the
 * lines it needs (the pages only the reports) and parses each value only when asked.
 */
const HEADER = "weekly-archive-weeks 2";

type Kind = "c" | "r";

/** The code behind checks and reports: our sources, the locked dependencies, the Node version. */
export function codeVersion(root: string): string {
  const hash = createHash("sha256").update(process.version);
  for (const dir of ["src/lib", "src/integrations", "src/data", "src/i18n"]) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of (readdirSync(full, { recursive: true }) as string[]).sort()) {
      const file = join(full, name);
      if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
    }
  }
  for (const file of ["src/site.config.ts", "package-lock.json"]) if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  return hash.digest("hex");
}

const CHUNK = 8 << 20;

/**
 * Calls `visit` with each entry line of a cache file written by `version` (kind, hash, raw JSON),
 * reading the file a chunk at a time; nothing when it is absent, unreadable or other code's.
 */
function forEachEntry(file: string, version: string, visit: (kind: number, hash: string, json: Buffer) => void): void {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return;
  }
  try {
    let pending = Buffer.alloc(0);
    let header: boolean | undefined;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, null);
      const bytes = pending.length ? Buffer.concat([pending, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let end = bytes.indexOf(10, start); end >= 0; start = end + 1, end = bytes.indexOf(10, start)) {
        if (header === undefined) {
          header = bytes.toString("utf8", start, end) === `${HEADER} ${version}`;
          if (!header) return;
          continue;
        }
        // `<kind> <64 hex> <json>`: the kind is one byte, the hash 64.
        if (end - start > 67) visit(bytes[start]!, bytes.toString("latin1", start, start + 66), bytes.subarray(start + 67, end));
      }
      pending = bytes.subarray(start);
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** Every entry line, raw JSON by kind + hash (views into the chunks read). */
function readEntries(file: string, version: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  forEachEntry(file, version, (_kind, hash, json) => entries.set(hash, json));
  return entries;
}

/** The shared part of keys (the check's or parse's context) is the same for every week: hashed once. */
class KeyHasher {
  private readonly shared = new Map<string, string>();
  hash(kind: Kind, key: readonly string[]): string {
    const [first = "", ...rest] = key;
    let sharedHash = this.shared.get(first);
    if (sharedHash === undefined) {
      sharedHash = createHash("sha256").update(first).digest("hex");
      this.shared.set(first, sharedHash);
    }
    const hash = createHash("sha256").update(sharedHash);
    for (const part of rest) hash.update("\0").update(part);
    return `${kind} ${hash.digest("hex")}`;
  }
}

export class WeekCache {
  private readonly file: string;
  private readonly version: string;
  private readonly before: Map<string, Buffer>;
  /** UTF-8 JSON, not strings: Chinese text takes two bytes a character as a JS string. */
  private readonly now = new Map<string, Buffer>();
  private readonly keys = new KeyHasher();
  private changed = false;

  constructor(file: string, version: string) {
    this.file = file;
    this.version = version;
    this.before = readEntries(file, version);
  }

  private get<T>(kind: Kind, key: readonly string[]): T | undefined {
    const h = this.keys.hash(kind, key);
    const hit = this.before.get(h);
    if (hit === undefined) return undefined;
    this.now.set(h, hit);
    return JSON.parse(hit.toString("utf8")) as T;
  }

  private set(kind: Kind, key: readonly string[], value: unknown): void {
    this.now.set(this.keys.hash(kind, key), Buffer.from(JSON.stringify(value)));
    this.changed = true;
  }

  readonly checks: BodyCheckCache = {
    get: (key) => this.get<Problem[]>("c", key),
    set: (key, problems) => this.set("c", key, problems),
  };

  readonly reports = {
    get: (key: readonly string[]) => this.get<WeekReport>("r", key),
    set: (key: readonly string[], parsed: WeekReport) => this.set("r", key, parsed),
  };

  /** Writes what this build used (entries of removed weeks go), unless it all came from the cache. */
  save(): void {
    if (!this.changed && this.before.size === this.now.size) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, `${HEADER} ${this.version}\n`);
      for (const [hash, json] of this.now) {
        writeSync(fd, `${hash} `);
        writeSync(fd, json);
        writeSync(fd, "\n");
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
  }
}

/**
 * The parsed weeks a build's week check left in `file` under `keys`, in order (undefined where
 * there is none, or the file was written by other code). The file is read a chunk at a time and
 * only the asked-for reports are decoded: at thousands of weeks it is over a hundred megabytes.
 */
export function takeCachedReports(file: string, version: string, keys: readonly (readonly string[])[]): (WeekReport | undefined)[] {
  const hasher = new KeyHasher();
  const wanted = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const h = hasher.hash("r", key);
    wanted.set(h, [...(wanted.get(h) ?? []), i]);
  });
  const found: (WeekReport | undefined)[] = new Array(keys.length).fill(undefined);
  const report = "r".charCodeAt(0);
  forEachEntry(file, version, (kind, hash, json) => {
    const at = kind === report ? wanted.get(hash) : undefined;
    if (!at) return;
    for (const i of at) found[i] = JSON.parse(json.toString("utf8")) as WeekReport;
  });
  return found;
}

/** What a parsed week depends on besides its file: its links and project slugs come from the base URL and registry. */
export function reportContextKey(registry: unknown, base: string): string {
  return JSON.stringify([registry, withTrailingSlash(base)]);
}

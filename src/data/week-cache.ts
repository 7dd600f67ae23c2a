import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Problem } from "../lib/validate/problem.ts";
import type { BodyCheckCache } from "../lib/validate/validate-week-files.ts";
import type { ParsedWeekFile } from "../lib/week-files.ts";

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

/**
 * Entry lines of a cache file written by `version`, as raw JSON by kind + hash; empty when absent,
 * unreadable or other code's. The values are views into the file's bytes, decoded only when asked.
 */
function readEntries(file: string, version: string, kinds: readonly Kind[]): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return entries;
  }
  const firstEnd = bytes.indexOf(10);
  if (firstEnd < 0 || bytes.toString("utf8", 0, firstEnd) !== `${HEADER} ${version}`) return entries;
  const wanted = new Set(kinds.map((k) => k.charCodeAt(0)));
  for (let start = firstEnd + 1; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    // `<kind> <64 hex> <json>`: the kind is one byte, so lines of other kinds are skipped unread.
    if (wanted.has(bytes[start]!) && end - start > 67) entries.set(bytes.toString("latin1", start, start + 66), bytes.subarray(start + 67, end));
    start = end + 1;
  }
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
    this.before = readEntries(file, version, ["c", "r"]);
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
    get: (key: readonly string[]) => this.get<ParsedWeekFile>("r", key),
    set: (key: readonly string[], parsed: ParsedWeekFile) => this.set("r", key, parsed),
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
 * The parsed weeks a build's week check left in `file`, for the pages; nothing when it was written by
 * other code. Each is handed out once (the data layer asks once per week) and its bytes let go.
 */
export function readCachedReports(file: string, version: string): { get(key: readonly string[]): ParsedWeekFile | undefined } {
  const entries = readEntries(file, version, ["r"]);
  const keys = new KeyHasher();
  return {
    get(key) {
      const h = keys.hash("r", key);
      const hit = entries.get(h);
      if (hit === undefined) return undefined;
      entries.delete(h);
      return JSON.parse(hit.toString("utf8")) as ParsedWeekFile;
    },
  };
}

const withTrailingSlash = (base: string): string => (base.endsWith("/") ? base : `${base}/`);

/** What a parsed week depends on besides its file: its links and project slugs come from the base URL and registry. */
export function reportContextKey(registry: unknown, base: string): string {
  return JSON.stringify([registry, withTrailingSlash(base)]);
}

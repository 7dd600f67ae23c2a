import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Problem } from "../lib/validate/problem.ts";
import type { BodyCheckCache } from "../lib/validate/validate-week-files.ts";
import type { ParsedWeekFile } from "../lib/week-files.ts";

/**
 * What a build learnt about each week file — its check problems and its parsed model — kept in
 * Astro's cache folder for the next build. Entries are keyed on a hash of everything they were
 * computed from; the whole file is dropped when the code that computes them changes. Astro's
 * content layer caches its own work the same way, in the same folder (`rm -rf node_modules/.astro`
 * clears both).
 */
interface Stored {
  version: string;
  checks: Record<string, Problem[]>;
  reports: Record<string, ParsedWeekFile>;
}

type Kind = "checks" | "reports";

/** The code behind checks and reports: our sources, the locked dependencies, the Node version. */
export function codeVersion(root: string): string {
  const hash = createHash("sha256").update(process.version);
  for (const dir of ["src/lib", "src/integrations", "src/i18n"]) {
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

export class WeekCache {
  private readonly file: string;
  private readonly before: Stored;
  private readonly now: Stored;
  private readonly sharedHashes = new Map<string, string>();
  private changed = false;

  constructor(file: string, version: string) {
    this.file = file;
    this.before = { version, checks: {}, reports: {} };
    try {
      const stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
      if (stored.version === version) this.before = stored;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    this.now = { version, checks: {}, reports: {} };
  }

  /** `key[0]` is usually shared by many entries (the check's context): hash it once. */
  private hash(key: readonly string[]): string {
    const [shared = "", ...rest] = key;
    let sharedHash = this.sharedHashes.get(shared);
    if (sharedHash === undefined) {
      sharedHash = createHash("sha256").update(shared).digest("hex");
      this.sharedHashes.set(shared, sharedHash);
    }
    const hash = createHash("sha256").update(sharedHash);
    for (const part of rest) hash.update("\0").update(part);
    return hash.digest("hex");
  }

  private get<T>(kind: Kind, key: readonly string[]): T | undefined {
    const h = this.hash(key);
    const hit = (this.before[kind] as Record<string, T>)[h];
    if (hit !== undefined) (this.now[kind] as Record<string, T>)[h] = hit;
    return hit;
  }

  private set<T>(kind: Kind, key: readonly string[], value: T): void {
    (this.now[kind] as Record<string, T>)[this.hash(key)] = value;
    this.changed = true;
  }

  readonly checks: BodyCheckCache = {
    get: (key) => this.get<Problem[]>("checks", key),
    set: (key, problems) => this.set("checks", key, problems),
  };

  readonly reports = {
    get: (key: readonly string[]) => this.get<ParsedWeekFile>("reports", key),
    set: (key: readonly string[], parsed: ParsedWeekFile) => this.set("reports", key, parsed),
  };

  /** Writes what this build used (entries of removed weeks go), unless it all came from the cache. */
  save(): void {
    const count = (s: Stored): number => Object.keys(s.checks).length + Object.keys(s.reports).length;
    if (!this.changed && count(this.before) === count(this.now)) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeStored(temp, this.now);
    renameSync(temp, this.file);
  }
}

/**
 * The same JSON as `JSON.stringify(stored)`, written entry by entry: at thousands of weeks the
 * whole cache as one string is hundreds of megabytes held at once, next to the archive it mirrors.
 */
function writeStored(file: string, stored: Stored): void {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, `{"version":${JSON.stringify(stored.version)}`);
    for (const kind of ["checks", "reports"] as const) {
      writeSync(fd, `,${JSON.stringify(kind)}:{`);
      let first = true;
      for (const [key, value] of Object.entries(stored[kind])) {
        if (value === undefined) continue;
        writeSync(fd, `${first ? "" : ","}${JSON.stringify(key)}:${JSON.stringify(value)}`);
        first = false;
      }
      writeSync(fd, "}");
    }
    writeSync(fd, "}");
  } finally {
    closeSync(fd);
  }
}

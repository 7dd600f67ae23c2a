/**
 * Peak memory of a whole process tree (npm → astro → pagefind …), from /proc and from GNU time.
 * Pure parsers here; the polling loop lives in run-measured.ts.
 */

export interface ProcEntry {
  pid: number;
  ppid: number;
  /** Resident set size in bytes. */
  rss: number;
  /** User + system CPU time so far, in seconds. */
  cpu: number;
}

/** USER_HZ: /proc reports CPU time in ticks of 1/100 s on Linux. */
const TICKS_PER_SECOND = 100;

/**
 * Parses one `/proc/<pid>/stat` line. The command name (field 2) may hold spaces and parentheses,
 * so fields are counted from the last `)`.
 */
export function parseProcStat(line: string, pageSize = 4096): ProcEntry | undefined {
  const close = line.lastIndexOf(")");
  if (close < 0) return undefined;
  const pid = Number.parseInt(line, 10);
  // After ")": state(3) ppid(4) … utime(14) stime(15) … rss(24) → offsets 0, 1, …, 11, 12, …, 21.
  const rest = line.slice(close + 2).split(" ");
  const ppid = Number(rest[1]);
  const ticks = Number(rest[11]) + Number(rest[12]);
  const rssPages = Number(rest[21]);
  if (![pid, ppid, ticks, rssPages].every(Number.isFinite)) return undefined;
  return { pid, ppid, rss: rssPages * pageSize, cpu: ticks / TICKS_PER_SECOND };
}

/** `root` and all its descendants. */
export function processTree(entries: readonly ProcEntry[], root: number): ProcEntry[] {
  const children = new Map<number, ProcEntry[]>();
  for (const e of entries) children.set(e.ppid, [...(children.get(e.ppid) ?? []), e]);
  const tree = entries.filter((e) => e.pid === root);
  const stack = [root];
  const seen = new Set<number>([root]);
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (seen.has(c.pid)) continue;
      seen.add(c.pid);
      tree.push(c);
      stack.push(c.pid);
    }
  }
  return tree;
}

/** Sum of RSS over `root` and all its descendants. Shared pages count once per process: an upper bound. */
export function treeRss(entries: readonly ProcEntry[], root: number): number {
  return processTree(entries, root).reduce((a, e) => a + e.rss, 0);
}

export interface TimeReport {
  /** Wall clock, seconds. */
  elapsedSeconds: number;
  /** CPU time of the whole tree (every waited-for descendant): steadier than wall time on a busy machine. */
  userSeconds: number;
  systemSeconds: number;
  /** GNU time's "Maximum resident set size": the largest single process of the tree, in bytes. */
  maxRssBytes: number;
  exitStatus: number;
}

/** `h:mm:ss` or `m:ss.cc` as printed by GNU time. */
export function parseElapsed(text: string): number {
  return text
    .trim()
    .split(":")
    .reduce((total, part) => total * 60 + Number(part), 0);
}

/** Parses the report of `/usr/bin/time -v`; undefined when the text is not one. */
export function parseTimeVerbose(text: string): TimeReport | undefined {
  const field = (label: string): string | undefined =>
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.startsWith(label))
      ?.slice(label.length)
      .trim();
  const elapsed = field("Elapsed (wall clock) time (h:mm:ss or m:ss):");
  const maxRss = field("Maximum resident set size (kbytes):");
  const exit = field("Exit status:");
  if (elapsed === undefined || maxRss === undefined) return undefined;
  return {
    elapsedSeconds: parseElapsed(elapsed),
    userSeconds: Number(field("User time (seconds):") ?? Number.NaN),
    systemSeconds: Number(field("System time (seconds):") ?? Number.NaN),
    maxRssBytes: Number(maxRss) * 1024,
    exitStatus: Number(exit ?? 0),
  };
}

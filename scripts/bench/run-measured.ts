/**
 * Runs one build and measures it: wall time, peak memory of the whole process tree (polled from
 * /proc, summed over every descendant), and GNU time's report when /usr/bin/time exists.
 */
import { spawn } from "node:child_process";
import { existsSync, openSync, closeSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { parseProcStat, parseTimeVerbose, processTree, type ProcEntry, type TimeReport } from "./process-memory.ts";

export const GNU_TIME = "/usr/bin/time";
const POLL_MS = 50;

export interface Measured {
  wallMs: number;
  /** Highest sum of RSS over the process tree seen while polling. */
  peakTreeBytes: number;
  /**
   * User + system CPU of every process seen in the tree (last value polled per process). Unlike GNU
   * time's figure it includes children that outlive their parent's wait, such as Pagefind's binary.
   */
  treeCpuSeconds: number;
  /** From `/usr/bin/time -v`, when installed. */
  time?: TimeReport;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

function readProcs(): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const e = parseProcStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (e) entries.push(e);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return entries;
}

export interface RunOptions {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** stdout and stderr of the build go here. */
  logFile: string;
  cwd?: string;
}

/** Runs the command to completion; throws (naming the log) when it fails. */
export function runMeasured(options: RunOptions): Promise<Measured> {
  const timeFile = `${options.logFile}.time`;
  rmSync(timeFile, { force: true });
  const useTime = hasGnuTime();
  const [command, args] = useTime ? [GNU_TIME, ["-v", "-o", timeFile, options.command, ...options.args]] : [options.command, options.args];
  const log = openSync(options.logFile, "w");
  const started = performance.now();
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ["ignore", log, log] });
  let peak = 0;
  const cpuByPid = new Map<number, number>();
  const poll = (): void => {
    if (child.pid === undefined) return;
    const tree = processTree(readProcs(), child.pid);
    peak = Math.max(
      peak,
      tree.reduce((a, e) => a + e.rss, 0),
    );
    for (const e of tree) cpuByPid.set(e.pid, Math.max(cpuByPid.get(e.pid) ?? 0, e.cpu));
  };
  const timer = setInterval(poll, POLL_MS);
  return new Promise((resolve, reject) => {
    child.on("error", (e) => {
      clearInterval(timer);
      closeSync(log);
      reject(e);
    });
    child.on("exit", (code) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      closeSync(log);
      if (code !== 0) {
        reject(new Error(`${options.command} ${options.args.join(" ")} exited with ${code}; see ${options.logFile}`));
        return;
      }
      const time = useTime && existsSync(timeFile) ? parseTimeVerbose(readFileSync(timeFile, "utf8")) : undefined;
      const treeCpuSeconds = [...cpuByPid.values()].reduce((a, b) => a + b, 0);
      resolve({ wallMs, peakTreeBytes: Math.max(peak, time?.maxRssBytes ?? 0), treeCpuSeconds, time });
    });
  });
}

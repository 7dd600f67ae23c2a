import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { weekJobRunner, type WeekJob, type WeekJobResult, type WeekJobSetup } from "./week-job.ts";

/**
 * Runs a build's week jobs (check a body, parse it into the site's model) on this thread and on
 * worker threads: they are independent per file, and this is the one part of a build that happens
 * before Astro starts, on one core while the others wait. This thread takes its share too: its
 * modules are loaded and warm, where a new thread first spends about a second of CPU loading them,
 * which is also why small archives do not start any.
 */
const BATCH = 16;
/**
 * Below this many jobs a thread costs more than it saves. Measured 2026-12-01, 2 idle cores: 520
 * weeks take as long on two threads as on one (4.7–5.7 s either way: the thread's module loading and
 * cold JIT eat the gain); 2,600 weeks 24.7 s on one, 16.7–17.8 s on two.
 */
const MIN_JOBS_FOR_THREADS = 800;

/** Threads in all, this one included. */
export function threadCount(jobs: number, env: NodeJS.ProcessEnv = process.env): number {
  // WEEKLY_ARCHIVE_THREADS=1 runs everything on this thread (to compare, or to profile it whole).
  const asked = Number.parseInt(env.WEEKLY_ARCHIVE_THREADS ?? "", 10);
  if (asked > 0) return asked;
  const cores = Math.min(availableParallelism(), 4);
  return jobs < MIN_JOBS_FOR_THREADS ? 1 : Math.min(cores, Math.ceil(jobs / (4 * BATCH)));
}

/** The results in job order, whichever thread ran each. */
export async function runWeekJobs(
  jobs: readonly WeekJob[],
  setup: WeekJobSetup,
  threads = threadCount(jobs.length),
  /** The worker's module (tests give one that fails). */
  workerModule: URL = new URL("./week-worker.ts", import.meta.url),
): Promise<WeekJobResult[]> {
  const runHere = weekJobRunner(setup);
  if (threads <= 1) return jobs.map(runHere);
  const results: WeekJobResult[] = new Array(jobs.length);
  let next = 0;
  /** Batches a failed thread left: this thread does them. */
  const orphaned: number[] = [];
  /** The next batch's first index, or undefined when every job is taken. Batches go to whoever is free. */
  const take = (): number | undefined => {
    if (next >= jobs.length) return undefined;
    const start = next;
    next = Math.min(jobs.length, next + BATCH);
    return start;
  };
  const workers = Array.from(
    { length: threads - 1 },
    // A small old generation makes a thread collect its garbage (each week's tree) early instead of
    // growing next to this one's heap; a thread that still runs out leaves its batch to this one.
    () => new Worker(workerModule, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 512 } }),
  );
  const onWorkers = workers.map(
    (worker) =>
      new Promise<void>((resolve) => {
        // Two batches in flight: a thread never waits for this one to finish a batch of its own
        // before it gets its next.
        const inFlight: number[] = [];
        const send = (): void => {
          const start = take();
          if (start !== undefined) {
            inFlight.push(start);
            worker.postMessage(jobs.slice(start, start + BATCH));
          } else if (inFlight.length === 0) resolve();
        };
        const fail = (): void => {
          orphaned.push(...inFlight.splice(0));
          resolve();
        };
        worker.on("message", (batch: WeekJobResult[]) => {
          const start = inFlight.shift()!;
          batch.forEach((r, i) => (results[start + i] = r));
          send();
        });
        worker.once("error", fail);
        worker.once("exit", fail);
        send();
        send();
      }),
  );
  const runBatch = (start: number): void => {
    const end = Math.min(jobs.length, start + BATCH);
    for (let i = start; i < end; i++) results[i] = runHere(jobs[i]!);
  };
  try {
    for (let start = take(); start !== undefined; start = take()) {
      runBatch(start);
      // Let the workers' answers in, and hand them their next batch, between two of ours.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(onWorkers);
    for (const start of orphaned) runBatch(start);
  } finally {
    for (const w of workers) w.removeAllListeners();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

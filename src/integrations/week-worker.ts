/**
 * A worker thread of week-workers.ts: runs the week jobs it is sent, a batch at a time, and answers
 * each batch with its results in order. Plain Node (no Vite): everything it imports is plain TypeScript.
 */
import { parentPort, workerData } from "node:worker_threads";
import { weekJobRunner, type WeekJob, type WeekJobSetup } from "./week-job.ts";

const run = weekJobRunner(workerData as WeekJobSetup);
parentPort!.on("message", (batch: WeekJob[]) => parentPort!.postMessage(batch.map(run)));

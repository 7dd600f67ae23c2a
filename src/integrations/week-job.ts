import type { Registry } from "../lib/registry.ts";
import { createRoutes } from "../lib/routes.ts";
import type { Problem } from "../lib/validate/problem.ts";
import { checkWeekBody, type BodyJob, type ValidateContext } from "../lib/validate/validate-week-files.ts";
import type { WeekReport } from "../lib/report/model.ts";
import { parseWeekFile, weekLinks } from "../lib/week-files.ts";

/**
 * One week's share of a build's check and parse, as plain data so a worker thread can do it
 * (week-workers.ts). Everything but the file is in `WeekJobSetup`, sent once per thread.
 */
export interface WeekJob {
  /** As the check names it (relative to the root, `/`-separated). */
  path: string;
  source: string;
  /** The body check, unless the cache remembered it. */
  check?: BodyJob;
  /** Parse into the site's model (unless the cache had it). */
  parse: boolean;
}

export interface WeekJobSetup {
  /** Week ids links may point to (WeekCheckRun.weeks). */
  weeks: string[];
  /** What the body check reads besides the file; no cache (the main thread keeps it). */
  context: Omit<ValidateContext, "bodyCache" | "onParsedWeek">;
  /** What the parse reads besides the file. */
  registry: Registry;
  base: string;
}

export interface WeekJobResult {
  problems: Problem[];
  /** Absent when not asked for, or when the week does not parse (the site then stops with its error in context). */
  parsed?: WeekReport;
}

/** Builds the per-thread part of `runWeekJob` once. */
export function weekJobRunner(setup: WeekJobSetup): (job: WeekJob) => WeekJobResult {
  const weeks = new Set(setup.weeks);
  const links = weekLinks(createRoutes(setup.base));
  return (job) => {
    const checked = job.check ? checkWeekBody(job.check, weeks, setup.context) : undefined;
    const problems = checked?.problems ?? [];
    // A week that fails its own check stops the build: parsing it would be wasted, or throw.
    if (!job.parse || problems.some((p) => p.severity === "error")) return { problems };
    try {
      return { problems, parsed: parseWeekFile(job.source, { file: job.path, registry: setup.registry, links, checked: checked?.tree }) };
    } catch {
      return { problems };
    }
  };
}

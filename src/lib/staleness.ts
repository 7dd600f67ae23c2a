/**
 * When a piece of work has gone quiet: the one rule behind the archive's `stale` flags, which the
 * stale-work list, the project tables and the dashboard all read.
 */
import type { Progress } from "./report/model.ts";
import { headlineProgress } from "./report/progress.ts";

/**
 * Words by which a report says a piece of work is over. `待结项` / `计划…上线` are not over.
 * Why a heuristic: subjects have no registry status, and the generated and real reports both
 * close work with these phrases rather than by editing a file.
 */
const DONE =
  /全量(?:上线|投产|切换|切流)|上线(?:完成|完毕)|已(?:上线|投产|结项|下线|完成)|正式投产|(?<![待未])结项(?!资料|材料|报告|申请|评审)|(?:治理|迁移|切流|切换)完成/;
/** Still waiting on the last step, whatever else the text says. */
const PENDING = /[待未](?:结项|上线|投产|验收)/;

/** Whether the last mention of a piece of work says it is finished (a 100 % figure or a closing phrase). */
export function saysDone(text: string, progress: readonly Progress[]): boolean {
  if (PENDING.test(text)) return false;
  return headlineProgress([...progress])?.percent === 100 || DONE.test(text);
}

/**
 * Quiet for `afterWeeks` weeks or more, not `status: done` in the registry, and a last mention that
 * does not say finished.
 */
export function isStale(weeksSilent: number, afterWeeks: number, last: { text: string; progress: readonly Progress[] }, status: string | undefined): boolean {
  return weeksSilent >= afterWeeks && status !== "done" && !saysDone(last.text, last.progress);
}

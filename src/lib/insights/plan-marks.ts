import { splitWeekSource } from "../report/week-source.ts";

/** One line of a week's 上周计划完成情况 checklist (written by `npm run new`, ticked by the author). */
export interface PlanMark {
  text: string;
  checked: boolean;
  /** 1-based line in the week file. */
  line: number;
}

/** `## 上周计划完成情况`, `### 【上周计划回顾】`… — the checklist of last week's plans. */
// Matched on the heading with its whitespace removed: the `\s*` around optional parts backtracked polynomially.
const REVIEW_HEADING = /^#{1,6}【?上周(?:计划|工作)(?:完成情况|回顾|完成)?】?[：:]?$/;
const HEADING = /^#{1,6}\s/;
/** The same heading as the parser gives its title (no `#`, 【】 or trailing colon). */
const REVIEW_TITLE = /^上周(?:计划|工作)(?:完成情况|回顾|完成)?$/;

/** Whether a section title names the 上周计划完成情况 checklist, which the site merges into its plan review. */
export function isPlanChecklistTitle(title: string): boolean {
  return REVIEW_TITLE.test(title.replace(/\s+/g, ""));
}
// Matched on the trimmed line, so the item needs no lazy `(.+?)\s*$`.
const TASK = /^(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.+)$/;

/**
 * The ticks of a week's 上周计划完成情况 checklist, read from the source text (the report model keeps
 * that section as plain text). Empty when the week has none.
 */
export function readPlanMarks(source: string): PlanMark[] {
  const { body, bodyLine } = splitWeekSource(source);
  const marks: PlanMark[] = [];
  let inside = false;
  body.split("\n").forEach((line, i) => {
    if (HEADING.test(line)) {
      inside = REVIEW_HEADING.test(line.replace(/\s+/g, ""));
      return;
    }
    if (!inside) return;
    const m = TASK.exec(line.trim());
    if (m) marks.push({ text: m[2]!, checked: m[1] !== " ", line: bodyLine + i });
  });
  return marks;
}

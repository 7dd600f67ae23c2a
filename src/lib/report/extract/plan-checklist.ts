import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { PlanMark, WeekReport } from "../model.ts";
import { mdastToHast, renderHtml } from "../render.ts";
import { lineOf, type Context, type RawSection } from "./common.ts";

/**
 * Step 10: this week's 上周计划完成情况 checklist (section-kinds.ts names its headings) — the ticks the
 * plan review reads, and the body it shows.
 */

/**
 * The ticks of every checklist in the week: the task items of a checklist section, or of the part of
 * another section under a checklist heading (up to the next heading of its level or above). Ticks
 * quoted in a `>` block are someone else's; a `- [x]` in a code block is code, not a list.
 */
export function extractPlanMarks(sections: readonly RawSection[], ctx: Context): PlanMark[] {
  const marks: PlanMark[] = [];
  for (const s of sections) {
    if (s.heading && s.planChecklist) collectTicks(s.nodes, ctx, marks);
    else if (s.innerChecklists) {
      let within = 0;
      for (const node of s.nodes) {
        if (node.type === "heading") {
          if (node.depth <= within) within = 0;
          if (s.innerChecklists.has(node)) within = node.depth;
        } else if (within > 0) collectTicks([node], ctx, marks);
      }
    }
  }
  return marks;
}

function collectTicks(nodes: readonly RootContent[], ctx: Context, marks: PlanMark[]): void {
  for (const node of nodes) {
    if (node.type === "list") {
      for (const li of node.children) {
        const first = li.children[0];
        // The item's first paragraph is the plan as the template copied it; later ones are the author's notes.
        const text = first?.type === "paragraph" ? toString(first).trim() : "";
        if (typeof li.checked === "boolean" && text) marks.push({ text, checked: li.checked, line: lineOf(li, ctx) });
        collectTicks(li.children, ctx, marks);
      }
    } else if (node.type === "mdxJsxFlowElement") collectTicks(node.children, ctx, marks);
  }
}

/** The checklist the week page shows inside its plan review: the first checklist section. */
export function planChecklistIndex(sections: readonly RawSection[]): number {
  return sections.findIndex((s) => s.heading && s.planChecklist);
}

/** Its body only: the plan-review block that shows it has the heading. */
export function renderPlanChecklist(section: RawSection): NonNullable<WeekReport["planChecklist"]> {
  return { anchor: section.anchor, title: section.title, html: renderHtml(mdastToHast(section.nodes)) };
}

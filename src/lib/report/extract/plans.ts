import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import type { PlanItem } from "../model.ts";
import { leadPhrase, stripStatusWords } from "../text.ts";
import { isPlaceholder, lineOf, ownText, setId, type Context, type RawSection } from "./common.ts";

/** Step 9: next week's plans, with explicit `- [x]` marks when written. */
export function extractPlans(section: RawSection, ctx: Context): PlanItem[] {
  const plans: PlanItem[] = [];
  const add = (text: string, line: number, node: Nodes, checked: boolean | null | undefined): void => {
    if (!text || isPlaceholder(text)) return;
    const anchor = ctx.anchors.take(`plan-${plans.length + 1}`);
    setId(node, anchor);
    const subject = stripStatusWords(leadPhrase(text));
    plans.push({
      anchor,
      text,
      subject,
      projectSlug: ctx.projects.match(subject) ?? ctx.projects.find(text),
      checked: checked ?? undefined,
      line,
    });
  };
  for (const node of section.nodes) {
    if (node.type === "list") {
      for (const li of node.children) add(ownText(li), lineOf(li, ctx), li, li.checked);
    } else if (node.type === "paragraph") {
      const text = toString(node).trim();
      if (text) add(text, lineOf(node, ctx), node, undefined);
    }
  }
  return plans;
}

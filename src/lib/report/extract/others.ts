import type { Nodes } from "mdast";
import type { ReportItem } from "../model.ts";
import { setId, toItems, type Context, type RawSection } from "./common.ts";

/** Step 8: items of 其他, anchored; each top-level item or paragraph is read on its own. */
export function extractOthers(section: RawSection, ctx: Context): ReportItem[] {
  const items: ReportItem[] = [];
  const take = (node: Nodes, item: ReportItem | undefined): void => {
    if (!item) return;
    item.anchor = ctx.anchors.take(`other-${items.length + 1}`);
    setId(node, item.anchor);
    items.push(item);
  };
  for (const node of section.nodes) {
    if (node.type === "list") for (const li of node.children) take(li, toItems([{ ...node, children: [li] }], ctx)[0]);
    else if (node.type !== "heading") take(node, toItems([node], ctx)[0]);
  }
  return items;
}

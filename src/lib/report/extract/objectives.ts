import { toString } from "mdast-util-to-string";
import type { Registry } from "../../registry.ts";
import type { ObjectiveItem, ObjectiveSection } from "../model.ts";
import { extractProgress } from "../progress.ts";
import { mdastToHast, renderHtml, stripIds } from "../render.ts";
import { leadPhrase, stripStatusWords } from "../text.ts";
import { isPlaceholder, itemHtml, lineOf, ownText, setId, toItems, type Context, type RawSection } from "./common.ts";

/** Step 5: objective sections and their items, each with its subject. */
export function extractObjective(section: RawSection, ctx: Context, registry: Registry): ObjectiveSection {
  const id = section.objectiveId!;
  const registered = registry.objectives.find((o) => o.id === id);
  const items: ObjectiveItem[] = [];
  const prefix = id.toLowerCase();
  for (const node of section.nodes) {
    if (node.type === "list") {
      for (const li of node.children) {
        const text = ownText(li);
        if (isPlaceholder(text)) continue;
        const anchor = ctx.anchors.take(`${prefix}-${items.length + 1}`);
        setId(li, anchor);
        const subject = stripStatusWords(leadPhrase(text));
        const { html } = itemHtml(node, li);
        items.push({
          anchor,
          subject,
          projectSlug: ctx.projects.match(subject),
          text,
          html,
          children: toItems(
            li.children.filter((c) => c.type === "list"),
            ctx,
          ),
          progress: extractProgress(toString(li)),
          line: lineOf(li, ctx),
        });
      }
    } else if (node.type === "paragraph") {
      const text = toString(node).trim();
      if (!text || isPlaceholder(text)) continue;
      const anchor = ctx.anchors.take(`${prefix}-${items.length + 1}`);
      setId(node, anchor);
      const hast = stripIds(mdastToHast([node]));
      const subject = stripStatusWords(leadPhrase(text));
      items.push({
        anchor,
        subject,
        projectSlug: ctx.projects.match(subject),
        text,
        html: renderHtml(hast),
        children: [],
        progress: extractProgress(text),
        line: lineOf(node, ctx),
      });
    }
  }
  return {
    id,
    title: section.objectiveTitle || registered?.title || "",
    anchor: section.anchor,
    items,
    line: section.heading ? lineOf(section.heading, ctx) : ctx.bodyLine,
  };
}

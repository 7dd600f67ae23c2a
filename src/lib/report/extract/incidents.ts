import { toString } from "mdast-util-to-string";
import { isNoIncident, parseIncident } from "../incidents.ts";
import type { Incident } from "../model.ts";
import { mdastToHast, renderHtml, stripIds } from "../render.ts";
import { isPlaceholder, itemHtml, lineOf, setId, type Context, type RawSection } from "./common.ts";

const STARTS_WITH_DATE = /^\s*\d{1,2}\s*(?:[/.\-]|月)\s*\d{1,2}/;

/** Step 7: production incidents, one per item or dated line. */
export function extractIncidents(section: RawSection, ctx: Context): Incident[] {
  const incidents: Incident[] = [];
  const push = (text: string, line: number, anchor: string, html: string): void => {
    if (!text.trim() || isNoIncident(text) || isPlaceholder(text)) return;
    incidents.push({ anchor, ...parseIncident(text, ctx.weekMonday), text: text.trim(), html, line });
  };
  for (const node of section.nodes) {
    if (node.type === "list") {
      for (const li of node.children) {
        const text = toString(li).trim();
        if (isNoIncident(text) || isPlaceholder(text)) continue;
        const anchor = ctx.anchors.take(`incident-${incidents.length + 1}`);
        setId(li, anchor);
        push(text, lineOf(li, ctx), anchor, itemHtml(node, li).html);
      }
    } else if (node.type === "paragraph") {
      const text = toString(node).trim();
      if (!text || isNoIncident(text) || isPlaceholder(text)) continue;
      const anchor = ctx.anchors.take(`incident-${incidents.length + 1}`);
      setId(node, anchor);
      const html = renderHtml(stripIds(mdastToHast([node])));
      // Several dated lines in one paragraph are several incidents.
      const merged: { text: string; line: number }[] = [];
      text.split("\n").forEach((l, i) => {
        const last = merged.at(-1);
        if (last && !STARTS_WITH_DATE.test(l)) last.text += l;
        else merged.push({ text: l, line: lineOf(node, ctx) + i });
      });
      for (const m of merged) push(m.text, m.line, anchor, merged.length === 1 ? html : renderHtml({ type: "text", value: m.text }));
    }
  }
  return incidents;
}

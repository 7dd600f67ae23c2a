import type { Element, ElementContent } from "hast";
import { hastText, mdastToHast, renderHtml } from "../render.ts";
import type { RawSection } from "./common.ts";

/** Step 11 (last: the steps before put anchors and links on the nodes): each section as HTML and text. */
export function renderSection(s: RawSection): { html: string; text: string; bodyText: string } {
  const bodyHast = mdastToHast(s.nodes);
  const bodyText = hastText(bodyHast);
  const headingHast = s.heading ? mdastToHast([s.heading]) : undefined;
  const headingText = headingHast ? hastText(headingHast) : "";
  // The wrapper is built as a tree too, so the whole section passes the sanitizer in one go.
  const section: Element = {
    type: "element",
    tagName: "section",
    properties: { className: ["week-section"], dataKind: s.kind, ...(s.heading ? {} : { id: s.anchor }) },
    children: [...(headingHast?.children ?? []), { type: "text", value: "\n" }, ...bodyHast.children] as ElementContent[],
  };
  const html = renderHtml(section);
  return { html, text: [headingText, bodyText].filter(Boolean).join("\n"), bodyText };
}

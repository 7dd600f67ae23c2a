import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { WeekLinks } from "../week-links.ts";
import type { RawSection } from "./common.ts";

/** Links a week's tree gets: site-absolute paths under the deploy base, objective headings to their pages. */

export function rebaseInternalUrls(tree: Root, links: WeekLinks): void {
  const internal = links.internal;
  if (!internal) return;
  visit(tree, (node) => {
    if ((node.type === "link" || node.type === "image") && /^\/(?!\/)/.test(node.url)) node.url = internal(node.url);
    // `<img src="/images/…">` in a week lives under the deploy base like a Markdown image.
    if ((node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") && node.name === "img")
      for (const a of node.attributes)
        if (a.type === "mdxJsxAttribute" && a.name.toLowerCase() === "src" && typeof a.value === "string" && /^\/(?!\/)/.test(a.value))
          a.value = internal(a.value);
  });
}

/** Each `O1 …` heading links to its objective's page (after the steps that read the heading's text). */
export function linkObjectiveHeadings(sections: RawSection[], links: WeekLinks): void {
  for (const s of sections) {
    if (s.kind !== "objective" || !s.heading) continue;
    s.heading.children = [
      {
        type: "link",
        url: links.objective(s.objectiveId!),
        children: s.heading.children,
        data: { hProperties: { className: ["objective-link"] } },
      },
    ];
  }
}

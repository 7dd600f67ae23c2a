import type { Definition, Nodes, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { WeekLinks } from "../week-links.ts";
import type { RawSection } from "./common.ts";

/** Links a week's tree gets: site-absolute paths under the deploy base, objective headings to their pages. */

const SITE_ABSOLUTE = /^\/(?!\/)/;

/**
 * Site-absolute URLs (`/weeks/2024-w16/`, `/images/…`) go under the deploy base, and link and image
 * references become the links their definitions say — references point at definitions anywhere in
 * the file, so this runs before any piece is rendered. One walk over the tree does both: a second
 * replaces references only when the week defines any (most define nothing).
 */
export function resolveLinks(tree: Root, links: WeekLinks): void {
  const internal = links.internal;
  const rebase = (url: string): string => (internal && SITE_ABSOLUTE.test(url) ? internal(url) : url);
  const defs = new Map<string, Definition>();
  // Children pushed last-first, so nodes come off in document order: of two definitions of a label the
  // first wins, as CommonMark (and GitHub's preview of the file) has it.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "link" || node.type === "image") node.url = rebase(node.url);
    else if (node.type === "definition") {
      node.url = rebase(node.url);
      const label = node.identifier.toLowerCase();
      if (!defs.has(label)) defs.set(label, node);
    } else if (internal && (node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") && node.name === "img")
      // `<img src="/images/…">` in a week lives under the deploy base like a Markdown image.
      for (const a of node.attributes)
        if (a.type === "mdxJsxAttribute" && a.name.toLowerCase() === "src" && typeof a.value === "string") a.value = rebase(a.value);
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  if (defs.size === 0) return;
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === "linkReference") {
      const d = defs.get(node.identifier.toLowerCase());
      if (d) parent.children[index] = { type: "link", url: d.url, title: d.title, children: node.children } as never;
    } else if (node.type === "imageReference") {
      const d = defs.get(node.identifier.toLowerCase());
      if (d) parent.children[index] = { type: "image", url: d.url, title: d.title, alt: node.alt } as never;
    }
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

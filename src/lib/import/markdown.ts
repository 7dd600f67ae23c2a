import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Nodes, Root } from "mdast";
import { visibleHtmlText } from "./html-for-mdx.ts";

/** How the site reads a week (the check's and the site's own parser): what an import must read back. */
export { parseWeekMdx } from "../report/week-mdx.ts";

const commonMark = unified().use(remarkParse).use(remarkGfm).freeze();

/** How Notion and any Markdown viewer read an export: CommonMark + GFM, raw HTML allowed. */
export function parseCommonMark(markdown: string): Root {
  return commonMark.parse(markdown) as Root;
}

const BLOCKS = new Set(["paragraph", "heading", "tableCell", "code", "html", "thematicBreak"]);

/**
 * The text a reader sees, block by block: a paragraph, heading, table cell or code block each becomes
 * one string. Raw HTML counts as what the importer leaves visible of it: its text and the tags it
 * keeps as text, not the allowed tags that render (see html-for-mdx.ts).
 */
export function renderedBlocks(tree: Root): string[] {
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (BLOCKS.has(node.type)) {
      out.push(inlineText(node));
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return out;
}

function inlineText(node: Nodes): string {
  if (node.type === "image") return node.alt ?? "";
  if (node.type === "break") return "\n";
  if (node.type === "html") return visibleHtmlText(node.value);
  if ((node.type as string) === "mdxJsxTextElement" && (node as { name?: string }).name === "img")
    return String((node as unknown as { attributes: { name: string; value: unknown }[] }).attributes.find((a) => a.name === "alt")?.value ?? "");
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(inlineText).join("");
  return "";
}

/** The block structure without text: list nesting, ordered-ness, task state, headings. */
export function blockSkeleton(tree: Root): string {
  const visit = (node: Nodes, depth: number): string[] => {
    if (!("children" in node) || node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      const extra = node.type === "heading" ? `h${node.depth}` : "";
      return [`${"  ".repeat(depth)}${node.type}${extra}`];
    }
    const label =
      node.type === "list"
        ? `list${node.ordered ? `(ol start=${node.start})` : "(ul)"}`
        : node.type === "listItem"
          ? `listItem${node.checked === null || node.checked === undefined ? "" : node.checked ? "[x]" : "[ ]"}`
          : node.type;
    return [`${"  ".repeat(depth)}${label}`, ...(node.children as Nodes[]).flatMap((c) => visit(c, depth + 1))];
  };
  return visit(tree, 0).join("\n");
}

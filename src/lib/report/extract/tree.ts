import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { WeekParseError } from "../parse-error.ts";
import { findTooDeepNode } from "../week-source.ts";

/** Step 2: the body as a Markdown tree every later step can walk. */

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

/**
 * The body's MDX tree (the check's own tree when handed one). A tree the check would reject as too
 * deep stops here, named: every later step walks the tree recursively.
 */
export function readBodyTree(input: { body: string; bodyLine: number; tree?: Root }, file: string): Root {
  let tree: Root;
  try {
    tree = input.tree ?? (processor.parse(input.body) as Root);
  } catch (e) {
    const place = (e as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const line = place?.line ?? place?.start?.line;
    const column = place?.column ?? place?.start?.column;
    throw new WeekParseError(file, line ? line + input.bodyLine - 1 : undefined, column, `MDX 无法解析：${(e as Error).message}`);
  }
  const deep = findTooDeepNode(tree);
  if (deep) {
    const line = input.tree ? deep.line : deep.line + input.bodyLine - 1;
    throw new WeekParseError(file, line, deep.column, `${deep.message} 修复：${deep.hint}`);
  }
  return tree;
}

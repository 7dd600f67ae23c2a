import type { Root } from "mdast";
import { WeekParseError } from "../parse-error.ts";
import { parseWeekMdx } from "../week-mdx.ts";
import { findTooDeepNode } from "../week-source.ts";

/** Step 2: the body as a Markdown tree every later step can walk. */

/**
 * The body's MDX tree (the check's own tree when handed one). A tree the check would reject as too
 * deep stops here, named: every later step walks the tree recursively.
 */
export function readBodyTree(input: { body: string; bodyLine: number; tree?: Root }, file: string): Root {
  let tree: Root;
  try {
    tree = input.tree ?? parseWeekMdx(input.body);
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

/**
 * The one parser of a week's MDX: remark-parse + remark-gfm + remark-mdx, without options. The
 * week check parses with it and hands its tree to the site's parser (parse-week.ts), so both read
 * every file the same way. Parse only: remark-mdx hands `{…}` and ESM to acorn for syntax, nothing
 * is ever compiled or run.
 */
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

type TreeTransform = (tree: Nodes) => void;

/**
 * GFM's autolink literals (`https://…`, `www.…`, `a@b.c` in running text) are found by a pass over
 * every text node after the parse, with four regular expressions each: a tenth of a week's parse
 * time, though most blocks hold no such literal. `scopedTreeTransforms` takes that pass out of the
 * parse (it is the only from-markdown transform any of the three plugins adds), so `parseWeekMdx`
 * can run it on exactly the blocks whose source could hold a literal.
 */
function scopedTreeTransforms(this: Processor, found: TreeTransform[]): void {
  const data = this.data() as { fromMarkdownExtensions?: unknown[] };
  const strip = (extensions: unknown[]): unknown[] =>
    extensions.map((e) => {
      if (Array.isArray(e)) return strip(e);
      const { transforms, ...rest } = e as { transforms?: TreeTransform[] };
      if (!transforms?.length) return e;
      found.push(...transforms);
      return rest;
    });
  data.fromMarkdownExtensions = strip(data.fromMarkdownExtensions ?? []);
}

const transforms: TreeTransform[] = [];
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).use(scopedTreeTransforms, transforms).freeze();

/**
 * What a block's source must contain for its text to hold an autolink literal: each of the
 * transform's patterns needs `http` or `www` (URLs) or `@` (e-mail, mailto:, xmpp:) in a text
 * node's value, and a text value has only characters written in the source or made by a
 * character reference (`&…;`). A backslash escape only drops its backslash.
 */
const MAY_HOLD_LITERAL = /[@&]|www|http/gi;

/** Blocks whose children are blocks: looked into, so a literal in one item does not send the whole list through the pass. */
const CONTAINERS = new Set(["root", "list", "listItem", "blockquote"]);

function mayHoldLiteral(node: Nodes, text: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return true;
  MAY_HOLD_LITERAL.lastIndex = start;
  const match = MAY_HOLD_LITERAL.exec(text);
  return match !== null && match.index < end;
}

/** The transforms on each block that may need them: the same tree as running them on the root (no such block is inside a link). */
function applyTransforms(node: Nodes, text: string): void {
  if (!mayHoldLiteral(node, text)) return;
  if (CONTAINERS.has(node.type) && "children" in node) for (const child of node.children) applyTransforms(child as Nodes, text);
  else for (const transform of transforms) transform(node);
}

/** The MDX tree of `text` (which keeps file positions: frontmatter blanked out line for line). Throws what the parser throws. */
export function parseWeekMdx(text: string): Root {
  const tree = processor.parse(text) as Root;
  applyTransforms(tree, text);
  return tree;
}

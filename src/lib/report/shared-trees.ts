import type { Root } from "mdast";

/**
 * Hand-over of parsed week trees from the week check to the site's parser, so a build parses each
 * week's MDX once: the build's prefetch (integrations/week-prefetch.ts) offers the check's tree
 * right before parsing the week. A shelf on globalThis, so an offer also reaches a parser in another
 * module instance of the same process. A tree is taken at most once (the parser mutates it) and only
 * when it was parsed from exactly the text the parser would read — otherwise it parses as before.
 */
interface Offered {
  text: string;
  tree: Root;
}

const SHELF = Symbol.for("weekly-archive.parsed-week-trees");

function shelf(): Map<string, Offered> {
  const g = globalThis as unknown as Record<symbol, Map<string, Offered> | undefined>;
  return (g[SHELF] ??= new Map());
}

/**
 * Offers the tree the check parsed for a week file. `text` is what was parsed: the file with its
 * frontmatter blanked line for line (so positions are file lines), by remark-parse + remark-gfm +
 * remark-mdx without options. The tree must not be changed afterwards.
 */
export function offerParsedWeek(source: string, text: string, tree: Root): void {
  shelf().set(source, { text, tree });
}

/** The offered tree for `source` if it was parsed from `text`; removed from the shelf either way. */
export function takeParsedWeek(source: string, text: string): Root | undefined {
  const offered = shelf().get(source);
  if (!offered) return undefined;
  shelf().delete(source);
  return offered.text === text ? offered.tree : undefined;
}

/** The text the check parses: frontmatter lines blanked, body unchanged. */
export function paddedBody(body: string, bodyLine: number): string {
  return "\n".repeat(bodyLine - 1) + body;
}

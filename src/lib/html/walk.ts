import type { Element, Nodes } from "hast";

/**
 * Calls `fn` on every element of a hast tree, parents before children. A plain walk: it runs over
 * every fragment a week produces, where unist-util-visit's parent-stack bookkeeping cost more than
 * the work itself (about 0.5 s of a 520-week cold build).
 */
export function forEachElement(tree: Nodes, fn: (element: Element) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "element") fn(node);
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

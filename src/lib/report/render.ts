import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from "hast";
import type { Nodes as MdastNodes, Root as MdastRoot, RootContent } from "mdast";
import { attributesOf, isWeekHtmlElement } from "../html/allowed.ts";
import { weekHtml } from "../html/sanitize.ts";
import { forEachElement } from "../html/walk.ts";
import { toHast, type Handler, type State } from "mdast-util-to-hast";
import { squashNewlines } from "./text.ts";

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/**
 * MDX code is never run: an allowed HTML tag (src/lib/html/allowed.ts) becomes that element with only
 * its allowed attributes, names compared in lower case; any other tag leaves just its content. The
 * check rejects everything dropped here, and the sanitizer still sees the result.
 */
const jsxElement: Handler = (state: State, node: any): ElementContent | ElementContent[] => {
  const name: string | null = node.name;
  if (!name || !isWeekHtmlElement(name)) return state.all(node);
  const allowed = attributesOf(name);
  const properties: Record<string, string | boolean> = {};
  for (const a of (node.attributes ?? []) as JsxAttribute[]) {
    if (a.type !== "mdxJsxAttribute" || !a.name || (a.value != null && typeof a.value !== "string")) continue;
    const key = a.name.toLowerCase();
    if (!allowed.includes(key)) continue;
    properties[key] = key === "open" ? true : ((a.value as string | null) ?? "");
  }
  let children = state.all(node);
  if (name === "details") children = summaryFirst(children);
  return { type: "element", tagName: name, properties, children };
};

/**
 * `<summary>` on its own line is read into a paragraph; inside <p> a browser does not take it as the
 * label of its <details>. Lift a summary that leads the first paragraph out in front of it.
 */
function summaryFirst(children: ElementContent[]): ElementContent[] {
  const at = children.findIndex((c) => !(c.type === "text" && c.value.trim() === ""));
  const p = children[at];
  if (!p || p.type !== "element" || p.tagName !== "p") return children;
  const lead = p.children.findIndex((c) => !(c.type === "text" && c.value.trim() === ""));
  const summary = p.children[lead];
  if (!summary || summary.type !== "element" || summary.tagName !== "summary") return children;
  const rest = p.children.slice(lead + 1);
  if (rest[0]?.type === "text") rest[0] = { ...rest[0], value: rest[0].value.replace(/^\s+/, "") };
  const keep = rest.some((c) => !(c.type === "text" && c.value === "")) ? [{ ...p, children: rest }] : [];
  return [...children.slice(0, at), summary, ...keep, ...children.slice(at + 1)];
}

const expression: Handler = (_state, node: any) => ({ type: "text", value: `{${node.value ?? ""}}` });
const esm: Handler = (_state, node: any) => ({ type: "text", value: String(node.value ?? "") });

const handlers: Record<string, Handler> = {
  mdxJsxFlowElement: jsxElement,
  mdxJsxTextElement: jsxElement,
  mdxFlowExpression: expression,
  mdxTextExpression: expression,
  mdxjsEsm: esm,
};

export function mdastToHast(nodes: RootContent[]): HastRoot {
  const root: MdastRoot = { type: "root", children: nodes };
  return toHast(root as MdastNodes, { handlers, allowDangerousHtml: false }) as HastRoot;
}

/** Every week fragment's HTML leaves through the one sanitizer. */
export function renderHtml(tree: HastNodes): string {
  return weekHtml(tree);
}

/**
 * Removes id attributes in place, for repeating a fragment on another page. Only for trees fresh from
 * `mdastToHast`, which copies every property: cloning first cost a structuredClone per item.
 */
export function stripIds(tree: HastRoot): HastRoot {
  forEachElement(tree, (el) => {
    delete el.properties.id;
  });
  return tree;
}

const BLOCK = new Set([
  "p",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "thead",
  "tbody",
  "tr",
  "blockquote",
  "pre",
  "section",
  "div",
  "hr",
  "dl",
  "dt",
  "dd",
  "details",
  "summary",
]);

/** The text a reader sees, with blocks on their own lines (as `innerText` would give). */
export function hastText(tree: HastNodes): string {
  const out: string[] = [];
  const walk = (node: HastNodes): void => {
    if (node.type === "text") out.push(node.value);
    else if (node.type === "element") {
      if (node.tagName === "br") return void out.push("\n");
      const block = BLOCK.has(node.tagName);
      if (block) out.push("\n");
      if (node.tagName === "td" || node.tagName === "th") out.push("\t");
      for (const c of node.children) walk(c as HastNodes);
      if (block) out.push("\n");
    } else if (node.type === "root") for (const c of node.children) walk(c as HastNodes);
  };
  walk(tree);
  return squashNewlines(out.join("")).trim();
}

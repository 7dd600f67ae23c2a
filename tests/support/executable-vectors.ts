/**
 * Finds what would run script in a browser: script-scheme URLs in URL attributes, `on*` handlers,
 * `<script>`, `<iframe srcdoc>`, `<object>`/`<embed>` and `style` attributes. HTML is parsed by a real
 * HTML parser (parse5, via hast-util-from-html), so entities are decoded and attribute names are
 * folded exactly as a browser folds them.
 */
import type { Element, Nodes } from "hast";
import { fromHtml } from "hast-util-from-html";

/** URL-holding attributes, as HTML spells them. */
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "srcset"];

export interface Vector {
  what: string;
  /** The offending element or attribute, shortened. */
  near: string;
}

/** The scheme a browser would read, folded; `java\tscript:` is `javascript`. */
function scheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = url
    .replace(/^[\u0000-\u0020]+/, "")
    .replace(/[\t\n\r]/g, "")
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1] ?? "";
}

function isScriptUrl(url: string): boolean {
  const s = scheme(url);
  if (s === "javascript" || s === "vbscript" || s === "livescript") return true;
  const cleaned = url.replace(/[\t\n\r\s]/g, "").toLowerCase();
  return s === "data" && !/^data:image\/(png|jpe?g|gif|webp);/.test(cleaned);
}

/**
 * `allowScript` says which <script> elements are the site's own (e.g. its bundled module scripts),
 * given their ancestors (outermost first), so that only scripts a week could have put there count.
 */
export function findExecutableVectors(html: string, allowScript: (el: Element, ancestors: readonly Element[]) => boolean = () => false): Vector[] {
  const vectors: Vector[] = [];
  const stack: Element[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === "element") {
      const attrs = attributesOf(node);
      const near = `<${node.tagName} ${Object.entries(attrs)
        .map(([k, v]) => `${k}="${v}"`)
        .join(" ")}>`.slice(0, 160);
      if (node.tagName === "script" && !allowScript(node, stack)) vectors.push({ what: "<script>", near });
      if (["iframe", "object", "embed", "frame", "frameset", "base", "meta"].includes(node.tagName) && !(node.tagName === "meta" && !attrs["http-equiv"]))
        vectors.push({ what: `<${node.tagName}>`, near });
      for (const [name, value] of Object.entries(attrs)) {
        if (/^on/i.test(name)) vectors.push({ what: `${name}= handler`, near });
        if (name === "srcdoc") vectors.push({ what: "srcdoc", near });
        if (URL_ATTRIBUTES.includes(name) && isScriptUrl(value)) vectors.push({ what: `${name}= ${scheme(value)}:`, near });
      }
    }
    if (node.type === "element") stack.push(node);
    if ("children" in node) for (const c of node.children as Nodes[]) walk(c);
    if (node.type === "element") stack.pop();
    if (node.type === "element" && node.tagName === "template" && node.content) walk(node.content);
  };
  walk(fromHtml(html, { fragment: !/^\s*<!doctype/i.test(html) }));
  return vectors;
}

/** Attributes as HTML names them (hast stores camelCase properties; the position keeps the source). */
function attributesOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(el.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name = htmlName(key);
    out[name] = Array.isArray(value) ? value.join(" ") : String(value);
  }
  return out;
}

function htmlName(property: string): string {
  if (property === "className") return "class";
  if (property === "htmlFor") return "for";
  if (property === "xLinkHref") return "xlink:href";
  if (/^data[A-Z]/.test(property))
    return `data-${property
      .slice(4)
      .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
      .replace(/^-/, "")}`;
  return property.toLowerCase();
}

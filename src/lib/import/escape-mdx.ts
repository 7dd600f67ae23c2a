import type { Code, Html, Image, ImageReference, Link, Nodes, Paragraph, Root } from "mdast";
import { explainUrl } from "../html/allowed.ts";
import { splitHtml } from "../html/tag.ts";
import { pairedTagName, rewriteHtml } from "./html-for-mdx.ts";
import { parseCommonMark } from "./markdown.ts";

/** What kind of rewrite the importer made, for the report it prints. */
export type EscapeKind = "{" | "}" | "<" | "html-comment" | "html" | "autolink" | "indented-code" | "esm-like";

export interface EscapeChange {
  kind: EscapeKind;
  /** 1-based line in the input Markdown. */
  line: number;
  /** The source text that was rewritten. */
  before: string;
  after: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  change: EscapeChange;
}

export interface EscapeOptions {
  /**
   * `allowed` (default): the allowed inline HTML stays HTML in MDX form, an `<iframe>` becomes a link,
   * other tags become text. `text`: every tag becomes visible text (the fallback when MDX cannot read
   * the first result, e.g. tags that nest across Markdown blocks).
   */
  html?: "allowed" | "text";
}

/**
 * Rewrites CommonMark so MDX reads the same text: `{ } <` become `\{ \} \<`, the allowed inline HTML
 * stays (in MDX form) and other raw HTML and HTML comments become visible escaped text, `<url>`
 * autolinks become `[url](url)` (a script-scheme one becomes text), indented code becomes fenced, and
 * a top-level paragraph starting `import `/`export ` gets a character reference. Code is left untouched.
 */
export function escapeForMdx(
  markdown: string,
  options: EscapeOptions = {},
): { text: string; changes: EscapeChange[]; warnings: { line: number; message: string }[] } {
  const tree = parseCommonMark(markdown);
  const edits: Edit[] = [];
  const warnings: { line: number; message: string }[] = [];
  const lineAt = lineIndex(markdown);
  const edit = (start: number, end: number, text: string, kind: EscapeKind) =>
    edits.push({ start, end, text, change: { kind, line: lineAt(start), before: markdown.slice(start, end), after: text } });
  const keepHtml = options.html !== "text";
  let balance = new Map<Nodes, Set<number>>();

  /** The HTML of an `html` node as MDX should read it. */
  const htmlText = (node: Nodes, raw: string, start: number): string => {
    if (!keepHtml) return escapeLiteral(raw);
    const paired = balance.get(node);
    const result = rewriteHtml(raw, escapeLiteral, (i) => paired?.has(i) ?? false);
    for (const message of result.warnings) warnings.push({ line: lineAt(start), message });
    return result.text;
  };

  const visit = (node: Nodes, parent: Nodes | undefined) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case "inlineCode":
      case "definition":
        return;
      case "code":
        if (!isFenced(markdown.slice(start, end))) edit(start, end, toFence(node, markdown, start), "indented-code");
        return;
      case "text":
        escapeChars(markdown, start, end, edit);
        return;
      case "html": {
        const raw = markdown.slice(start, end);
        const comment = raw.trimStart().startsWith("<!--");
        const kind = comment ? "html-comment" : "html";
        const text = comment ? escapeLiteral(raw) : htmlText(node, raw, start);
        if (text === raw) return;
        if (!parent || !FLOW_CONTAINERS.has(parent.type)) {
          edit(start, end, text, kind);
          return;
        }
        // An HTML block may interrupt a paragraph; as text it would merge into it, so give it blank lines.
        const lineStart = markdown.lastIndexOf("\n", start - 1) + 1;
        const prevLine = markdown.slice(markdown.lastIndexOf("\n", lineStart - 2) + 1, Math.max(0, lineStart - 1));
        const nextLine = markdown.slice(end + 1, (markdown.indexOf("\n", end + 1) + 1 || markdown.length + 1) - 1);
        const before = lineStart > 0 && prevLine.trim() !== "" ? "\n" : "";
        const after = end < markdown.length && nextLine.trim() !== "" ? "\n" : "";
        edit(lineStart, end, before + markdown.slice(lineStart, start) + text + after, kind);
        return;
      }
      case "link": {
        const raw = markdown.slice(start, end);
        if (raw.startsWith("<")) {
          if (explainUrl(node.url)?.kind === "script") {
            edit(start, end, escapeLiteral(raw), "autolink");
            warnings.push({ line: lineAt(start), message: `自动链接 ${raw} 使用了会执行脚本的协议，没有变成链接，改为可见文字` });
          } else edit(start, end, autolinkToLink(node, raw), "autolink");
          return;
        }
        // A bare URL (GFM literal autolink) reads the same in MDX; escaping inside it would break the link.
        if (!raw.startsWith("[")) {
          // …unless an escape follows it directly: MDX would read the backslash as part of the URL.
          const next = markdown[end];
          if (next !== undefined && "<{}".includes(next)) edit(start, end, `[${escapeLinkText(raw)}](${node.url})`, "autolink");
          return;
        }
        break;
      }
      case "image":
      case "imageReference":
        escapeImageLabel(node, markdown, start, end, edit);
        return;
      case "paragraph":
        if (parent?.type === "root") escapeEsmLike(node, markdown, start, edit);
        break;
    }
    if ("children" in node) {
      if (keepHtml) balance = pairHtmlTags(node.children as Nodes[], markdown);
      const paired = balance;
      for (const child of node.children) {
        balance = paired;
        visit(child as Nodes, node);
      }
    }
  };
  visit(tree as Root, undefined);

  edits.sort((a, b) => b.start - a.start);
  let text = markdown;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, changes: edits.map((e) => e.change).reverse(), warnings };
}

/**
 * Which tags of allowed elements among sibling `html` nodes have a partner (`<u>` … `</u>`, `<details>`
 * … `</details>` across blocks): per node, the indexes of its balanced tags.
 */
function pairHtmlTags(children: readonly Nodes[], markdown: string): Map<Nodes, Set<number>> {
  const paired = new Map<Nodes, Set<number>>();
  const open: { name: string; node: Nodes; index: number }[] = [];
  for (const child of children) {
    if (child.type !== "html" || child.position?.start.offset === undefined) continue;
    const raw = markdown.slice(child.position.start.offset, child.position.end.offset);
    let index = -1;
    for (const part of splitHtml(raw)) {
      if (!("tag" in part)) continue;
      index++;
      const name = pairedTagName(part.tag);
      if (!name) continue;
      if (!part.tag.closing) {
        if (!part.tag.selfClosing) open.push({ name, node: child, index });
        continue;
      }
      const at = open.findLastIndex((o) => o.name === name);
      if (at < 0) continue;
      // Tags opened after the partner are left unclosed by it: they stay unpaired.
      const [match] = open.splice(at);
      for (const [n, i] of [
        [match!.node, match!.index],
        [child, index],
      ] as const) {
        const set = paired.get(n) ?? new Set<number>();
        set.add(i);
        paired.set(n, set);
      }
    }
  }
  return paired;
}

const FLOW_CONTAINERS = new Set(["root", "listItem", "blockquote", "footnoteDefinition"]);

type EditFn = (start: number, end: number, text: string, kind: EscapeKind) => void;

function escapeChars(src: string, start: number, end: number, edit: EditFn): void {
  for (let i = start; i < end; i++) {
    const ch = src[i]!;
    if ((ch === "{" || ch === "}" || ch === "<") && !isEscaped(src, i)) edit(i, i + 1, `\\${ch}`, ch);
  }
}

function isEscaped(src: string, i: number): boolean {
  let slashes = 0;
  for (let j = i - 1; j >= 0 && src[j] === "\\"; j--) slashes++;
  return slashes % 2 === 1;
}

/** Raw text made literal in Markdown+MDX: every character that could start syntax is backslash-escaped. */
export function escapeLiteral(raw: string): string {
  return raw
    .split("\n")
    .map((line) => {
      let out = line.replace(/[\\`*_{}[\]<~&|]/g, (c) => `\\${c}`);
      // Block markers only matter where a line starts.
      out = out.replace(/^(\s*)([#>+=-])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
      return out;
    })
    .join("\n");
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\`*_{}[\]<~]/g, (c) => `\\${c}`);
}

function autolinkToLink(node: Link, raw: string): string {
  const inner = raw.slice(1, -1);
  const text = node.children.map((c) => ("value" in c ? c.value : "")).join("") || inner;
  let url = node.url;
  const balanced = (url.match(/\(/g)?.length ?? 0) === (url.match(/\)/g)?.length ?? 0);
  url = url.replace(/ /g, "%20");
  if (!balanced) url = url.replace(/\(/g, "%28").replace(/\)/g, "%29");
  return `[${escapeLinkText(text)}](${url})`;
}

function isFenced(raw: string): boolean {
  return /^\s*(```|~~~)/.test(raw);
}

/** Indented code (which MDX turns into a paragraph) as a fenced block with the same content. */
function toFence(node: Code, src: string, start: number): string {
  const lineStart = src.lastIndexOf("\n", start - 1) + 1;
  const prefix = src.slice(lineStart, start).replace(/[^\s>]/g, " ");
  const longest = Math.max(2, ...(node.value.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const body = node.value.split("\n").map((l) => (l === "" ? prefix.trimEnd() : prefix + l));
  return [fence, ...body, prefix + fence].join("\n");
}

function escapeImageLabel(node: Image | ImageReference, src: string, start: number, end: number, edit: EditFn): void {
  // The alt text sits between `![` and its matching `]`.
  let depth = 0;
  for (let i = start + 2; i < end; i++) {
    const ch = src[i]!;
    if (isEscaped(src, i)) continue;
    if (ch === "[") depth++;
    else if (ch === "]") {
      if (depth === 0) return;
      depth--;
    } else if (ch === "{" || ch === "}" || ch === "<") edit(i, i + 1, `\\${ch}`, ch);
  }
  void node;
}

/** MDX reads a top-level paragraph starting `import `/`export ` as JavaScript; `&#105;mport` reads as text. */
function escapeEsmLike(node: Paragraph, src: string, start: number, edit: EditFn): void {
  const lineStart = src.lastIndexOf("\n", start - 1) + 1;
  if (lineStart !== start) return;
  const m = /^(import|export)[ \t]/.exec(src.slice(start, start + 7));
  if (!m) return;
  edit(start, start + 1, m[1] === "import" ? "&#105;" : "&#101;", "esm-like");
  void node;
}

function lineIndex(src: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export type { Html };

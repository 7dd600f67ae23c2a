import type { Root, RootContent } from "mdast";
import type {} from "mdast-util-mdx";
import { attributesOf, isWeekHtmlElement, WEEK_HTML_ELEMENTS } from "../html/allowed.ts";
import { parseWeekMdx } from "../report/week-mdx.ts";
import { errorAtNode, type Problem } from "./problem.ts";

/**
 * Components a week may use, injected by the site. Empty on purpose: weeks are Markdown plus the
 * inline HTML of src/lib/html/allowed.ts, which is always allowed.
 */
export const ALLOWED_ELEMENTS: readonly string[] = [];

export type MdxParseResult = { ok: true; tree: Root } | { ok: false; problem: Problem };

interface MessageLike {
  reason?: string;
  message?: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
}

/** `text` must keep file positions (frontmatter blanked out line for line). */
export function parseMdx(file: string, text: string): MdxParseResult {
  try {
    return { ok: true, tree: parseWeekMdx(text) };
  } catch (error) {
    return { ok: false, problem: mdxErrorToProblem(file, text, error as MessageLike) };
  }
}

function mdxErrorToProblem(file: string, text: string, e: MessageLike): Problem {
  const reason = e.reason ?? e.message ?? String(e);
  let line = e.line;
  let column = e.column;
  if (line === undefined) {
    // Some errors (closing-tag mismatches) only carry their place in the reason text.
    const m = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
    if (m) [line, column] = [Number(m[1]), Number(m[2])];
  }
  const offset = line !== undefined ? offsetOf(text, line, column ?? 1) : text.length;
  const base = { file, line, column, field: "mdx", severity: "error" as const };
  if (e.source === "micromark-extension-mdx-expression") {
    // An unclosed `{` is reported where the file ends; point at the brace itself.
    const brace = e.ruleId === "unexpected-eof" ? lastUnescaped(text, "{", offset) : offset;
    const place = brace >= 0 ? positionOf(text, brace) : { line, column };
    return {
      ...base,
      ...place,
      message: `MDX 无法解析：\`{\` 在 MDX 中开始一个 JavaScript 表达式 (${reason})`,
      hint: "周报不能包含表达式；要显示花括号，写成 `\\{` 和 `\\}`",
    };
  }
  const lt = lastUnescaped(text, "<", offset + 1);
  const around = lt >= 0 ? text.slice(lt, lt + 12) : "";
  let hint = "要显示小于号，写成 `\\<` 或 `&lt;`";
  if (around.startsWith("<!--")) hint = "MDX 不支持 HTML 注释 `<!-- -->`：删除它，或写成 `\\<!-- … -->` 让文字原样显示";
  else if (/closing tag for `<(details|summary)>`/i.test(reason))
    hint = "`<details>` 和 `</details>` 各占一行，与正文之间空一行；`<summary>标题</summary>` 写在 `<details>` 下一行";
  else if (/closing tag for `<(br|img)>`/i.test(reason)) hint = 'MDX 里空标签要自闭合：写成 `<br />`、`<img src="…" />`';
  else if (/^<[a-z][a-z0-9+.-]*:/i.test(around) || /^<[^\s<>]+@/.test(around)) hint = "MDX 不支持 `<网址>` 自动链接：写成 `[网址](网址)` 或直接写网址";
  if (lt >= 0 && e.ruleId !== "end-tag-mismatch") Object.assign(base, positionOf(text, lt));
  return {
    ...base,
    message: `MDX 无法解析：\`<\` 在 MDX 中开始一个 JSX 标签 (${reason})`,
    hint,
  };
}

/** Weeks are content, not code: no ESM, no expressions, only allowed elements with allowed plain string attributes. */
export function findCodeInContent(file: string, tree: Root, allowed: readonly string[] = ALLOWED_ELEMENTS): Problem[] {
  const problems: Problem[] = [];
  const report = (node: RootContent, message: string, hint: string) => problems.push(errorAtNode(file, node, "mdx", message, hint));
  walk(tree, (node) => {
    switch (node.type) {
      case "mdxjsEsm":
        report(
          node,
          "周报不能包含 import/export：MDX 会在构建时执行它们 (ESM import/export is not allowed in weeks)",
          "删除这一段；若只是文字，改写句子让 import/export 不出现在段首",
        );
        return false;
      case "mdxFlowExpression":
      case "mdxTextExpression": {
        const comment = /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value);
        report(
          node,
          comment
            ? "周报不能包含 `{/* … */}` 注释：这是 JavaScript 表达式 (expressions are not allowed in weeks)"
            : `周报不能包含 JavaScript 表达式 \`{${truncate(node.value)}}\`：MDX 会在构建时执行它 (expressions are not allowed in weeks)`,
          comment ? "删除这段注释" : "要显示花括号，写成 `\\{` 和 `\\}`",
        );
        return false;
      }
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name ?? "";
        const html = isWeekHtmlElement(name);
        if (!html && !allowed.includes(name)) {
          report(
            node,
            `周报不能使用 HTML 标签或组件 \`<${name}>\` (HTML element not allowed)`,
            `${isWeekHtmlElement(name.toLowerCase()) ? `标签名要小写：写成 <${name.toLowerCase()}>；` : ""}${name === "a" ? "链接写成 [文字](https://…)；" : name === "iframe" ? "嵌入的页面写成链接 [标题](https://…)；" : ""}要显示文字，写成 \`\\<${name}>\`；可用的 HTML 标签：${WEEK_HTML_ELEMENTS.map((e) => `<${e}>`).join(" ")}`,
          );
          return false;
        }
        const allowedAttributes = html ? attributesOf(name) : undefined;
        for (const attr of node.attributes) {
          if (attr.type === "mdxJsxExpressionAttribute" || (attr.value !== null && typeof attr.value === "object")) {
            report(
              node,
              `\`<${name}>\` 的属性只能是普通字符串，不能是表达式 (expression attributes are not allowed)`,
              `写成 ${attr.type === "mdxJsxAttribute" ? attr.name : "name"}="文字"`,
            );
          } else if (allowedAttributes && !allowedAttributes.includes(attr.name.toLowerCase())) {
            problems.push(
              errorAtNode(
                file,
                attr.position ? attr : node,
                "mdx",
                `\`<${name}>\` 不能带属性 \`${attr.name}\`${/^on/i.test(attr.name) ? "：事件属性会执行脚本" : ""} (attribute not allowed)`,
                `删除 ${attr.name}=…；<${name}> 只能带 ${allowedAttributes.join("、")}`,
              ),
            );
          }
        }
        return true;
      }
      default:
        return true;
    }
  });
  return problems;
}

/** Depth-first walk; the visitor returns false to skip a node's children. */
export function walk(node: Root | RootContent, visit: (node: RootContent) => boolean): void {
  if (!("children" in node)) return;
  for (const child of node.children as RootContent[]) {
    if (visit(child) !== false) walk(child, visit);
  }
}

function truncate(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset + column - 1;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Index of the last `ch` before `end` that is not backslash-escaped, or -1. */
function lastUnescaped(text: string, ch: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== ch) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === "\\"; j--) slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

/** MDX parses `{…}` inside image alt text as an expression and drops it; the tree no longer shows it, the source does. */
export function findExpressionsInImageAlt(file: string, tree: Root, text: string): Problem[] {
  const problems: Problem[] = [];
  walk(tree, (node) => {
    if (node.type !== "image" && node.type !== "imageReference") return true;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return true;
    const raw = text.slice(start, end);
    const label = raw.slice(2, raw.lastIndexOf("]"));
    const brace = [...label].findIndex((ch, i) => ch === "{" && label[i - 1] !== "\\");
    if (brace >= 0)
      problems.push(
        errorAtNode(file, node, "mdx", "图片说明里的 `{…}` 是 JavaScript 表达式，MDX 会把它当代码 (expression in image alt text)", "写成 `\\{` 和 `\\}`"),
      );
    return true;
  });
  return problems;
}

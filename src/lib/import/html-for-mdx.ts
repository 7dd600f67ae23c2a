/**
 * Raw HTML of an export, rewritten for a week file: the allowed inline HTML (src/lib/html/allowed.ts)
 * in the form MDX reads (`<br />`, lower-case names, only allowed attributes), an `<iframe src>` as a
 * link to its page, everything else as visible escaped text. Each decision the author should know
 * about comes back as a warning.
 */
import { attributesOf, explainUrl, isWeekHtmlElement } from "../html/allowed.ts";
import { splitHtml, type HtmlTag } from "../html/tag.ts";

const VOID = new Set(["br", "img"]);

/**
 * Layout and emphasis tags that exports wrap around text (`<div align="center">`, `<p>`, `<b>`,
 * `<font>`, tables…): they carry no meaning the week format keeps, so the tag goes and its text stays
 * — shown as literal `<div>` it would only be noise. Anything that can hold code or a form (script,
 * style, object, form, svg…) is not here: it stays visible text, so the author sees what was refused.
 */
const UNWRAP = new Set([
  "a",
  "abbr",
  "article",
  "aside",
  "b",
  "big",
  "blockquote",
  "caption",
  "center",
  "cite",
  "code",
  "dd",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "font",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "i",
  "li",
  "main",
  "nav",
  "nobr",
  "ol",
  "p",
  "pre",
  "q",
  "section",
  "small",
  "span",
  "strike",
  "strong",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "tt",
  "ul",
  "var",
  "wbr",
]);
/** Unwrapped tags whose end separates what follows from what came before (cells, rows, items, blocks). */
const SEPARATES = new Set(["td", "th", "tr", "li", "dd", "dt", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"]);

/** A Markdown link to an address, its text the address itself (written for MDX: escaped, no raw `<`). */
function linkTo(url: string): string {
  return `[${url.replace(/[\\[\]<>{}*_`~]/g, (c) => `\\${c}`)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** The address an `<a>` opens, when it is one a week may link to (never a script scheme). */
function linkAddress(tag: HtmlTag): string | undefined {
  if (tag.name !== "a" || tag.closing) return undefined;
  const href = tag.attributes.find((a) => a.name.toLowerCase() === "href")?.value?.trim();
  return href && /^(https?:\/\/|mailto:)/i.test(href) ? href : undefined;
}

/** What an unwrapped tag leaves in the text: a space where it separated, the address of a link. */
function unwrapped(tag: HtmlTag): string {
  const href = linkAddress(tag);
  if (href) return `${linkTo(href)} `;
  if (tag.closing) return SEPARATES.has(tag.name) ? " " : "";
  return tag.name === "hr" || tag.name === "wbr" ? " " : "";
}

export interface HtmlRewrite {
  text: string;
  /** `HTML 标签 <div> …`: one line per decision, without the line number (the caller adds it). */
  warnings: string[];
}

/** Tags of allowed elements that must be balanced, by their index in `splitHtml`, for pairing across nodes. */
export function pairedTagName(tag: HtmlTag): string | undefined {
  return isWeekHtmlElement(tag.name) && !VOID.has(tag.name) ? tag.name : undefined;
}

/**
 * `balanced(i)` says whether the i-th tag of this raw HTML has its partner (MDX rejects an open
 * `<u>` without `</u>`); unbalanced allowed tags become text like any other.
 */
export function rewriteHtml(raw: string, escapeText: (text: string) => string, balanced: (tagIndex: number) => boolean): HtmlRewrite {
  const warnings: string[] = [];
  let out = "";
  let tagIndex = -1;
  for (const part of splitHtml(raw)) {
    if ("text" in part) {
      out += escapeText(part.text);
      continue;
    }
    tagIndex++;
    const { tag } = part;
    const source = raw.slice(part.start, part.start + tag.length);
    const asText = (why: string) => {
      warnings.push(why);
      out += escapeText(source);
    };
    if (tag.name === "iframe") {
      if (tag.closing) continue;
      const src = tag.attributes.find((a) => a.name.toLowerCase() === "src")?.value?.trim();
      if (src && /^https?:\/\//i.test(src)) {
        out += linkTo(src);
        warnings.push(`<iframe> 嵌入的页面改为链接 ${src}`);
      } else asText("<iframe> 没有 https:// 地址，已改为可见文字");
      continue;
    }
    if (UNWRAP.has(tag.name)) {
      if (!tag.closing) warnings.push(`HTML 标签 <${tag.name}> 已去掉，保留其中的文字`);
      out += unwrapped(tag);
      continue;
    }
    if (!isWeekHtmlElement(tag.name)) {
      asText(`HTML 标签 <${tag.name}> 不在允许的列表里，已改为可见文字`);
      continue;
    }
    if (VOID.has(tag.name) && tag.closing) {
      // `</br>` is a line break to a browser; `</img>` means nothing.
      if (tag.name === "br") out += "<br />";
      continue;
    }
    if (!VOID.has(tag.name) && !balanced(tagIndex)) {
      asText(`<${tag.name}> 没有配对的${tag.closing ? "开始" : "结束"}标签，已改为可见文字`);
      continue;
    }
    if (tag.closing) {
      out += `</${tag.name}>`;
      continue;
    }
    const allowed = attributesOf(tag.name);
    const kept: string[] = [];
    let refused = false;
    for (const a of tag.attributes) {
      const name = a.name.toLowerCase();
      if (!allowed.includes(name)) {
        warnings.push(`去掉了 <${tag.name}> 的属性 ${a.name}${/^on/i.test(name) ? "（事件属性会执行脚本）" : ""}`);
        continue;
      }
      if ((name === "src" || name === "href") && a.value !== null && explainUrl(a.value)?.kind === "script") refused = true;
      if (a.value === null) kept.push(name);
      else kept.push(a.value.includes('"') ? `${name}='${a.value.replace(/'/g, "&#39;")}'` : `${name}="${a.value}"`);
    }
    if (refused) {
      asText(`<${tag.name}> 的地址使用了会执行脚本的协议，已改为可见文字`);
      continue;
    }
    const attrs = kept.length ? ` ${kept.join(" ")}` : "";
    out += VOID.has(tag.name) ? `<${tag.name}${attrs} />` : `<${tag.name}${attrs}>`;
  }
  return { text: out, warnings };
}

/** What a reader sees of raw HTML once rewritten: text and escaped tags, not the tags that render. */
export function visibleHtmlText(raw: string): string {
  let out = "";
  for (const part of splitHtml(raw)) {
    if ("text" in part) out += part.text;
    else if (UNWRAP.has(part.tag.name)) out += linkAddress(part.tag) ?? "";
    else if (part.tag.name === "iframe") out += part.tag.closing ? "" : (part.tag.attributes.find((a) => a.name.toLowerCase() === "src")?.value ?? "");
    else if (!isWeekHtmlElement(part.tag.name)) out += raw.slice(part.start, part.start + part.tag.length);
    else if (part.tag.name === "img" && !part.tag.closing) out += part.tag.attributes.find((a) => a.name.toLowerCase() === "alt")?.value ?? "";
  }
  return out;
}

/**
 * What a week may write as HTML and which URLs it may point at: one list, read by the check (which
 * rejects the rest with a place and a fix), the renderer (which turns the allowed tags into elements)
 * and the sanitizer (which drops whatever slipped past both). CONTRIBUTING documents the same lists.
 */

/** Inline HTML an author may write in a week; each renders as the element of that name. */
export const WEEK_HTML_ELEMENTS = ["u", "ins", "del", "s", "sub", "sup", "br", "kbd", "mark", "details", "summary", "img"] as const;

export type WeekHtmlElement = (typeof WEEK_HTML_ELEMENTS)[number];

/**
 * Attributes an author may write, by element (`*` for every allowed element), compared in lower case.
 * Of the list `href`, `src`, `alt`, `title`, `open`, `href` has no element here that takes it:
 * links are written in Markdown, `[文字](https://…)`.
 */
export const WEEK_HTML_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  "*": ["title"],
  img: ["src", "alt", "title"],
  details: ["open", "title"],
};

/** URL schemes a link or image may use; relative paths and `#anchors` have none and are fine. */
export const URL_PROTOCOLS = ["http", "https", "mailto"] as const;

/** Schemes that run code or smuggle a document when followed: always an error in the check. */
export const SCRIPT_SCHEMES = ["javascript", "vbscript", "data", "livescript", "mocha"] as const;

export function isWeekHtmlElement(name: string): name is WeekHtmlElement {
  return (WEEK_HTML_ELEMENTS as readonly string[]).includes(name);
}

/** Lower-cased attribute names `element` may carry. */
export function attributesOf(element: string): readonly string[] {
  return [...new Set([...(WEEK_HTML_ATTRIBUTES[element] ?? []), ...(WEEK_HTML_ATTRIBUTES["*"] ?? [])])];
}

/**
 * The scheme a browser would see in `url`, lower-cased, or undefined for a relative URL. Follows the
 * WHATWG URL parser: leading/trailing C0 controls and spaces are stripped and tabs/newlines removed
 * anywhere, so `\u0001java\tscript:` is `javascript`. Entities are already decoded by the Markdown
 * parser (`&#106;avascript:` arrives as `javascript:`).
 */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Why a URL is refused, or undefined when it may be published. */
export function explainUrl(url: string): { kind: "script" | "scheme"; scheme: string } | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined) return undefined;
  if ((SCRIPT_SCHEMES as readonly string[]).includes(scheme)) return { kind: "script", scheme };
  if ((URL_PROTOCOLS as readonly string[]).includes(scheme)) return undefined;
  return { kind: "scheme", scheme };
}

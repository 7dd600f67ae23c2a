/**
 * The one sanitizing step in front of every HTML byte a week produces (week pages, project and
 * objective timelines, incidents, feeds). Built on hast-util-sanitize, starting from its GitHub schema
 * and narrowed to what Markdown, the site's own markup and the allowed inline HTML need.
 */
import type { Nodes as HastNodes, Root as HastRoot } from "hast";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { forEachElement } from "./walk.ts";
import { URL_PROTOCOLS, WEEK_HTML_ELEMENTS, urlScheme } from "./allowed.ts";

/** Elements Markdown (remark-gfm via mdast-util-to-hast) and the site's wrappers produce. */
const MARKDOWN_ELEMENTS = [
  "a",
  "blockquote",
  "br",
  "code",
  "del",
  "em",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "img",
  "input",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "strong",
  "sup",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
];

/** Class names the site's CSS and mdast-util-to-hast put on week markup; authors cannot write `class`. */
const SITE_CLASSES = {
  a: ["project-link", "objective-link", "data-footnote-backref"],
  section: ["week-section", "footnotes"],
};

/**
 * The allow-list, explicit. Property names are hast's (camelCase); a property not named here — any
 * `on*` in any case, `style`, `srcdoc`, `formaction`, `action`, `class` beyond the site's own — is dropped.
 *
 * `clobber: []`: the GitHub schema prefixes every `id` with `user-content-`, which would break the
 * site's anchors (`#p-xin-yong-fen`, `#o1-2`) and every URL already shared. Authors cannot write an
 * id at all (the check rejects it and the renderer never copies it), so every id here was made by the
 * site (AnchorSet) or by mdast-util-to-hast (footnotes, already `user-content-` prefixed).
 */
export const WEEK_HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...new Set([...MARKDOWN_ELEMENTS, ...WEEK_HTML_ELEMENTS])],
  attributes: {
    "*": ["id", "title"],
    a: ["href", "ariaDescribedBy", "ariaLabel", "dataFootnoteRef", "dataFootnoteBackref", ["className", ...SITE_CLASSES.a]],
    img: ["src", "alt"],
    details: ["open"],
    code: [["className", /^language-[\w+#.-]+$/]],
    h2: [["className", "sr-only"]],
    input: [["type", "checkbox"], ["disabled", true], "checked"],
    li: [["className", "task-list-item"]],
    ol: ["start", ["className", "contains-task-list"]],
    ul: [["className", "contains-task-list"]],
    section: ["dataFootnotes", "dataKind", ["className", ...SITE_CLASSES.section]],
    td: [["align", "left", "center", "right"]],
    th: [["align", "left", "center", "right"]],
  },
  clobber: [],
  clobberPrefix: "",
  protocols: { href: [...URL_PROTOCOLS], src: ["http", "https"], cite: ["http", "https"] },
  required: { input: { type: "checkbox", disabled: true } },
  // Dropped with their content; any other unknown element is unwrapped and its text kept.
  strip: ["script", "style", "template", "textarea", "title", "noscript", "iframe", "object", "embed", "xmp", "plaintext", "noembed", "noframes"],
  allowComments: false,
  allowDoctypes: false,
};

/** `HTTPS://a` and ` https://a` are fine to a browser; hast-util-sanitize compares the scheme as written. */
function normalizeSchemes(tree: HastNodes): void {
  forEachElement(tree, (el) => {
    for (const key of ["href", "src"] as const) {
      const value = el.properties[key];
      if (typeof value !== "string") continue;
      const scheme = urlScheme(value);
      if (scheme === undefined || !(URL_PROTOCOLS as readonly string[]).includes(scheme) || value.startsWith(`${scheme}:`)) continue;
      const cleaned = value.trim().replace(/[\t\n\r]/g, "");
      el.properties[key] = scheme + cleaned.slice(cleaned.indexOf(":"));
    }
  });
}

/** A week's hast, safe to publish: a new tree, the input is not changed except for URL schemes' case. */
export function sanitizeWeekHast(tree: HastNodes): HastRoot {
  normalizeSchemes(tree);
  const clean = sanitize(tree, WEEK_HTML_SCHEMA);
  return clean.type === "root" ? clean : { type: "root", children: [clean as HastRoot["children"][number]] };
}

/** HTML of a week fragment, after the sanitizer. */
export function weekHtml(tree: HastNodes): string {
  return toHtml(sanitizeWeekHast(tree));
}

/** Plain text as HTML (escaped), through the same step, for places that take HTML (feed descriptions). */
export function textHtml(text: string): string {
  return weekHtml({ type: "text", value: text });
}

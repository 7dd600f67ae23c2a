import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { ProjectMention } from "../model.ts";
import { extractProgress } from "../progress.ts";
import { hastText, mdastToHast, renderHtml, stripIds } from "../render.ts";
import type { ReportShape } from "../shape.ts";
import { cleanHeading, foldHeading } from "../section-kinds.ts";
import { itemHtml, lineOf, setId, toItems, type Context, type RawSection } from "./common.ts";

/** Step 4: projects — `- 【X】` items, `**X**：` leads and project headings, as the shape says. */

// Matched on the trimmed text: a leading `\s*` before the optional `**` backtracked quadratically.
const BRACKET_LEAD = /^(?:\*\*|__)?\s*【([^】\n]+)】/;
const COLON_AFTER_BOLD = /^\s*[：:]/;

/** The project an item or paragraph starts with (`【X】…`, or `**X**：…` when the shape allows). */
export function projectLead(paragraph: Paragraph, shape: ReportShape): { name: string; rest: string } | undefined {
  if (shape.bracketLead) {
    const text = toString(paragraph).trimStart();
    const m = BRACKET_LEAD.exec(text);
    if (m && m[1]!.trim()) return { name: m[1]!.trim(), rest: text.slice(m[0].length).trim() };
  }
  if (shape.boldLead) {
    const [first, second] = paragraph.children;
    if (first?.type === "strong" && second?.type === "text" && COLON_AFTER_BOLD.test(second.value)) {
      const name = toString(first).trim();
      if (name && name.length <= 40)
        return {
          name,
          rest: toString({ ...paragraph, children: paragraph.children.slice(1) })
            .replace(COLON_AFTER_BOLD, "")
            .trim(),
        };
    }
  }
  return undefined;
}

/** The project a list item names, for the lead section's "is this a projects list" test. */
export function projectNameOf(item: ListItem, shape: ReportShape): string | undefined {
  const first = item.children[0];
  return first?.type === "paragraph" ? projectLead(first, shape)?.name : undefined;
}

export function canHoldProjects(section: RawSection): boolean {
  return section.kind === "projects" || section.kind === "unknown";
}

/**
 * A list of links (`- 【Milk-V Duo】 开箱视频 [链接](…)`): no item has sub-items and at least half of
 * them link somewhere (a bare URL counts). Outside a 重点项目 section its 【…】 are names of things
 * linked, not projects; a real project item elsewhere has its details under it, or no links.
 */
export function isLinksList(list: List): boolean {
  let linked = 0;
  for (const li of list.children) {
    const [first, ...rest] = li.children;
    if (rest.some((c) => c.type === "list")) return false;
    if (first?.type === "paragraph" && first.children.some((c) => c.type === "link")) linked++;
  }
  return linked > 0 && linked * 2 >= list.children.length;
}

/** Whether a heading names a project under this shape (not a known section, not excluded). */
export function isProjectHeading(title: string, depth: number, shape: ReportShape): boolean {
  const hp = shape.headingProjects;
  if (!hp || !hp.depths.includes(depth)) return false;
  const folded = foldHeading(title);
  return folded !== "" && !shape.exclude.some((e) => foldHeading(e) === folded);
}

export function extractProjects(section: RawSection, ctx: Context): ProjectMention[] {
  const hp = ctx.shape.headingProjects;
  if (hp && section.heading) {
    // The whole section is one project (`## RuyiSDK`), or, under `within`, its sub-headings are.
    if (hp.within === undefined && section.kind === "unknown" && isProjectHeading(section.title, section.depth, ctx.shape))
      return [headingProject(section.heading, section.title, section.nodes, ctx, section)];
    if (hp.within !== undefined && foldHeading(section.title) === foldHeading(hp.within)) return subHeadingProjects(section, ctx);
  }
  if (!canHoldProjects(section)) return [];
  const mentions: ProjectMention[] = [];
  for (const node of section.nodes) {
    if (node.type === "list") {
      if (section.kind !== "projects" && isLinksList(node)) continue;
      for (const li of node.children) {
        const first = li.children[0];
        const lead = first?.type === "paragraph" ? projectLead(first, ctx.shape) : undefined;
        if (lead) mentions.push(leadProject(lead, first as Paragraph, li, node, ctx));
      }
    } else if (node.type === "paragraph" && ctx.shape.boldLead) {
      const lead = projectLead(node, ctx.shape);
      if (lead && node.children[0]?.type === "strong") mentions.push(paragraphProject(lead, node, ctx));
    }
  }
  return mentions;
}

function leadProject(lead: { name: string; rest: string }, paragraph: Paragraph, li: ListItem, list: List, ctx: Context): ProjectMention {
  const project = ctx.projects.resolve(lead.name);
  const anchor = ctx.anchors.take(`p-${project.slug}`);
  setId(li, anchor);
  linkProjectName(paragraph, lead.name, ctx.links.project(project.slug));
  const { html, text } = itemHtml(list, li);
  return {
    name: lead.name,
    slug: project.slug,
    registered: project.registered,
    anchor,
    lead: lead.rest,
    items: toItems(li.children.slice(1), ctx),
    html,
    text,
    progress: extractProgress(toString(li)),
    line: lineOf(li, ctx),
  };
}

function paragraphProject(lead: { name: string; rest: string }, paragraph: Paragraph, ctx: Context): ProjectMention {
  const project = ctx.projects.resolve(lead.name);
  const anchor = ctx.anchors.take(`p-${project.slug}`);
  setId(paragraph, anchor);
  const strong = paragraph.children[0]!;
  paragraph.children[0] = { type: "link", url: ctx.links.project(project.slug), children: [strong], data: { hProperties: { className: ["project-link"] } } };
  const hast = stripIds(mdastToHast([paragraph]));
  return {
    name: lead.name,
    slug: project.slug,
    registered: project.registered,
    anchor,
    lead: lead.rest,
    items: [],
    html: renderHtml(hast),
    text: hastText(hast),
    progress: extractProgress(toString(paragraph)),
    line: lineOf(paragraph, ctx),
  };
}

/** A heading and what follows it up to the next heading of its level or above: one project. */
function headingProject(heading: Heading, title: string, nodes: RootContent[], ctx: Context, section?: RawSection): ProjectMention {
  const name = cleanHeading(title);
  const project = ctx.projects.resolve(name);
  const anchor = ctx.anchors.take(`p-${project.slug}`);
  setId(heading, anchor);
  if (section) section.anchor = anchor;
  const hast = stripIds(mdastToHast(nodes));
  heading.children = [
    { type: "link", url: ctx.links.project(project.slug), children: heading.children, data: { hProperties: { className: ["project-link"] } } },
  ];
  const lead = nodes[0]?.type === "paragraph" ? toString(nodes[0]).split("\n")[0]!.trim() : "";
  return {
    name,
    slug: project.slug,
    registered: project.registered,
    anchor,
    lead,
    items: toItems(nodes, ctx),
    html: renderHtml(hast),
    text: hastText(hast),
    progress: extractProgress(nodes.map((n) => toString(n)).join("\n")),
    line: lineOf(heading, ctx),
  };
}

/** `within: 重点项目`: each sub-heading of the listed levels inside that section is a project. */
function subHeadingProjects(section: RawSection, ctx: Context): ProjectMention[] {
  const mentions: ProjectMention[] = [];
  const nodes = section.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== "heading" || !isProjectHeading(toString(node), node.depth, ctx.shape)) continue;
    let end = i + 1;
    while (end < nodes.length && !(nodes[end]!.type === "heading" && (nodes[end] as Heading).depth <= node.depth)) end++;
    mentions.push(headingProject(node, toString(node), nodes.slice(i + 1, end), ctx));
  }
  return mentions;
}

/** Wraps the first `【name】` text of an item in a link to the project page. */
function linkProjectName(paragraph: Paragraph, name: string, href: string): void {
  const needle = `【${name}】`;
  const visitChildren = (children: PhrasingContent[]): boolean => {
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === "text") {
        const at = child.value.indexOf(needle);
        if (at < 0) continue;
        const before = child.value.slice(0, at);
        const after = child.value.slice(at + needle.length);
        const link: PhrasingContent = {
          type: "link",
          url: href,
          children: [{ type: "text", value: needle }],
          data: { hProperties: { className: ["project-link"] } },
        };
        const replacement: PhrasingContent[] = [];
        if (before) replacement.push({ type: "text", value: before });
        replacement.push(link);
        if (after) replacement.push({ type: "text", value: after });
        children.splice(i, 1, ...replacement);
        return true;
      }
      if ("children" in child && child.type !== "link" && visitChildren(child.children as PhrasingContent[])) return true;
    }
    return false;
  };
  visitChildren(paragraph.children);
}

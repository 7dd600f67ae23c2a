import type { Heading, List, ListItem, Nodes, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { ReportItem, SectionKind } from "../model.ts";
import type { ProjectResolver } from "../project-names.ts";
import { hastText, mdastToHast, renderHtml, stripIds } from "../render.ts";
import type { ReportShape } from "../shape.ts";
import type { AnchorSet } from "../slug.ts";
import type { WeekLinks } from "../week-links.ts";

/** Helpers every extraction step shares: the section model, positions, anchors, items. */

export interface RawSection {
  kind: SectionKind;
  title: string;
  depth: number;
  objectiveId?: string;
  objectiveTitle?: string;
  /** The heading names the 上周计划完成情况 checklist (section-kinds.ts). */
  planChecklist?: boolean;
  /** Checklist headings among `nodes`, for a section whose own heading is another. */
  innerChecklists?: Set<Heading>;
  heading?: Heading;
  nodes: RootContent[];
  anchor: string;
}

export interface Context {
  file: string;
  bodyLine: number;
  /** Added to tree lines to get file lines: 0 for a tree parsed with the frontmatter blanked. */
  lineOffset: number;
  anchors: AnchorSet;
  projects: ProjectResolver;
  links: WeekLinks;
  weekMonday: Date;
  /** How this team's weeks are organised (content/shape.yaml). */
  shape: ReportShape;
}

/** The `npm run new` template marks unfilled items; they are not content yet. */
const PLACEHOLDER = /^[（(]待填写[）)]$/;
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

export function lineOf(node: Nodes, ctx: Context): number {
  return (node.position?.start.line ?? 1) + ctx.lineOffset;
}

export function setId(node: Nodes, id: string): void {
  const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, id };
}

/** Own text of a list item: its paragraphs, not its nested lists. */
export function ownText(item: ListItem): string {
  return item.children
    .filter((c) => c.type !== "list")
    .map((c) => toString(c))
    .join("\n")
    .trim();
}

export function toItems(nodes: RootContent[], ctx: Context): ReportItem[] {
  const items: ReportItem[] = [];
  for (const node of nodes) {
    if (node.type === "list") {
      for (const li of node.children) {
        const nested = li.children.filter((c): c is List => c.type === "list");
        const paragraphs = li.children.filter((c) => c.type !== "list");
        const own = paragraphs
          .map((p) => toString(p))
          .join("\n")
          .trim();
        if (isPlaceholder(own) && nested.length === 0) continue;
        items.push({
          anchor: "",
          text: own,
          children: toItems(nested, ctx),
          line: lineOf(li, ctx),
        });
      }
    } else if (node.type !== "heading") {
      const text = toString(node).trim();
      if (text && !isPlaceholder(text)) items.push({ anchor: "", text, children: [], line: lineOf(node, ctx) });
    }
  }
  return items;
}

export function itemHtml(list: List, item: ListItem): { html: string; text: string } {
  // A list is loose when any item is; the lone copy must keep the same looseness to render the same.
  const spread = Boolean(list.spread) || list.children.some((c) => c.spread);
  const start = list.ordered ? (list.start ?? 1) + list.children.indexOf(item) : list.start;
  const single: List = { ...list, spread, start, children: [{ ...item, spread }] };
  const hast = stripIds(mdastToHast([single]));
  return { html: renderHtml(hast), text: hastText(hast) };
}

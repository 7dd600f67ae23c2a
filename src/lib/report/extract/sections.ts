import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { classifyHeading } from "../section-kinds.ts";
import { headingSlug } from "../slug.ts";
import { setId, type Context, type RawSection } from "./common.ts";
import { isProjectHeading, projectNameOf } from "./projects.ts";

/** Step 3: split the document at headings into sections of known kinds. */
export function segmentSections(tree: Root, ctx: Context): RawSection[] {
  const sections: RawSection[] = [];
  let current: RawSection = { kind: "projects", title: "重点项目", depth: 0, nodes: [], anchor: "" };
  for (const node of tree.children) {
    if (node.type === "heading") {
      const cls = classifyHeading(toString(node), ctx.shape.sections, ctx.shape.objectives);
      // A project heading (`## RuyiSDK` under the headings preset) is its own section even below a `#` title.
      const projectHeading = cls.kind === "unknown" && !ctx.shape.headingProjects?.within && isProjectHeading(cls.title, node.depth, ctx.shape);
      const startsSection = current.depth === 0 || cls.kind !== "unknown" || node.depth <= current.depth || projectHeading;
      if (startsSection) {
        sections.push(current);
        current = {
          kind: cls.kind,
          title: cls.title,
          depth: node.depth,
          objectiveId: cls.objectiveId,
          objectiveTitle: cls.objectiveTitle,
          planChecklist: cls.planChecklist,
          heading: node,
          nodes: [],
          anchor: "",
        };
        continue;
      }
      // A checklist heading inside a section (under a `#` title): its ticks count, the section keeps it.
      if (cls.planChecklist) (current.innerChecklists ??= new Set()).add(node);
    }
    if (node.type !== "definition") current.nodes.push(node);
  }
  sections.push(current);
  const lead = sections[0]!;
  if (lead.nodes.length === 0) sections.shift();
  else if (!lead.nodes.some((n) => n.type === "list" && n.children.some((li) => projectNameOf(li, ctx.shape)))) {
    lead.kind = "unknown";
    lead.title = "";
  }
  for (const s of sections) {
    s.anchor = ctx.anchors.take(anchorBase(s));
    if (s.heading) setId(s.heading, s.anchor);
  }
  return sections;
}

function anchorBase(s: RawSection): string {
  if (s.kind === "objective") return s.objectiveId!.toLowerCase();
  if (s.kind === "unknown") return s.heading ? headingSlug(s.title) : "intro";
  return s.kind;
}

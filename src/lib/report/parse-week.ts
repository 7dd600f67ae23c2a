/**
 * A week file → its WeekReport, in small named steps, one module each under extract/. The order
 * matters where a step changes the tree: anchors and links go on the nodes before anything renders.
 */
import type { Root } from "mdast";
import { emptyRegistry, type Registry } from "../registry.ts";
import { weekSlug, weekStart } from "../week-id.ts";
import { lineOf, type Context, type RawSection } from "./extract/common.ts";
import { readFrontmatter } from "./extract/frontmatter.ts";
import { extractIncidents } from "./extract/incidents.ts";
import { linkObjectiveHeadings, resolveLinks } from "./extract/links.ts";
import { extractMetrics } from "./extract/metrics.ts";
import { extractObjective } from "./extract/objectives.ts";
import { extractOthers } from "./extract/others.ts";
import { extractPlanMarks, planChecklistIndex, renderPlanChecklist } from "./extract/plan-checklist.ts";
import { extractPlans } from "./extract/plans.ts";
import { extractProjects } from "./extract/projects.ts";
import { renderSection } from "./extract/render.ts";
import { segmentSections } from "./extract/sections.ts";
import { readBodyTree } from "./extract/tree.ts";
import type { WeekReport } from "./model.ts";
import { WeekParseError } from "./parse-error.ts";
import { createProjectResolver, type DerivedSlugs } from "./project-names.ts";
import { defaultShape } from "./shape.ts";
import { AnchorSet } from "./slug.ts";
import type { WeekLinks } from "./week-links.ts";

export type { WeekLinks } from "./week-links.ts";
export { readFrontmatterData } from "./extract/frontmatter.ts";
export { WeekParseError } from "./parse-error.ts";

export interface ParseWeekOptions {
  /** Path shown in errors. */
  file: string;
  registry?: Registry;
  links?: WeekLinks;
  /**
   * The body as the week check parsed it (`text`: the file with its frontmatter blanked line for
   * line, by remark-parse + remark-gfm + remark-mdx without options). Used — and changed — only
   * when it is exactly this file's text, so a build parses each week's MDX once.
   */
  checked?: { text: string; tree: Root };
  /** Slugs of unregistered names that collide with another name's, from the whole archive (week-files.ts). */
  derivedSlugs?: DerivedSlugs;
}

const defaultLinks: WeekLinks = {
  project: (slug) => `/projects/${slug}/`,
  objective: (id) => `/objectives/${id.toLowerCase()}/`,
};

/** Parses a whole week file (frontmatter + MDX body); every failure is a WeekParseError naming the file. */
export function parseWeekSource(source: string, options: ParseWeekOptions): WeekReport {
  try {
    return readWeek(source, options);
  } catch (e) {
    if (e instanceof WeekParseError) throw e;
    throw new WeekParseError(options.file, undefined, undefined, `解析失败 (failed to parse)：${(e as Error).message}`);
  }
}

function readWeek(source: string, options: ParseWeekOptions): WeekReport {
  // 1–2. Frontmatter, then the body's tree: the check's own when it read exactly this text.
  const { frontmatter, metrics: frontmatterMetrics, split } = readFrontmatter(source, options.file);
  const checked = options.checked?.text === split.paddedBody ? options.checked.tree : undefined;
  const tree = readBodyTree({ body: split.body, bodyLine: split.bodyLine, tree: checked }, options.file);
  const registry = options.registry ?? emptyRegistry;
  const ctx: Context = {
    file: options.file,
    bodyLine: split.bodyLine,
    lineOffset: checked ? 0 : split.bodyLine - 1,
    anchors: new AnchorSet(),
    projects: createProjectResolver(registry, options.derivedSlugs),
    links: options.links ?? defaultLinks,
    weekMonday: weekStart(frontmatter.week),
    shape: registry.shape ?? defaultShape,
  };
  resolveLinks(tree, ctx.links);

  // 3–10. Sections, then what each kind holds; anchors are taken in this order.
  const sections = segmentSections(tree, ctx);
  const ofKind = (kind: RawSection["kind"]) => sections.filter((s) => s.kind === kind);
  const projects = sections.flatMap((s) => extractProjects(s, ctx));
  const objectives = ofKind("objective").map((s) => extractObjective(s, ctx, registry));
  const metrics = ofKind("metrics").flatMap((s) => extractMetrics(s, ctx));
  const incidents = ofKind("incidents").flatMap((s) => extractIncidents(s, ctx));
  const others = ofKind("other").flatMap((s) => extractOthers(s, ctx));
  const plans = ofKind("plans").flatMap((s) => extractPlans(s, ctx));
  const planMarks = extractPlanMarks(sections, ctx);
  linkObjectiveHeadings(sections, ctx.links);

  // 11. Render last.
  const rendered = sections.map(renderSection);
  const checklistAt = planChecklistIndex(sections);
  const title = frontmatter.title ?? frontmatter.week;
  return {
    week: frontmatter.week,
    slug: weekSlug(frontmatter.week),
    title,
    created: frontmatter.created,
    author: frontmatter.author,
    summary: frontmatter.summary,
    draft: frontmatter.draft === true,
    frontmatterMetrics,
    sections: sections.map((s, i) => ({
      kind: s.kind,
      title: s.title,
      anchor: s.anchor,
      depth: s.depth,
      objectiveId: s.objectiveId,
      text: rendered[i]!.text,
      line: s.heading ? lineOf(s.heading, ctx) : s.nodes[0] ? lineOf(s.nodes[0], ctx) : split.bodyLine,
    })),
    projects,
    objectives,
    metrics,
    incidents,
    plans,
    planMarks,
    reflections: sections
      .map((s, i) => (s.kind === "reflections" ? rendered[i]!.bodyText : ""))
      .filter(Boolean)
      .join("\n"),
    others,
    planChecklist: checklistAt < 0 ? undefined : renderPlanChecklist(sections[checklistAt]!),
    html: rendered
      .filter((_, i) => i !== checklistAt)
      .map((r) => r.html)
      .join("\n"),
    text: [title, ...rendered.map((r) => r.text)].filter(Boolean).join("\n"),
  };
}

import type { Element, ElementContent } from "hast";
import { isPlanChecklistTitle } from "../insights/plan-marks.ts";
import type { Nodes, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { weekSlug, weekStart, type WeekId } from "../week-id.ts";
import { weekFrontmatterSchema, type WeekFrontmatter } from "../week-schema.ts";
import { emptyRegistry, type Registry } from "../registry.ts";
import { findTooDeepNode, readWeekSource, type WeekSplit } from "./week-source.ts";
import { isNoIncident, parseIncident } from "./incidents.ts";
import { extractMetricReadings } from "./metrics.ts";
import type {
  Incident,
  MetricGroup,
  ObjectiveItem,
  ObjectiveSection,
  PlanItem,
  ReportItem,
  Section,
  WeekReport,
} from "./model.ts";
import { extractProgress } from "./progress.ts";
import { createProjectResolver, type DerivedSlugs } from "./project-names.ts";
import { hastText, mdastToHast, renderHtml, resolveReferences, stripIds } from "./render.ts";
import { classifyHeading } from "./section-kinds.ts";
import { isPlaceholder, itemHtml, lineOf, ownText, setId, toItems, type Context, type RawSection } from "./extract/common.ts";
import { extractProjects, isProjectHeading, projectNameOf } from "./extract/projects.ts";
import { defaultShape } from "./shape.ts";
import { AnchorSet, headingSlug } from "./slug.ts";
import { leadPhrase, stripStatusWords } from "./text.ts";

// In a module of its own so that extract/ can name it without importing this file back.
import type { WeekLinks } from "./week-links.ts";
export type { WeekLinks };

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

/** A week that cannot be read; carries the file position for the author. */
export class WeekParseError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(file: string, line: number | undefined, column: number | undefined, message: string) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""} ${message}`);
    this.name = "WeekParseError";
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

const defaultLinks: WeekLinks = {
  project: (slug) => `/projects/${slug}/`,
  objective: (id) => `/objectives/${id.toLowerCase()}/`,
};

/**
 * A week file's frontmatter as YAML data, not yet checked against the schema, with where its body
 * starts — read by the one week reader the check uses. Throws WeekParseError at the file line of the
 * first problem the check would report (encoding, fences, YAML).
 */
export function readFrontmatterData(source: string, file: string): { data: unknown; split: WeekSplit } {
  const read = readWeekSource(source);
  const first = read.problems[0];
  if (first) throw new WeekParseError(file, first.line, first.column, `${first.message} 修复：${first.hint}`);
  return { data: read.frontmatter!.data, split: read.split };
}

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
  const { data, split } = readFrontmatterData(source, options.file);
  const parsed = weekFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WeekParseError(options.file, split.frontmatter!.yamlStartLine, undefined, `frontmatter 字段 ${issue.path.join(".") || "(root)"}：${issue.message}`);
  }
  const checked = options.checked;
  const tree = checked && checked.text === split.paddedBody ? checked.tree : undefined;
  return parseWeekBody({ frontmatter: parsed.data, body: split.body, bodyLine: split.bodyLine, tree }, options);
}



/** Parses a week body whose frontmatter has been validated already (the Astro collection path). */
export function parseWeekBody(
  input: {
    frontmatter: WeekFrontmatter;
    body: string;
    bodyLine: number;
    /** The body already parsed with file line positions (frontmatter blanked); taken over and changed. */
    tree?: Root;
  },
  options: ParseWeekOptions,
): WeekReport {
  const { frontmatter, body, bodyLine } = input;
  let tree: Root;
  try {
    tree = input.tree ?? (processor.parse(body) as Root);
  } catch (e) {
    const place = (e as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const line = place?.line ?? place?.start?.line;
    const column = place?.column ?? place?.start?.column;
    throw new WeekParseError(options.file, line ? line + bodyLine - 1 : undefined, column, `MDX 无法解析：${(e as Error).message}`);
  }
  // Every step below walks the tree recursively; a tree the check would reject stops here, named.
  const deep = findTooDeepNode(tree);
  if (deep) {
    const line = input.tree ? deep.line : deep.line + bodyLine - 1;
    throw new WeekParseError(options.file, line, deep.column, `${deep.message} 修复：${deep.hint}`);
  }
  resolveReferences(tree);
  const registry = options.registry ?? emptyRegistry;
  const ctx: Context = {
    file: options.file,
    bodyLine,
    lineOffset: input.tree ? 0 : bodyLine - 1,
    anchors: new AnchorSet(),
    projects: createProjectResolver(registry, options.derivedSlugs),
    links: options.links ?? defaultLinks,
    weekMonday: weekStart(frontmatter.week as WeekId),
    shape: registry.shape ?? defaultShape,
  };

  rebaseInternalUrls(tree, ctx.links);
  const sections = segmentSections(tree, ctx);
  const projects = sections.flatMap((s) => extractProjects(s, ctx));
  const objectives = sections.filter((s) => s.kind === "objective").map((s) => extractObjective(s, ctx, registry));
  const metrics = sections.filter((s) => s.kind === "metrics").flatMap((s) => extractMetrics(s, ctx));
  const incidents = sections.filter((s) => s.kind === "incidents").flatMap((s) => extractIncidents(s, ctx));
  const others = sections.filter((s) => s.kind === "other").flatMap((s) => extractItems(s, ctx, "other"));
  const plans = sections.filter((s) => s.kind === "plans").flatMap((s) => extractPlans(s, ctx));
  linkObjectiveHeadings(sections, ctx);

  // Render last: the steps above put anchors and links on the nodes.
  const rendered = sections.map(renderSection);
  const reflections = sections
    .map((s, i) => (s.kind === "reflections" ? rendered[i]!.bodyText : ""))
    .filter(Boolean)
    .join("\n");
  const title = frontmatter.title ?? frontmatter.week;
  const checklistAt = sections.findIndex((s) => s.heading && s.kind === "unknown" && isPlanChecklistTitle(s.title));
  const checklist = checklistAt < 0 ? undefined : sections[checklistAt]!;

  return {
    week: frontmatter.week,
    slug: weekSlug(frontmatter.week),
    title,
    created: frontmatter.created,
    author: frontmatter.author,
    summary: frontmatter.summary,
    draft: frontmatter.draft === true,
    sections: sections.map((s, i) => ({
      kind: s.kind,
      title: s.title,
      anchor: s.anchor,
      depth: s.depth,
      objectiveId: s.objectiveId,
      text: rendered[i]!.text,
      line: s.heading ? lineOf(s.heading, ctx) : s.nodes[0] ? lineOf(s.nodes[0], ctx) : bodyLine,
    })) satisfies Section[],
    projects,
    objectives,
    metrics,
    incidents,
    plans,
    reflections,
    others,
    // Its body only: the plan-review block that shows it has the heading.
    planChecklist: checklist && { anchor: checklist.anchor, title: checklist.title, html: renderHtml(mdastToHast(checklist.nodes)) },
    html: rendered.filter((_, i) => i !== checklistAt).map((r) => r.html).join("\n"),
    text: [title, ...rendered.map((r) => r.text)].filter(Boolean).join("\n"),
  };
}

function rebaseInternalUrls(tree: Root, links: WeekLinks): void {
  const internal = links.internal;
  if (!internal) return;
  visit(tree, (node) => {
    if ((node.type === "link" || node.type === "image") && /^\/(?!\/)/.test(node.url)) node.url = internal(node.url);
    // `<img src="/images/…">` in a week lives under the deploy base like a Markdown image.
    if ((node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") && node.name === "img")
      for (const a of node.attributes)
        if (a.type === "mdxJsxAttribute" && a.name.toLowerCase() === "src" && typeof a.value === "string" && /^\/(?!\/)/.test(a.value))
          a.value = internal(a.value);
  });
}







/** Step 1: split the document at headings into sections of known kinds. */
function segmentSections(tree: Root, ctx: Context): RawSection[] {
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
          heading: node,
          nodes: [],
          anchor: "",
        };
        continue;
      }
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






/** Step 3: objective sections and their items, each with its subject. */
function extractObjective(section: RawSection, ctx: Context, registry: Registry): ObjectiveSection {
  const id = section.objectiveId!;
  const registered = registry.objectives.find((o) => o.id === id);
  const items: ObjectiveItem[] = [];
  const prefix = id.toLowerCase();
  for (const node of section.nodes) {
    if (node.type === "list") {
      for (const li of node.children) {
        const text = ownText(li);
        if (isPlaceholder(text)) continue;
        const anchor = ctx.anchors.take(`${prefix}-${items.length + 1}`);
        setId(li, anchor);
        const subject = stripStatusWords(leadPhrase(text));
        const { html } = itemHtml(node, li);
        items.push({
          anchor,
          subject,
          projectSlug: ctx.projects.match(subject),
          text,
          html,
          children: toItems(li.children.filter((c) => c.type === "list"), ctx),
          progress: extractProgress(toString(li)),
          line: lineOf(li, ctx),
        });
      }
    } else if (node.type === "paragraph") {
      const text = toString(node).trim();
      if (!text || isPlaceholder(text)) continue;
      const anchor = ctx.anchors.take(`${prefix}-${items.length + 1}`);
      setId(node, anchor);
      const hast = stripIds(mdastToHast([node]));
      const subject = stripStatusWords(leadPhrase(text));
      items.push({
        anchor,
        subject,
        projectSlug: ctx.projects.match(subject),
        text,
        html: renderHtml(hast),
        children: [],
        progress: extractProgress(text),
        line: lineOf(node, ctx),
      });
    }
  }
  return {
    id,
    title: section.objectiveTitle || registered?.title || "",
    anchor: section.anchor,
    items,
    line: section.heading ? lineOf(section.heading, ctx) : ctx.bodyLine,
  };
}

interface TextLine {
  text: string;
  line: number;
  node: Nodes;
}

/** Every paragraph line inside a section, list items included, in order. */
function textLines(nodes: RootContent[], ctx: Context): TextLine[] {
  const lines: TextLine[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === "paragraph" || node.type === "heading") {
      const start = lineOf(node, ctx);
      toString(node)
        .split("\n")
        .forEach((text, i) => {
          if (text.trim()) lines.push({ text: text.trim(), line: start + i, node });
        });
      return;
    }
    if ("children" in node) for (const c of node.children as Nodes[]) walk(c);
  };
  for (const n of nodes) walk(n);
  return lines;
}

/** Step 4: metric readings of 系统运行数据, grouped under their sub-titles. */
function extractMetrics(section: RawSection, ctx: Context): MetricGroup[] {
  const groups: MetricGroup[] = [];
  let current: MetricGroup | undefined;
  for (const { text, line, node } of textLines(section.nodes, ctx)) {
    const readings = extractMetricReadings(text, line);
    if (readings.length === 0) {
      if (node.type === "heading" || /[：:]\s*$/.test(text) || !/\d/.test(text)) {
        current = { title: text.replace(/[：:]\s*$/, "").trim(), readings: [] };
        groups.push(current);
      }
      continue;
    }
    if (!current) {
      current = { title: "", readings: [] };
      groups.push(current);
    }
    current.readings.push(...readings);
  }
  return groups.filter((g) => g.readings.length > 0);
}

const STARTS_WITH_DATE = /^\s*\d{1,2}\s*(?:[/.\-]|月)\s*\d{1,2}/;

/** Step 5: production incidents, one per item or dated line. */
function extractIncidents(section: RawSection, ctx: Context): Incident[] {
  const incidents: Incident[] = [];
  const push = (text: string, line: number, anchor: string, html: string): void => {
    if (!text.trim() || isNoIncident(text) || isPlaceholder(text)) return;
    incidents.push({ anchor, ...parseIncident(text, ctx.weekMonday), text: text.trim(), html, line });
  };
  for (const node of section.nodes) {
    if (node.type === "list") {
      for (const li of node.children) {
        const text = toString(li).trim();
        if (isNoIncident(text) || isPlaceholder(text)) continue;
        const anchor = ctx.anchors.take(`incident-${incidents.length + 1}`);
        setId(li, anchor);
        push(text, lineOf(li, ctx), anchor, itemHtml(node, li).html);
      }
    } else if (node.type === "paragraph") {
      const text = toString(node).trim();
      if (!text || isNoIncident(text) || isPlaceholder(text)) continue;
      const anchor = ctx.anchors.take(`incident-${incidents.length + 1}`);
      setId(node, anchor);
      const html = renderHtml(stripIds(mdastToHast([node])));
      // Several dated lines in one paragraph are several incidents.
      const merged: { text: string; line: number }[] = [];
      text.split("\n").forEach((l, i) => {
        const last = merged.at(-1);
        if (last && !STARTS_WITH_DATE.test(l)) last.text += l;
        else merged.push({ text: l, line: lineOf(node, ctx) + i });
      });
      for (const m of merged) push(m.text, m.line, anchor, merged.length === 1 ? html : renderHtml({ type: "text", value: m.text }));
    }
  }
  return incidents;
}

/** Items of a plain section (其他), anchored; each top-level item or paragraph is read on its own. */
function extractItems(section: RawSection, ctx: Context, prefix: string): ReportItem[] {
  const items: ReportItem[] = [];
  const take = (node: Nodes, item: ReportItem | undefined): void => {
    if (!item) return;
    item.anchor = ctx.anchors.take(`${prefix}-${items.length + 1}`);
    setId(node, item.anchor);
    items.push(item);
  };
  for (const node of section.nodes) {
    if (node.type === "list") for (const li of node.children) take(li, toItems([{ ...node, children: [li] }], ctx)[0]);
    else if (node.type !== "heading") take(node, toItems([node], ctx)[0]);
  }
  return items;
}

/** Step 6: next week's plans, with explicit `- [x]` marks when written. */
function extractPlans(section: RawSection, ctx: Context): PlanItem[] {
  const plans: PlanItem[] = [];
  const add = (text: string, line: number, node: Nodes, checked: boolean | null | undefined): void => {
    if (!text || isPlaceholder(text)) return;
    const anchor = ctx.anchors.take(`plan-${plans.length + 1}`);
    setId(node, anchor);
    const subject = stripStatusWords(leadPhrase(text));
    plans.push({
      anchor,
      text,
      subject,
      projectSlug: ctx.projects.match(subject) ?? ctx.projects.find(text),
      checked: checked ?? undefined,
      line,
    });
  };
  for (const node of section.nodes) {
    if (node.type === "list") {
      for (const li of node.children) add(ownText(li), lineOf(li, ctx), li, li.checked);
    } else if (node.type === "paragraph") {
      const text = toString(node).trim();
      if (text) add(text, lineOf(node, ctx), node, undefined);
    }
  }
  return plans;
}

function linkObjectiveHeadings(sections: RawSection[], ctx: Context): void {
  for (const s of sections) {
    if (s.kind !== "objective" || !s.heading) continue;
    s.heading.children = [
      {
        type: "link",
        url: ctx.links.objective(s.objectiveId!),
        children: s.heading.children,
        data: { hProperties: { className: ["objective-link"] } },
      },
    ];
  }
}

function renderSection(s: RawSection): { html: string; text: string; bodyText: string } {
  const bodyHast = mdastToHast(s.nodes);
  const bodyText = hastText(bodyHast);
  const headingHast = s.heading ? mdastToHast([s.heading]) : undefined;
  const headingText = headingHast ? hastText(headingHast) : "";
  // The wrapper is built as a tree too, so the whole section passes the sanitizer in one go.
  const section: Element = {
    type: "element",
    tagName: "section",
    properties: { className: ["week-section"], dataKind: s.kind, ...(s.heading ? {} : { id: s.anchor }) },
    children: [...(headingHast?.children ?? []), { type: "text", value: "\n" }, ...bodyHast.children] as ElementContent[],
  };
  const html = renderHtml(section);
  return { html, text: [headingText, bodyText].filter(Boolean).join("\n"), bodyText };
}

/** One week as search sees it, built from the report model: the text a reader sees and where its sections start. */
import type { WeekReport } from "../report/model.ts";

/** A part of the week page a hit can link to. */
export interface SearchSection {
  /** Shown on the hit, e.g. `O1 业务服务` or `重点项目 · 贝易转（C转）`. */
  title: string;
  /** Element id on the week page. */
  anchor: string;
  /** UTF-16 offset in `SearchWeekRecord.text` where this part begins. */
  start: number;
  /** The chip (`[filter, value]`) a match in this part counts for: its objective or 【project】; none elsewhere. */
  facet?: [string, string];
}

export interface SearchWeekRecord {
  /** `2024-W17`: also the sort key (newest first = descending). */
  week: string;
  /** Week page URL, base included, no hash. */
  url: string;
  title: string;
  /** Date range label shown on a hit. */
  dates: string;
  /** The report text exactly as the page shows it (title, headings, items). */
  text: string;
  /** Sections and project items in text order. */
  sections: SearchSection[];
  /** Filter facets: objective, project, year. */
  filters: Record<string, string[]>;
}

export interface RecordContext {
  url: string;
  dates: string;
  /** Display name of a project slug across the archive (registry name or the usual spelling). */
  projectName(slug: string, fallback: string): string;
  /** Display title of an objective id across the archive, so one objective is one chip. */
  objectiveTitle(id: string, fallback: string): string;
  /** Label for a section without a title of its own. */
  untitledSection: string;
}

/** Locates `needle` at or after `from`; the model's pieces are substrings of `text` in order. */
function locate(text: string, needle: string, from: number): number {
  if (!needle) return -1;
  const at = text.indexOf(needle, from);
  return at;
}

function firstLine(text: string): string {
  const nl = text.indexOf("\n");
  return nl < 0 ? text : text.slice(0, nl);
}

function objectiveLabel(o: { id: string; title: string }, ctx: RecordContext): string {
  return `${o.id} ${ctx.objectiveTitle(o.id, o.title)}`.trim();
}

export function toSearchRecord(report: WeekReport, ctx: RecordContext): SearchWeekRecord {
  const text = report.text;
  const sections: SearchSection[] = [];
  let cursor = 0;
  for (const s of report.sections) {
    const start = locate(text, s.text, cursor);
    if (start < 0) continue;
    const title = s.title || ctx.untitledSection;
    const objective = s.kind === "objective" && s.objectiveId ? report.objectives.find((o) => o.id === s.objectiveId) : undefined;
    sections.push({
      title,
      anchor: s.anchor,
      start,
      ...(objective ? { facet: ["objective", objectiveLabel(objective, ctx)] as [string, string] } : {}),
    });
    if (s.kind === "projects" || s.kind === "unknown") {
      // A hit inside a 【project】 item links to the item, finer than the section.
      let inner = start;
      const sectionEnd = start + s.text.length;
      for (const p of report.projects) {
        const at = locate(text, firstLine(p.text), inner);
        if (at < 0 || at >= sectionEnd) continue;
        sections.push({ title: `${title} · ${p.name}`, anchor: p.anchor, start: at, facet: ["project", ctx.projectName(p.slug, p.name)] });
        inner = at + 1;
      }
    }
    cursor = start + s.text.length;
  }

  const objectives = report.objectives.map((o) => objectiveLabel(o, ctx));
  const projects = report.projects.map((p) => ctx.projectName(p.slug, p.name));
  return {
    week: report.week,
    url: ctx.url,
    title: report.title,
    dates: ctx.dates,
    text,
    sections,
    filters: {
      objective: [...new Set(objectives)],
      project: [...new Set(projects)],
      year: [report.week.slice(0, 4)],
    },
  };
}

/** The part of the page a text offset falls in; undefined before the first section (the title). */
export function sectionAt(sections: readonly SearchSection[], offset: number): SearchSection | undefined {
  let found: SearchSection | undefined;
  for (const s of sections) {
    if (s.start <= offset) found = s;
    else break;
  }
  return found;
}

import { readWeekSource } from "../report/week-source.ts";
import type { Nodes } from "mdast";
import { explainWeekId, isWeekId, type WeekId } from "../week-id.ts";
import { WEEK_FRONTMATTER_KEYS } from "../week-schema.ts";
import { splitHtml } from "../html/tag.ts";
import { escapeForMdx, type EscapeChange, type EscapeKind } from "./escape-mdx.ts";
import { parseCommonMark, parseWeekMdx, renderedBlocks } from "./markdown.ts";
import { NOTION_UTC_OFFSET, parseNotionCreated } from "./notion-date.ts";
import { detectWeek, type DetectedWeek } from "./detect-week.ts";
import { dropHtmlComments, PROPERTY_LINE, propertyField } from "./private-parts.ts";
import { repairLinks, type LinkContext, type LinkRepair } from "./repair-links.ts";

/** An import the author has to fix first; the message says how, in Chinese. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

export interface ImportOptions {
  /** `--week`: wins over the title. */
  week?: string;
  /** Image URLs to rewrite (as written → new), e.g. a local file copied into public/. */
  imageUrls?: Readonly<Record<string, string>>;
  /** The export's file name, the last place a date is looked for (`2024-04-20-周报.md`). */
  fileName?: string;
  /** Where relative links may point (the other exports of a batch); without it links stay as written. */
  links?: LinkContext;
}

export interface LocalImage {
  url: string;
  /** 1-based line in the source file. */
  line: number;
}

export interface ImportedWeek {
  week: WeekId;
  /** The canonical week file, ready to write. */
  output: string;
  /** What the importer decided about metadata (title → week, Created → created…). */
  notes: string[];
  /** Every rewrite of the body, lines counted in the source file. */
  changes: EscapeChange[];
  /** Images with local paths, to be checked against the file system by the caller. */
  images: LocalImage[];
  /** Things the author should look at; the file is still written. */
  warnings: string[];
  /** Where the week came from (undefined when `--week` gave it). */
  detected?: DetectedWeek;
  /** Every link the importer changed. */
  linkRepairs: LinkRepair[];
  /** HTML comments and export properties left out of the page, one note each. */
  dropped: string[];
}

// Bounded spaces: `\s*-?\s*` tried every split of a long run of spaces at every four digits.
const WEEK_IN_TEXT = /(\d{4})[ \t]{0,3}-?[ \t]{0,3}W(\d{1,2})\b/i;

/** The text of a `# title #` line (closing hashes dropped), by hand: `^#\s+(.*?)\s*#*\s*$` is cubic in spaces. */
function atxTitle(line: string): string | undefined {
  if (!line.startsWith("#") || !/\s/.test(line[1] ?? "")) return undefined;
  let text = line.slice(1).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  text = text.slice(0, end).trimEnd();
  return text;
}

/** A Notion/Markdown export → the canonical week file (frontmatter + MDX-safe body). Pure. */
export function importWeek(source: string, options: ImportOptions = {}): ImportedWeek {
  const notes: string[] = [];
  const warnings: string[] = [];
  let text = source;
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    notes.push("去掉了文件开头的 BOM");
  }
  if (text.includes("\r")) {
    text = text.replace(/\r\n?/g, "\n");
    notes.push("换行统一为 LF");
  }
  const lines = text.split("\n");
  let i = 0;
  const fields: { week?: string; title?: string; author?: string; created?: string; summary?: string } = {};
  const dropped: string[] = [];
  let keptFrontmatter: string | undefined;
  let frontmatterData: { week?: unknown; date?: unknown } = {};
  let createdText: string | undefined;
  let detected: DetectedWeek | undefined;
  let titleNoteAt = notes.length;

  const read = readWeekSource(text);
  if (read.split.text.startsWith("---\n") || read.split.frontmatter) {
    // Already a week file (or Markdown with frontmatter): keep its frontmatter as written, read as the check reads it.
    const first = read.problems.find((p) => p.field !== "encoding");
    if (first) throw new ImportError(`第 ${first.line} 行：${first.message}。${first.hint}`);
    const block = read.split.frontmatter!;
    keptFrontmatter = block.yaml;
    const data = read.frontmatter!.data;
    frontmatterData = data && typeof data === "object" ? (data as typeof frontmatterData) : {};
    const record = frontmatterData as Record<string, unknown>;
    const foreign = Object.keys(record).filter((k) => !WEEK_FRONTMATTER_KEYS.includes(k));
    if (foreign.length > 0) {
      // A blog/site generator's frontmatter: the fields a week has are kept, the rest noted and left out.
      keptFrontmatter = undefined;
      for (const key of ["title", "author", "summary"] as const) if (typeof record[key] === "string" && record[key]) fields[key] = record[key] as string;
      if (!fields.summary && typeof record.description === "string" && record.description) fields.summary = record.description;
      for (const key of foreign)
        if (!(key === "description" && fields.summary === record.description))
          dropped.push(`frontmatter 的 ${key}: ${JSON.stringify(record[key])?.slice(0, 40)}：${key === "date" ? "用来确定周，" : ""}周报没有这个字段，未保留`);
    }
    i = block.closeLine;
  } else {
    while (i < lines.length && lines[i]!.trim() === "") i++;
    const h1 = atxTitle(lines[i] ?? "");
    if (h1 !== undefined) {
      fields.title = h1;
      i++;
    }
    titleNoteAt = notes.length;
    // Export properties (Notion puts them under the title): known ones become fields, the rest go.
    while (i < lines.length && lines[i]!.trim() === "") i++;
    for (let p = PROPERTY_LINE.exec(lines[i] ?? ""); p; p = PROPERTY_LINE.exec(lines[i] ?? "")) {
      const value = p[2]!.trim();
      const field = propertyField(p[1]!);
      if (field === "created") {
        createdText = value;
        const created = parseNotionCreated(value);
        if (created) {
          fields.created = created;
          notes.push(`Created: ${value} → created: "${created}"（Notion 不带时区，按 UTC${NOTION_UTC_OFFSET} 计）`);
        } else if (value) warnings.push(`看不懂 Created: ${value}，没有写 created；可手动写成 created: "2024-04-20T09:27+08:00"`);
      } else if (field === "author" && value && fields.author === undefined) {
        fields.author = value;
        notes.push(`${p[1]}: ${value} → author: ${JSON.stringify(value)}`);
      } else if (field === "date" && value) {
        frontmatterData = { ...frontmatterData, date: value };
        dropped.push(`第 ${i + 1} 行 ${p[1]}: ${value}：用来确定周，不进正文`);
      } else dropped.push(`第 ${i + 1} 行 ${p[1]}: ${value}：导出属性，未发布`);
      i++;
      while (i < lines.length && lines[i]!.trim() === "" && PROPERTY_LINE.test(lines[i + 1] ?? "")) i++;
    }
  }

  if (options.week === undefined) {
    detected = detectWeek({ frontmatter: frontmatterData, title: fields.title, created: createdText, fileName: options.fileName });
    if (detected) fields.week = detected.week;
  } else {
    const found = detectWeek({ frontmatter: frontmatterData, title: fields.title, created: createdText });
    if (keptFrontmatter !== undefined && typeof frontmatterData.week === "string" && frontmatterData.week !== options.week)
      throw new ImportError(`frontmatter 写的是 week: ${frontmatterData.week}，与 --week ${options.week} 不一致：去掉 --week 或改正 frontmatter`);
    if (found && found.week !== options.week) notes.push(`${SOURCE_LABEL[found.source]}里的 “${found.from}”（${found.week}）被 --week ${options.week} 取代`);
    else if (!found) notes.push(`week 取自 --week ${options.week}`);
    fields.week = options.week;
  }
  const titleNotes: string[] = [];
  let bareTitle = false;
  if (fields.title !== undefined && keptFrontmatter === undefined) {
    const bare = WEEK_IN_TEXT.exec(fields.title);
    bareTitle = !!bare && fields.title.trim() === bare[0] && `${bare[1]}-W${bare[2]!.padStart(2, "0")}` === fields.week;
    if (bareTitle) {
      titleNotes.push(`标题 “# ${fields.title}” → week: ${fields.week}`);
      fields.title = undefined;
    } else titleNotes.push(`标题 “# ${fields.title}” → title: ${JSON.stringify(fields.title)}`);
  }
  if (detected && !(bareTitle && detected.source === "title"))
    titleNotes.push(`week: ${detected.week}，取自${SOURCE_LABEL[detected.source]}的 “${detected.from}”${detected.rule ? `（${detected.rule}）` : ""}`);
  notes.splice(titleNoteAt, 0, ...titleNotes);
  if (!fields.week)
    throw new ImportError(
      "找不到日期或周号：标题、frontmatter 的 week/date、Created: 行和文件名里都没有（可写 2024-W17、2024-04-20、2024/04/20、24/04/20、2024年4月20日）；用 --week 2024-W17（单个文件）或 --weeks 对照表指定 (no date found: pass --week, or --weeks MAP for many files)",
    );
  const week = fields.week;
  if (!isWeekId(week)) throw new ImportError(`周号 ${week} 无效：${explainWeekId(week)}`);
  if (keptFrontmatter !== undefined && frontmatterData.week === undefined) keptFrontmatter = `week: ${week}\n${keptFrontmatter}`;

  // Body: everything after the title block, faithful to the character, one newline at the end.
  while (i < lines.length && lines[i]!.trim() === "") i++;
  const bodyFirstLine = i + 1;
  const exported = lines.slice(i).join("\n").trimEnd();
  // Private parts first: an HTML comment is never published, not even as escaped text.
  const uncommented = dropHtmlComments(exported);
  for (const c of uncommented.dropped) dropped.push(`第 ${c.line + bodyFirstLine - 1} 行的 HTML 注释 ${c.preview}：未发布`);
  const repaired = options.links ? repairLinks(uncommented.text, options.links) : { text: uncommented.text, repairs: [] };
  const linkRepairs = repaired.repairs.map((r) => ({ ...r, line: r.line + bodyFirstLine - 1 }));
  const written = repaired.text;
  const body = options.imageUrls ? rewriteImageUrls(written, options.imageUrls, notes) : written;
  let escaped = escapeForMdx(body);
  let afterTree: ReturnType<typeof parseWeekMdx> | undefined;
  try {
    afterTree = parseWeekMdx(escaped.text);
  } catch {
    // HTML that MDX cannot nest as written (a tag opened in one block and closed in another): all text.
    escaped = escapeForMdx(body, { html: "text" });
    warnings.push("HTML 标签的嵌套 MDX 读不了，全部改为可见文字；可以手动改成允许的写法（见 CONTRIBUTING）");
  }
  const changes = escaped.changes.map((c) => ({ ...c, line: c.line + bodyFirstLine - 1 }));
  for (const w of new Set(escaped.warnings.map((w) => `第 ${w.line + bodyFirstLine - 1} 行：${w.message}`))) warnings.push(w);

  const before = renderedBlocks(parseCommonMark(body));
  let after: string[] = [];
  try {
    after = renderedBlocks(afterTree ?? parseWeekMdx(escaped.text));
  } catch (e) {
    warnings.push(`转义后仍无法按 MDX 解析：${(e as Error).message}（请报告这个问题）`);
  }
  const differs = before.findIndex((b, n) => b !== after[n]);
  // HTML that now renders regroups blocks (a <details> holds paragraphs); then the text as a whole must match.
  const sameText = looseText(before) === looseText(after);
  if (after.length > 0 && (differs >= 0 || before.length !== after.length) && !sameText)
    warnings.push(`转换后第 ${differs + 1} 段文字与原文不同：${JSON.stringify(before[differs] ?? "")} → ${JSON.stringify(after[differs] ?? "")}`);

  const frontmatter =
    keptFrontmatter ??
    [
      `week: ${week}`,
      fields.title !== undefined ? `title: ${JSON.stringify(fields.title)}` : undefined,
      fields.author !== undefined ? `author: ${JSON.stringify(fields.author)}` : undefined,
      fields.created !== undefined ? `created: ${JSON.stringify(fields.created)}` : undefined,
      fields.summary !== undefined ? `summary: ${JSON.stringify(fields.summary)}` : undefined,
    ]
      .filter((l) => l !== undefined)
      .join("\n");
  const output = `---\n${frontmatter}\n---\n` + (escaped.text ? `\n${escaped.text}\n` : "");

  return {
    week,
    output,
    notes,
    changes,
    images: findLocalImages(written).map((img) => ({ ...img, line: img.line + bodyFirstLine - 1 })),
    warnings,
    detected,
    linkRepairs,
    dropped,
  };
}

const SOURCE_LABEL: Record<DetectedWeek["source"], string> = {
  frontmatter: "frontmatter",
  title: "标题",
  created: "Created: 行",
  "file-name": "文件名",
};

/** Text without whitespace and tags: HTML the importer turned to text or to elements has been warned about already. */
function looseText(blocks: readonly string[]): string {
  return splitHtml(blocks.join(""))
    .map((p) => ("text" in p ? p.text : ""))
    .join("")
    .replace(/[\s<>\\]+/g, "");
}

/** Replaces image destinations in place; everything else stays byte for byte. */
function rewriteImageUrls(markdown: string, urls: Readonly<Record<string, string>>, notes: string[]): string {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "image" && urls[node.url] !== undefined && node.position) {
      const start = node.position.start.offset!;
      const raw = markdown.slice(start, node.position.end.offset!);
      const dest = raw.lastIndexOf("](");
      const m = /^<([^>\n]*)>|^([^\s)]+)/.exec(raw.slice(dest + 2));
      if (dest >= 0 && m) {
        const at = start + dest + 2 + (m[1] !== undefined ? 1 : 0);
        const rawUrl = m[1] ?? m[2]!;
        edits.push({ start: at, end: at + rawUrl.length, text: urls[node.url]! });
        notes.push(`图片 ${node.url} → ${urls[node.url]}`);
      }
    }
    // Offsets into the node's value are offsets into the file only where no container indent was removed.
    const verbatim = node.type === "html" && node.position && markdown.slice(node.position.start.offset, node.position.end.offset) === node.value;
    if (node.type === "html" && node.position && verbatim)
      for (const img of htmlImages(node.value)) {
        if (urls[img.src] === undefined) continue;
        const at = node.position.start.offset! + img.valueStart;
        edits.push({ start: at, end: at + img.src.length, text: urls[img.src]! });
        notes.push(`图片 ${img.src} → ${urls[img.src]}`);
      }
    if ("children" in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(parseCommonMark(markdown));
  let out = markdown;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function isLocal(url: string): boolean {
  return url !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("/") && !url.startsWith("#");
}

/** `<img src="…">` tags in raw HTML: the src as written and where its text starts in `raw`. */
function htmlImages(raw: string): { src: string; valueStart: number; lineOffset: number }[] {
  const out: { src: string; valueStart: number; lineOffset: number }[] = [];
  for (const part of splitHtml(raw)) {
    if (!("tag" in part) || part.tag.name !== "img" || part.tag.closing) continue;
    const src = part.tag.attributes.find((a) => a.name.toLowerCase() === "src");
    // Entity-free values only: the offsets must point at the URL exactly as written.
    if (src?.value && src.valueStart !== undefined && !src.value.includes("&"))
      out.push({ src: src.value, valueStart: part.start + src.valueStart, lineOffset: raw.slice(0, part.start).split("\n").length - 1 });
  }
  return out;
}

function findLocalImages(markdown: string): LocalImage[] {
  const images: LocalImage[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === "image" || node.type === "definition") && node.url) {
      const url = node.url;
      const local = !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("/") && !url.startsWith("#");
      // Definitions are links unless an image uses them; only real image nodes count.
      if (local && node.type === "image") images.push({ url, line: node.position?.start.line ?? 0 });
    }
    if (node.type === "html")
      for (const img of htmlImages(node.value)) if (isLocal(img.src)) images.push({ url: img.src, line: (node.position?.start.line ?? 0) + img.lineOffset });
    if ("children" in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(parseCommonMark(markdown));
  return images;
}

const KIND_LABELS: Record<EscapeKind, string> = {
  "{": "{ → \\{",
  "}": "} → \\}",
  "<": "< → \\<",
  "html-comment": "HTML 注释改为可见文字",
  html: "HTML 标签改写（允许的标签写成 MDX 形式，其余改为可见文字）",
  autolink: "<网址> → [网址](网址)",
  "indented-code": "缩进代码块 → ``` 代码块",
  "esm-like": "段首 import/export → 字符引用",
};

/** `{ → \{ ×3、< → \< ×1` — one line per kind, with the lines where it happened. */
export function describeChanges(changes: readonly EscapeChange[]): string[] {
  const byKind = new Map<EscapeKind, number[]>();
  for (const c of changes) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.line]);
  return [...byKind].map(([kind, lines]) => {
    const unique = [...new Set(lines)];
    return `${KIND_LABELS[kind]} ×${lines.length}（第 ${unique.join("、")} 行）`;
  });
}

import type { Nodes } from "mdast";
import { parseCommonMark } from "./markdown.ts";

export interface DroppedComment {
  /** 1-based line in the text given. */
  line: number;
  /** The comment's first characters, for the import note. */
  preview: string;
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/**
 * Removes HTML comments (`<!-- 内部备注：不要外传 -->`): in an export they are notes the writer
 * never meant to publish, and a week file has no hidden form for them. Only comments Markdown
 * reads as HTML are removed; one inside code stays, since there it is shown text.
 */
export function dropHtmlComments(markdown: string): { text: string; dropped: DroppedComment[] } {
  if (!markdown.includes("<!--")) return { text: markdown, dropped: [] };
  const cuts: { start: number; end: number; line: number }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "html" && node.position) {
      const start = node.position.start.offset!;
      for (const m of node.value.matchAll(COMMENT)) {
        const at = start + m.index;
        cuts.push({ start: at, end: at + m[0].length, line: lineAt(markdown, at) });
      }
      return;
    }
    if ("children" in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(parseCommonMark(markdown));
  const dropped: DroppedComment[] = [];
  let text = markdown;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) {
    const comment = text.slice(cut.start, cut.end);
    dropped.unshift({ line: cut.line, preview: comment.replace(/\s+/g, " ").slice(0, 40) });
    // Its line breaks stay, so every later line keeps its number in notes and check messages.
    const breaks = comment.replace(/[^\n]/g, "");
    text = text.slice(0, cut.start) + breaks + text.slice(cut.end);
  }
  return { text, dropped };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Export property lines at the top of a Notion page (`Tags: 周报`, `Status: Done`): key → field.
 * Keys the week format has a field for map to it; the rest are dropped with a note.
 */
export const PROPERTY_LINE =
  /^(Created|Created time|创建时间|Last edited time|Last edited|更新时间|Author|Created by|作者|创建人|Owner|负责人|Tags|标签|Status|状态|Date|日期|Type|类型|Property|Assignee)\s*[:：]\s*(.*)$/i;

export type PropertyField = "created" | "author" | "date" | "dropped";

export function propertyField(key: string): PropertyField {
  const k = key.toLowerCase();
  if (k === "created" || k === "created time" || k === "创建时间") return "created";
  if (k === "author" || k === "created by" || k === "作者" || k === "创建人" || k === "owner" || k === "负责人") return "author";
  if (k === "date" || k === "日期") return "date";
  return "dropped";
}

/**
 * An independent check that an import lost no text: each source line, stripped of Markdown syntax by
 * these few rules of its own (not the site's parser), must appear in the built page's visible text.
 * Whitespace is ignored on both sides; HTML comments are expected to be gone and are not counted.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === "#") {
      const code = name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

const squash = (text: string): string => text.replace(/\s+/g, "");

/** The visible text of a built page's <main> (or body), whitespace removed. */
export function pageText(html: string): string {
  const main = /<main[\s>][\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  const text = main
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "");
  return squash(decodeEntities(text));
}

/** Tags a reader would see as text (`<br>`, `<u>`, `</details>`): HTML written in a week, escaped. */
export function literalTags(html: string): string[] {
  const main = /<main[\s>][\s\S]*<\/main>/i.exec(html)?.[0] ?? html;
  const text = decodeEntities(main.replace(/<(script|style)[\s\S]*?<\/\1>/gi, "").replace(/<[^>]+>/g, ""));
  return [
    ...text.matchAll(
      /<\/?(?:a|b|i|u|s|em|strong|br|hr|p|div|span|sup|sub|img|details|summary|table|tr|td|th|ul|ol|li|code|pre|kbd|mark|font|center|iframe|video)\b[^<>\n]{0,80}>/gi,
    ),
  ].map((m) => m[0]);
}

/** The text each source line should show, one entry per checkable piece (table cells apart). */
export function sourceLineTexts(markdown: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let inFence = false;
  let inComment = false;
  let inFrontmatter = lines[0]?.trim() === "---";
  lines.forEach((raw, i) => {
    let line = raw;
    if (inFrontmatter) {
      if (i > 0 && line.trim() === "---") inFrontmatter = false;
      return;
    }
    if (inComment) {
      const end = line.indexOf("-->");
      if (end < 0) return;
      inComment = false;
      line = line.slice(end + 3);
    }
    line = line.replace(/<!--[\s\S]*?-->/g, "");
    const open = line.indexOf("<!--");
    if (open >= 0) {
      inComment = true;
      line = line.slice(0, open);
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) {
      if (line.trim()) out.push({ line: i + 1, text: squash(line) });
      return;
    }
    line = stripBlock(line);
    if (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line) && line.includes("-")) return; // table rule
    if (/^\s*([-*_])\s*(\1\s*){2,}$/.test(line)) return; // thematic break
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) return; // link reference definition
    const cells = line.includes("|")
      ? line
          .trim()
          .replace(/^\|/, "")
          .replace(/(?<!\\)\|$/, "")
          .split(/(?<!\\)\|/)
      : [line];
    for (const cell of cells) {
      const text = squash(stripInline(cell));
      if (text) out.push({ line: i + 1, text });
    }
  });
  return out;
}

function stripBlock(line: string): string {
  let t = line;
  for (let again = true; again;) {
    const before = t;
    t = t
      .replace(/^\s*>\s?/, "")
      .replace(/^\s*#{1,6}\s+/, "")
      .replace(/\s+#+\s*$/, "")
      .replace(/^\s*(?:[-+*]|\d{1,9}[.)])\s+/, "")
      .replace(/^\s*\[[ xX]\]\s+/, "");
    again = t !== before;
  }
  return t;
}

// Backslash-escaped characters are set aside first, so the emphasis rules below cannot eat them.
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|<>~])/g;
const HELD = 0xe000;

function stripInline(text: string): string {
  const held = text.replace(ESCAPED, (_all, c: string) => String.fromCharCode(HELD + c.charCodeAt(0)));
  return restore(
    decodeEntities(
      held
        .replace(/`+([^`]*)`+/g, "$1")
        .replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
        .replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
        .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
        .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
        .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi, "")
        .replace(/(\*\*|__|~~)/g, "")
        .replace(/\*(\S(?:[^*]*?\S)?)\*/g, "$1")
        .replace(/(^|\W)_(\S(?:[^_]*?\S)?)_(?=$|\W)/g, "$1$2")
        .replace(/[[\]]/g, ""),
    ),
  );
}

function restore(text: string): string {
  return text.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - HELD)).replace(/[[\]]/g, "");
}

/** Each source line is found when its text is in the page text; brackets are ignored on the page too. */
export function coverage(markdown: string, html: string): { total: number; missing: { line: number; text: string }[] } {
  const page = pageText(html).replace(/[[\]]/g, "");
  const lines = sourceLineTexts(markdown);
  const missing = lines.filter((l) => !page.includes(l.text));
  return { total: lines.length, missing };
}

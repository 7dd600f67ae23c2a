/**
 * The one reader of a week file. Every tool — the check, the collection loader, the parser, `npm run
 * new`, `npm run import` — splits and reads a week here, so what the check passed is exactly what the
 * page shows: a second splitter that closed the frontmatter somewhere else let unchecked MDX through.
 *
 * Rules: the text is UTF-8 (invalid bytes are an error, not U+FFFD); a BOM is dropped; CRLF and CR-only
 * line endings become LF; a frontmatter fence is a line that is exactly `---`; the YAML is parsed by
 * the `yaml` library with an alias limit; control characters are an error. Every problem has a file line.
 */
import { LineCounter, parseDocument, visit as visitYaml, type Document } from "yaml";

/** Aliases a frontmatter may expand; a "billion laughs" bomb needs thousands. */
export const MAX_YAML_ALIASES = 50;
/** Characters a week file may have (real weeks are 2–40 KB); bounds the work of every later step. */
export const MAX_WEEK_CHARS = 2_000_000;

/**
 * Bounds on nesting, checked before any Markdown parser sees the text: a 500-level nested list took
 * 24 s to parse, 10,000 `*` in one paragraph 37 s, and deep trees overflow the stack of every tree walk.
 * No real week comes near them.
 */
export const LIMITS = {
  /** Leading spaces of a line (a tab counts 4): deeper lines are nesting, not writing. */
  indentColumns: 120,
  /** `>` and list markers opening one line (`> > - - 1.`). */
  lineContainers: 24,
  /** `*` and `_` in one paragraph, each a possible emphasis delimiter the parser pairs with every other. */
  paragraphDelimiters: 2000,
  /** Depth of a week's Markdown tree. */
  treeDepth: 100,
};

/** A problem found while reading; the caller adds the file. */
export interface SourceProblem {
  line: number;
  column?: number;
  field: string;
  /** Chinese first, English in brackets. */
  message: string;
  hint: string;
}

export interface FrontmatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** 1-based file line of the first YAML line (the line after the opening `---`). */
  yamlStartLine: number;
  /** 1-based file line of the closing `---`. */
  closeLine: number;
}

export interface WeekSplit {
  /** The file as text with BOM dropped and every line ending LF: what all positions refer to. */
  text: string;
  frontmatter?: FrontmatterBlock;
  /** Why there is no frontmatter block. */
  missing?: "missing" | "unclosed";
  /** The text after the closing fence (the whole text when there is no frontmatter). */
  body: string;
  /** 1-based file line of the body's first line. */
  bodyLine: number;
  /** The body under as many blank lines as the frontmatter took, so Markdown positions are file positions. */
  paddedBody: string;
}

export interface ReadFrontmatter {
  doc: Document;
  lineCounter: LineCounter;
  /** The YAML read without errors (syntax, alias limit): `data` is what every tool takes as the frontmatter. */
  valid: boolean;
  /** The YAML as plain data; undefined when not valid. */
  data?: unknown;
}

export interface WeekSource {
  split: WeekSplit;
  /** False when the body is beyond LIMITS: no tool may parse it as Markdown. */
  bodyParseable: boolean;
  /** Present when the file has a closed frontmatter block. */
  frontmatter?: ReadFrontmatter;
  /** Everything that makes the file unreadable; empty for a readable file. */
  problems: SourceProblem[];
}

const FENCE = "---";
/** `--- ` is not a fence, but it is what an author meant as one. */
const NEAR_FENCE = /^---[ \t]+$/;

/** Decodes a week file's bytes; invalid UTF-8 is reported at its line instead of turning into U+FFFD. */
export function decodeWeekBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: SourceProblem } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Find the first line that does not decode: lines split on LF, which never occurs inside a UTF-8 sequence.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let start = 0;
    let line = 1;
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      try {
        decoder.decode(bytes.subarray(start, end));
      } catch {
        break;
      }
      start = end + 1;
      line++;
    }
    return {
      ok: false,
      problem: {
        line,
        field: "encoding",
        message: "文件不是合法的 UTF-8 编码 (invalid UTF-8)",
        hint: "用编辑器把文件另存为 UTF-8 编码；这一行可能是从别的软件粘贴来的乱码",
      },
    };
  }
}

/** BOM dropped, CRLF and CR-only line endings as LF. */
export function normalizeWeekText(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** Splits a week file into frontmatter and body. Pure and linear; no YAML yet. */
export function splitWeekSource(source: string): WeekSplit {
  const text = normalizeWeekText(source);
  const whole = (missing: WeekSplit["missing"]): WeekSplit => ({ text, missing, body: text, bodyLine: 1, paddedBody: text });
  const firstEnd = lineEnd(text, 0);
  if (text.slice(0, firstEnd) !== FENCE) return whole("missing");
  let start = firstEnd + 1;
  let line = 2;
  while (start <= text.length) {
    const end = lineEnd(text, start);
    if (end - start === FENCE.length && text.startsWith(FENCE, start)) {
      const body = text.slice(Math.min(end + 1, text.length));
      return {
        text,
        frontmatter: { yaml: text.slice(firstEnd + 1, Math.max(firstEnd + 1, start - 1)), yamlStartLine: 2, closeLine: line },
        body,
        bodyLine: line + 1,
        paddedBody: "\n".repeat(line) + body,
      };
    }
    if (end >= text.length) break;
    start = end + 1;
    line++;
  }
  return whole("unclosed");
}

/** Reads a week file: split, control characters, fences, YAML. Never throws. */
export function readWeekSource(source: string): WeekSource {
  if (source.length > MAX_WEEK_CHARS) {
    return {
      split: { text: "", missing: "missing", body: "", bodyLine: 1, paddedBody: "" },
      bodyParseable: false,
      problems: [
        {
          line: 1,
          field: "file",
          message: `文件太大：${source.length} 个字符，上限 ${MAX_WEEK_CHARS} (week file too large)`,
          hint: "一周的周报通常只有几十 KB：删掉粘贴进来的日志或数据，把大文件放到 public/files/ 并链接它",
        },
      ],
    };
  }
  const split = splitWeekSource(source);
  const problems: SourceProblem[] = [];
  const control = findControlCharacter(split.text);
  if (control) problems.push(control);
  const nesting = findExcessiveNesting(split.paddedBody);
  problems.push(...nesting);
  const bodyParseable = nesting.length === 0;
  if (!split.frontmatter) {
    problems.push(fenceProblem(split));
    return { split, bodyParseable, problems };
  }
  const frontmatter = parseFrontmatterYaml(split.frontmatter);
  problems.push(...frontmatter.problems);
  return { split, bodyParseable, frontmatter: frontmatter.read, problems };
}

function fenceProblem(split: WeekSplit): SourceProblem {
  const lines = split.text.split("\n", 2000);
  const near = lines.findIndex((l, i) => (split.missing === "missing" ? i === 0 : i > 0) && NEAR_FENCE.test(l));
  if (near >= 0) {
    return {
      line: near + 1,
      field: "frontmatter",
      message: "frontmatter 的分隔行只能是 ---，这一行后面多了空格 (fence must be exactly ---)",
      hint: `删掉第 ${near + 1} 行 --- 后面的空格`,
    };
  }
  return split.missing === "missing"
    ? {
        line: 1,
        column: 1,
        field: "frontmatter",
        message: "缺少 frontmatter：文件第一行应是 --- (missing frontmatter)",
        hint: "在文件开头加三行：---、week: YYYY-Www（与文件名一致）、---",
      }
    : {
        line: 1,
        field: "frontmatter",
        message: "frontmatter 没有结束的 --- 行 (unclosed frontmatter)",
        hint: "在 frontmatter 最后一个键的下一行加一行 ---（只有这三个字符）",
      };
}

/** The YAML of a frontmatter block, with errors at file lines; aliases are bounded. */
export function parseFrontmatterYaml(block: FrontmatterBlock): { read: ReadFrontmatter; problems: SourceProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(block.yaml, { lineCounter });
  const offset = block.yamlStartLine - 1;
  const lastLine = block.yamlStartLine + Math.max(0, block.yaml.split("\n").length - 1);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((err): SourceProblem => {
      const pos = err.linePos?.[0];
      // Errors found at the end of the YAML point past it; the last YAML line is where the author looks.
      return {
        line: pos ? Math.min(pos.line + offset, lastLine) : block.yamlStartLine,
        column: pos && pos.line + offset <= lastLine ? pos.col : undefined,
        field: "frontmatter",
        message: `frontmatter 不是合法的 YAML：${firstLine(err.message)} (invalid YAML)`,
        hint: yamlHint(err.code),
      };
    });
    return { read: { doc, lineCounter, valid: false }, problems };
  }
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    // `"\0"` and `"\x1b"` escapes put control characters in a value without one in the file; they would reach <title>.
    const control = controlInValues(doc, lineCounter, offset);
    if (control) return { read: { doc, lineCounter, valid: false }, problems: [control] };
    return { read: { doc, lineCounter, valid: true, data }, problems: [] };
  } catch (e) {
    return {
      read: { doc, lineCounter, valid: false },
      problems: [
        {
          line: block.yamlStartLine,
          field: "frontmatter",
          message: `frontmatter 的 YAML 别名（*name）展开太多，超过 ${MAX_YAML_ALIASES} 次 (too many YAML aliases: ${firstLine((e as Error).message)})`,
          hint: "frontmatter 里不要用 & 锚点和 * 别名，把值直接写出来",
        },
      ],
    };
  }
}

/** Lines and paragraphs beyond LIMITS, one problem per kind at its first line. Linear in the text. */
function findExcessiveNesting(text: string): SourceProblem[] {
  const problems: SourceProblem[] = [];
  let reportedLine = false;
  let reportedParagraph = false;
  let paragraphLine = 0;
  let delimiters = 0;
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = lineEnd(text, start);
    let indent = 0;
    let containers = 0;
    let blank = true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) {
        if (containers === 0) indent += c === 0x09 ? 4 : 1;
        continue;
      }
      blank = false;
      // A list marker is `-`, `*`, `+` or digits with `.`/`)`, followed by a space or the line end.
      let next = i;
      if (c === 0x3e) next = i + 1;
      else if (c === 0x2d || c === 0x2a || c === 0x2b) next = i + 1;
      else if (c >= 0x30 && c <= 0x39) {
        while (next < end && next - i < 9 && text.charCodeAt(next) >= 0x30 && text.charCodeAt(next) <= 0x39) next++;
        next = text.charCodeAt(next) === 0x2e || text.charCodeAt(next) === 0x29 ? next + 1 : i;
      }
      const after = text.charCodeAt(next);
      if (next === i || (c !== 0x3e && next < end && after !== 0x20 && after !== 0x09)) break;
      containers++;
      i = next - 1;
    }
    if (!reportedLine && (indent > LIMITS.indentColumns || containers > LIMITS.lineContainers)) {
      reportedLine = true;
      problems.push({
        line,
        field: "nesting",
        message:
          indent > LIMITS.indentColumns
            ? `这一行缩进了 ${indent} 列，超过上限 ${LIMITS.indentColumns} (line nested too deeply)`
            : `这一行嵌套了 ${containers} 层列表或引用，超过上限 ${LIMITS.lineContainers} (line nested too deeply)`,
        hint: "周报的列表最多嵌套几层：把深层内容提到上一层，或放进代码块并减少缩进",
      });
    }
    if (blank) {
      delimiters = 0;
      paragraphLine = 0;
    } else {
      if (paragraphLine === 0) paragraphLine = line;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x2a || c === 0x5f) delimiters++;
      }
      if (!reportedParagraph && delimiters > LIMITS.paragraphDelimiters) {
        reportedParagraph = true;
        problems.push({
          line: paragraphLine,
          field: "nesting",
          message: `这一段有超过 ${LIMITS.paragraphDelimiters} 个 * 或 _ (too many emphasis markers in one paragraph)`,
          hint: "删掉多余的 * 和 _；要写星号本身时用 \\* 或放进 `代码`",
        });
      }
    }
    if (end >= text.length) break;
    start = end + 1;
  }
  return problems;
}

/** The first node deeper than LIMITS.treeDepth in a Markdown tree, found without recursion. */
export function findTooDeepNode(tree: TreeNode): SourceProblem | undefined {
  const stack: [TreeNode, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > LIMITS.treeDepth) {
      return {
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column,
        field: "nesting",
        message: `内容嵌套超过 ${LIMITS.treeDepth} 层 (content nested too deeply)`,
        hint: "减少列表、引用、强调或标签的嵌套层数",
      };
    }
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return undefined;
}

interface TreeNode {
  children?: TreeNode[];
  position?: { start: { line: number; column: number } };
}

/** The first frontmatter scalar whose value holds a control character, at its file line. */
function controlInValues(doc: Document, lineCounter: LineCounter, offset: number): SourceProblem | undefined {
  let found: SourceProblem | undefined;
  visitYaml(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !hasControl(node.value)) return undefined;
      const pos = lineCounter.linePos(node.range?.[0] ?? 0);
      found = {
        line: pos.line + offset,
        column: pos.col,
        field: "frontmatter",
        message: "frontmatter 的值里有控制字符（如 \\0、\\x1b 转义） (control character in a value)",
        hint: "删掉这个转义；frontmatter 的值只写可见的文字",
      };
      return visitYaml.BREAK;
    },
  });
  return found;
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** C0 controls other than tab and LF, DEL and C1 controls: invisible, and a NUL would reach `<title>`. */
function findControlCharacter(text: string): SourceProblem | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (hasControl(text[i]!)) {
      const before = text.lastIndexOf("\n", i - 1);
      const line = countLines(text, i);
      return {
        line,
        column: i - before,
        field: "encoding",
        message: `文件里有不可见的控制字符 U+${c.toString(16).toUpperCase().padStart(4, "0")} (control character)`,
        hint: "删掉这个字符（常见于从终端或 PDF 粘贴的内容）；编辑器可用“显示不可见字符”找到它",
      };
    }
  }
  return undefined;
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf("\n", start);
  return end < 0 ? text.length : end;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function yamlHint(code: string): string {
  if (code === "DUPLICATE_KEY") return "同一个键只能写一次，删除重复的那一行";
  if (code === "TAB_AS_INDENT") return "YAML 不能用 Tab 缩进，改用空格";
  if (code === "MULTIPLE_DOCS") return "frontmatter 里不能有 --- 或 ... 行；frontmatter 只在第一行和结束行用 ---";
  return '检查这一行的缩进和冒号；值里有 : # [ ] { } 等符号时用双引号括起来，如 title: "A: B"';
}

/** One finding about a file, phrased for the author who has to fix it. */
export interface Problem {
  /** Path as the author sees it, e.g. `content/weeks/2024-W17.mdx`. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Frontmatter key or rule the problem is about (`week`, `mdx`, `link`…). */
  field?: string;
  severity: "error" | "warning";
  /** What is wrong, in Chinese with a short English gloss. */
  message: string;
  /** How to fix it, in Chinese. */
  hint: string;
}

/** An error at a Markdown node's start, where the author's editor should jump. */
export function errorAtNode(
  file: string,
  node: { position?: { start: { line: number; column: number } } },
  field: string,
  message: string,
  hint: string,
): Problem {
  return { file, line: node.position?.start.line, column: node.position?.start.column, field, severity: "error", message, hint };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** `content/weeks/2024-W60.mdx:2:7 error [week] … 修复：…` — the place first so terminals and editors can jump to it. */
export function formatProblem(p: Problem): string {
  let place = p.file;
  if (p.line !== undefined) place += `:${p.line}` + (p.column !== undefined ? `:${p.column}` : "");
  const field = p.field ? ` [${p.field}]` : "";
  const hint = p.hint ? ` 修复：${p.hint}` : "";
  return `${place} ${p.severity}${field} ${p.message}${hint}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Problems grouped under a header per file, in file order, then line order. */
export function formatProblems(problems: readonly Problem[]): string {
  const groups = new Map<string, Problem[]>();
  for (const p of sortProblems(problems)) {
    const list = groups.get(p.file) ?? [];
    list.push(p);
    groups.set(p.file, list);
  }
  const blocks: string[] = [];
  for (const [file, list] of groups) {
    blocks.push([`${file}`, ...list.map((p) => `  ${formatProblem(p)}`)].join("\n"));
  }
  return blocks.join("\n\n");
}

export function summarizeProblems(problems: readonly Problem[], checkedFiles: number): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const verdict = errors > 0 ? "未通过" : "通过";
  return `${verdict}：检查了 ${checkedFiles} 个文件，${errors} 个错误，${warnings} 个警告 (${checkedFiles} files, ${errors} errors, ${warnings} warnings)`;
}

/**
 * `npm run check` under GitHub Actions: one workflow command per problem, so each shows as an
 * annotation on its line in the pull request's diff.
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 */
import type { Problem } from "./problem.ts";

/** The message part of a command: `%`, CR and LF would otherwise end or corrupt it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (`file=`, `title=`): additionally `:` ends the properties and `,` separates them. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface AnnotationProperties {
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export function workflowCommand(command: "error" | "warning" | "notice", props: AnnotationProperties, message: string): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${command}${parts.length ? " " + parts.join(",") : ""}::${escapeData(message)}`;
}

/**
 * `::error file=content/weeks/2024-W17.mdx,line=3,col=7,title=周报检查 [week]::…`. `repoPath` turns
 * the problem's path into one relative to the repository root, which is what GitHub matches in the diff.
 */
export function problemAnnotation(p: Problem, repoPath: (file: string) => string): string {
  const title = `周报检查 (week check)${p.field ? ` [${p.field}]` : ""}`;
  const message = p.hint ? `${p.message}\n修复 (fix)：${p.hint}` : p.message;
  return workflowCommand(p.severity, { file: repoPath(p.file), line: p.line, col: p.line !== undefined ? p.column : undefined, title }, message);
}

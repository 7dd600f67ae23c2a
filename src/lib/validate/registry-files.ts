import { LineCounter, parseDocument } from "yaml";
import type { z } from "astro/zod";
import { describeIssue } from "./frontmatter.ts";
import type { Problem } from "./problem.ts";
import { placeOfPath } from "./yaml-place.ts";

/**
 * A registry file (projects.yaml, objectives.yaml, metrics.yaml): YAML syntax with lines, then the schema
 * when one is given. Schemas come from src/lib/registry.ts (the lead's); without one only syntax is checked.
 */
export function validateYamlFile(file: string, source: string, schema?: z.ZodType): Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) {
    let end = source.length;
    while (end > 0 && source[end - 1] === "\n") end--;
    const lastLine = source.slice(0, end).split("\n").length;
    return doc.errors.map((err) => ({
      file,
      // Errors found at the end of the file point past it; the last line is where the author looks.
      line: Math.min(err.linePos?.[0].line ?? 1, lastLine),
      column: (err.linePos?.[0].line ?? 1) <= lastLine ? err.linePos?.[0].col : undefined,
      field: "yaml",
      severity: "error" as const,
      message: `不是合法的 YAML：${err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")} (invalid YAML)`,
      hint: "检查这一行的缩进（只用空格）和冒号；值里有 : # [ ] { } 等符号时用双引号括起来",
    }));
  }
  if (!schema) return [];
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    const [first, ...rest] = issue.path;
    const where =
      typeof first === "number" ? `第 ${first + 1} 项${rest.length ? ` ${rest.map(String).join(".")}` : ""}：` : field ? `${field}：` : "";
    const described = describeIssue(issue);
    return {
      file,
      ...(placeOfPath(doc, issue.path, lineCounter, 0) ?? { line: 1 }),
      field: field || undefined,
      severity: "error" as const,
      message: `${where}${described}${described === issue.message ? "" : ` (${issue.message})`}`,
      hint: "按 CONTRIBUTING.md 中登记文件的格式修改这一项",
    };
  });
}

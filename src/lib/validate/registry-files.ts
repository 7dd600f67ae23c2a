import { LineCounter, parseDocument } from "yaml";
import type { z } from "astro/zod";
import { describeIssue } from "./frontmatter.ts";
import type { Problem } from "./problem.ts";
import { placeOfPath } from "./yaml-place.ts";
import { normalizeName } from "../report/text.ts";

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
    const where = typeof first === "number" ? `第 ${first + 1} 项${rest.length ? ` ${rest.map(String).join(".")}` : ""}：` : field ? `${field}：` : "";
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

/**
 * Entries of projects.yaml / objectives.yaml that would silently replace or take over another: a
 * repeated slug or objective id, or a project name/alias that is another project's name or alias
 * (compared as the parser compares names). Errors at the repeated entry's line.
 */
export function findRegistryConflicts(file: string, source: string, kind: "projects" | "objectives"): Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length > 0) return [];
  const entries = doc.toJS({ maxAliasCount: 50 }) as unknown;
  if (!Array.isArray(entries)) return [];
  const at = (path: PropertyKey[]) => placeOfPath(doc, path, lineCounter, 0) ?? { line: 1 };
  const problems: Problem[] = [];
  const idKey = kind === "projects" ? "slug" : "id";
  const ids = new Map<string, number>();
  const names = new Map<string, { index: number; written: string }>();
  entries.forEach((entry: unknown, index) => {
    if (typeof entry !== "object" || entry === null) return;
    const e = entry as Record<string, unknown>;
    const id = e[idKey];
    if (typeof id === "string") {
      const first = ids.get(id);
      if (first !== undefined)
        problems.push({
          file,
          ...at([index, idKey]),
          field: idKey,
          severity: "error",
          message: `${idKey}: ${id} 重复，与第 ${first + 1} 项相同，后一项会覆盖前一项 (duplicate ${idKey})`,
          hint: `每个${kind === "projects" ? "项目" : "目标"}的 ${idKey} 只能出现一次：合并这两项，或给其中一项换一个 ${idKey}`,
        });
      else ids.set(id, index);
    }
    if (kind !== "projects") return;
    const spelled: [string, PropertyKey[]][] = [];
    if (typeof e.name === "string") spelled.push([e.name, [index, "name"]]);
    if (Array.isArray(e.aliases)) e.aliases.forEach((a, j) => typeof a === "string" && spelled.push([a, [index, "aliases", j]]));
    const own = new Set<string>();
    for (const [written, path] of spelled) {
      const key = normalizeName(written);
      if (own.has(key)) continue;
      own.add(key);
      const other = names.get(key);
      if (other && other.index !== index)
        problems.push({
          file,
          ...at(path),
          field: path[1] === "name" ? "name" : "aliases",
          severity: "error",
          message: `“${written}”已是第 ${other.index + 1} 项的名称或别名“${other.written}”，两个项目会合并成一页 (name or alias used by another project)`,
          hint: "同一个名字只能属于一个项目：删掉其中一处，或把两项合并为一个项目",
        });
      else if (!other) names.set(key, { index, written });
    }
  });
  return problems;
}

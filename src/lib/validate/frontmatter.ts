import type { z } from "astro/zod";
import { weekFrontmatterSchema, WEEK_FRONTMATTER_KEYS, type WeekFrontmatter } from "../week-schema.ts";
import type { Problem } from "./problem.ts";
import { closestMatch } from "./suggest.ts";
import { placeOfPath } from "./yaml-place.ts";
import type { FrontmatterBlock, ReadFrontmatter } from "../report/week-source.ts";

export interface FrontmatterResult {
  /** The validated frontmatter, when it passed the schema. */
  data?: WeekFrontmatter;
  /** `week` as written (even when invalid), for file-name, duplicate and link checks. */
  rawWeek?: string;
  /** File line and column of the `week:` key, when present. */
  weekPlace?: { line: number; column: number };
  problems: Problem[];
}

/** Aliases authors reach for that mean one of our keys. */
const KEY_ALIASES: Record<string, string> = {
  date: "created",
  created_at: "created",
  createdat: "created",
  创建时间: "created",
  name: "title",
  标题: "title",
  owner: "author",
  作者: "author",
  周: "week",
};

const FIELD_HINTS: Record<string, string> = {
  week: "写成 week: YYYY-Www（如 week: 2024-W17），与文件名一致",
  created: '写成带时区的时间并加引号，如 created: "2024-04-20T09:27+08:00"',
  title: "写成一行非空文字；含冒号等符号时加双引号",
  author: "写成一行非空文字；含冒号等符号时加双引号",
  summary: "写成一行非空文字；含冒号等符号时加双引号",
  metrics: "写成映射：每行 `  指标id: 99.997%`，值为数字或百分数",
};

/** Checks frontmatter the week reader (report/week-source.ts) has parsed without errors against the schema. */
export function readFrontmatter(file: string, block: FrontmatterBlock, read: ReadFrontmatter): FrontmatterResult {
  const { doc, lineCounter } = read;
  const offset = block.yamlStartLine - 1;
  const problems: Problem[] = [];
  const at = (path: readonly PropertyKey[]) => placeOfPath(doc, path, lineCounter, offset);
  const value = read.data;
  const rawWeek = isRecord(value) && typeof value.week === "string" ? value.week : undefined;
  const weekPlace = at(["week"]);
  if (value !== null && value !== undefined && !isRecord(value)) {
    problems.push({
      file,
      line: block.yamlStartLine,
      field: "frontmatter",
      severity: "error",
      message: "frontmatter 应是“键: 值”的映射 (frontmatter must be a mapping)",
      hint: "写成 `week: 2024-W17` 这样每行一个键",
    });
    return { rawWeek, problems };
  }
  const parsed = weekFrontmatterSchema.safeParse(value ?? {});
  if (parsed.success) return { data: parsed.data, rawWeek, weekPlace, problems };
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const place = at([...issue.path, key]);
        const suggestion = KEY_ALIASES[key.toLowerCase()] ?? closestMatch(key, WEEK_FRONTMATTER_KEYS, 2);
        problems.push({
          file,
          ...place,
          field: key,
          severity: "error",
          message: `未知的 frontmatter 键 "${key}"${suggestion ? `，是不是 "${suggestion}"？` : ""} (unknown key${suggestion ? `; did you mean "${suggestion}"?` : ""})`,
          hint: suggestion ? `把 ${key} 改成 ${suggestion}` : `删除这一行；允许的键：${WEEK_FRONTMATTER_KEYS.join(", ")}`,
        });
      }
      continue;
    }
    const key = String(issue.path[0] ?? "week");
    const place = at(issue.path) ?? at(issue.path.slice(0, 1)) ?? { line: block.yamlStartLine - 1 };
    const missing = issue.code === "invalid_type" && !(isRecord(value) && key in value);
    problems.push({
      file,
      ...place,
      field: issue.path.map(String).join(".") || key,
      severity: "error",
      message: missing ? `frontmatter 缺少必填的 ${key} (missing required "${key}")` : `${key}: ${describeIssue(issue)} (invalid "${key}")`,
      hint: missing ? `在 frontmatter 中加一行 ${key}: …；${FIELD_HINTS[key] ?? ""}` : (FIELD_HINTS[key] ?? "按 CONTRIBUTING.md 中的格式修改这一项"),
    });
  }
  return { rawWeek, weekPlace, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Zod's messages are English and generic; authors get a Chinese sentence, keeping our own custom messages. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "custom":
      return issue.message;
    case "invalid_union": {
      const nested = issue.errors.flat().find((i) => i.code !== "invalid_type");
      return nested ? describeIssue(nested) : "格式不对";
    }
    case "invalid_type":
      return `应为${typeName(issue.expected)}`;
    case "invalid_format":
      return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `格式不对（应匹配 ${issue.format}）`;
    case "too_small":
      return issue.origin === "string" ? "不能为空" : `太小（至少 ${String(issue.minimum)}）`;
    case "too_big":
      return `太大（至多 ${String(issue.maximum)}）`;
    case "invalid_value":
      return `应为 ${issue.values.map(String).join(" / ")} 之一`;
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: "文字（字符串）",
    number: "数字",
    object: "映射（键: 值）",
    array: "列表",
    boolean: "true 或 false",
    date: "日期",
  };
  return names[expected] ?? expected;
}

/**
 * The Markdown job summary `npm run check` writes under GitHub Actions (`$GITHUB_STEP_SUMMARY`): which
 * weeks the pull request adds or changes, how the site read each, their problems, and how to preview.
 * Week text is untrusted: every piece of it passes `mdText`, so it cannot add HTML, links or table cells.
 */
import type { PlanStatus } from "../insights/plan-vs-done.ts";
import type { WeekReading } from "../insights/week-reading.ts";
import { sortProblems, type Problem } from "../validate/problem.ts";

/** Week text as inert Markdown: one line, Markdown punctuation escaped, `<`, `>`, `&` as entities. */
export function mdText(value: string, max = 160): string {
  const flat = value.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${[...flat].slice(0, max).join("")}…` : flat;
  return cut
    .replace(/[\\`*_[\]~|#!]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** One table row; cells are already escaped. */
const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const table = (head: readonly string[], rows: readonly string[][]) => [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");

export type SummaryScope =
  /** Weeks the pull request adds or changes, from `git diff --name-only origin/<base>...HEAD`. */
  | { kind: "changed"; base: string }
  /** Every week: no pull request base, or git could not tell (the reason says which). */
  | { kind: "all"; reason: string };

export interface SummaryWeek {
  /** Path from the repository root. */
  file: string;
  /** How the site read it; absent when it did not parse (its errors say why). */
  reading?: WeekReading;
  problems: Problem[];
}

export interface JobSummaryInput {
  scope: SummaryScope;
  weeks: SummaryWeek[];
  /** Problems of files outside `weeks` (registry files, other weeks), already with repository paths. */
  otherProblems: Problem[];
  checkedFiles: number;
  /** At most this many weeks are shown in full; the rest are listed. */
  maxReadings?: number;
  /** Where the run's `dist` artifact appears, e.g. the Actions run page. */
  runUrl?: string;
}

/** GitHub displays this many error and this many warning annotations per step. */
export const ANNOTATIONS_SHOWN = 10;

const STATUS: Record<PlanStatus, string> = {
  done: "✅ 已完成（标记）",
  open: "⬜ 未完成（标记）",
  addressed: "🟢 本周有进展",
  unsure: "🟡 不确定",
  "not-mentioned": "⚪ 本周未提及",
};

/** Rows listed per table: GitHub refuses a step summary over 1 MiB, and a reviewer reads the first ones. */
export const MAX_PROBLEM_ROWS = 300;

function problemRows(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const more = sorted.length - MAX_PROBLEM_ROWS;
  const rows = table(
    ["", "位置 (where)", "问题 (problem)", "修复 (fix)"],
    sorted
      .slice(0, MAX_PROBLEM_ROWS)
      .map((p) => [
        p.severity === "error" ? "❌ 错误" : "⚠️ 警告",
        mdText(`${p.file}${p.line !== undefined ? `:${p.line}` : ""}${p.field ? ` [${p.field}]` : ""}`),
        mdText(p.message, 400),
        mdText(p.hint, 300),
      ]),
  );
  return more > 0 ? `${rows}\n\n……另有 ${more} 个问题，见本步骤的日志 (${more} more in the step log)` : rows;
}

function metricCell(m: WeekReading["metrics"][number]): string {
  if (!m.registered) return "未登记 (not in metrics.yaml)";
  if (m.target === undefined || m.meetsTarget === undefined) return "无目标 (no target)";
  const op = m.direction === "lower" ? "≤" : "≥";
  return `${m.meetsTarget ? "✅ 达标" : "❌ 未达标"}（目标 ${op} ${mdText(String(m.target))}${mdText(m.unit)}）`;
}

function readingBlock(w: SummaryWeek): string {
  const r = w.reading;
  const head = `### ${mdText(w.file)}${r && r.title !== r.week ? ` · ${mdText(r.title)}` : ""}`;
  const out = [head];
  if (!r) {
    out.push("站点读不了这一周，见下面的错误 (the site could not read this week; see the errors below)。");
  } else {
    out.push(
      `读到 (read)：${r.projects.length} 个项目，${r.objectives.length} 个目标，${r.metrics.length} 个指标，` +
        `${r.incidents.length} 个生产事件，${r.nextPlans.length} 项下周计划` +
        (r.author ? `；作者 ${mdText(r.author)}` : ""),
    );
    if (r.projects.length)
      out.push(
        "**项目 (projects)**\n\n" +
          table(
            ["行", "项目", "条目", "进度", "登记"],
            r.projects.map((p) => [String(p.line), mdText(p.name), String(p.items), p.progress ? mdText(p.progress) : "", p.registered ? "✅" : "未登记"]),
          ),
      );
    if (r.objectives.length)
      out.push(
        "**目标 (objectives)**\n\n" +
          table(
            ["行", "目标", "条目"],
            r.objectives.map((o) => [String(o.line), mdText(`${o.id} ${o.title}`), String(o.items)]),
          ),
      );
    if (r.metrics.length)
      out.push(
        "**指标 (metrics against targets)**\n\n" +
          table(
            ["行", "指标", "值", "来源", "对照目标"],
            r.metrics.map((m) => [String(m.line), mdText(m.label), mdText(m.raw), m.source === "frontmatter" ? "frontmatter" : "正文", metricCell(m)]),
          ),
      );
    out.push(
      r.incidents.length
        ? "**生产事件 (incidents)**\n\n" +
            table(
              ["行", "时间", "经过与影响", "原因"],
              r.incidents.map((i) => [String(i.line), mdText([i.date, i.time].filter(Boolean).join(" ")), mdText(i.summary), mdText(i.cause ?? "")]),
            )
        : "**生产事件 (incidents)**：无 (none)",
    );
    if (r.planReview)
      out.push(
        `**上周计划 (plans of ${mdText(r.planReview.previousWeek)}) 对照本周**\n\n` +
          (r.planReview.items.length
            ? table(
                ["上周计划", "本周"],
                r.planReview.items.map((p) => [mdText(p.text), STATUS[p.status]]),
              )
            : `${mdText(r.planReview.previousWeek)} 没有写下周计划 (no plans last week)`),
      );
    else out.push("**上周计划**：没有更早的周报可对照 (no earlier week)");
  }
  out.push(w.problems.length ? "**问题 (problems)**\n\n" + problemRows(w.problems) : "没有问题 (no problems) ✅");
  return out.join("\n\n");
}

export function renderJobSummary(input: JobSummaryInput): string {
  const all = [...input.weeks.flatMap((w) => w.problems), ...input.otherProblems];
  const errors = all.filter((p) => p.severity === "error").length;
  const warnings = all.length - errors;
  const max = input.maxReadings ?? 20;
  const out: string[] = [
    "## 周报检查 (week check)",
    `${errors > 0 ? "❌ 未通过" : "✅ 通过"}：检查了 ${input.checkedFiles} 个文件，${errors} 个错误，${warnings} 个警告 ` +
      `(${input.checkedFiles} files, ${errors} errors, ${warnings} warnings)。错误和警告也标注在 Files changed 里的对应行上。`,
  ];
  if (errors > ANNOTATIONS_SHOWN || warnings > ANNOTATIONS_SHOWN)
    out.push(
      `GitHub 每一步只显示前 ${ANNOTATIONS_SHOWN} 个错误和 ${ANNOTATIONS_SHOWN} 个警告标注（本次改动的文件排在前面），完整列表在下面 ` +
        `(GitHub shows ${ANNOTATIONS_SHOWN} annotations of each kind per step; all are listed below)。`,
    );
  out.push(
    input.scope.kind === "changed"
      ? `本次改动的周报 (weeks added or changed against \`${mdText(input.scope.base)}\`)：${input.weeks.length} 个` +
          (input.weeks.length ? "" : "——这次没有改动周报 (no week changed)")
      : `全部周报 (all weeks: ${mdText(input.scope.reason)})：${input.weeks.length} 个`,
  );
  const shown = input.weeks.slice(-max);
  if (shown.length < input.weeks.length)
    out.push(
      `下面只展开最近的 ${shown.length} 个；其余 ${input.weeks.length - shown.length} 个的问题见末尾 (only the latest ${shown.length} are shown in full)。`,
    );
  for (const w of shown) out.push(readingBlock(w));
  const rest = [...input.weeks.slice(0, input.weeks.length - shown.length).flatMap((w) => w.problems), ...input.otherProblems];
  if (rest.length) out.push("### 其他文件的问题 (problems in other files)\n\n" + problemRows(rest));
  const preview =
    "### 预览 (preview)\n\n" +
    (errors > 0
      ? "有错误时构建不会运行，没有预览；修复后再推送 (no preview while the check fails)。"
      : `构建通过后，本次运行${input.runUrl ? `（[运行页面](${input.runUrl})）` : ""}的 Artifacts 里有 \`dist\`。下载 dist.zip，在它所在的文件夹运行：\n\n` +
        "```sh\nunzip dist.zip -d dist && npx --yes serve dist\n```\n\n然后打开 http://localhost:3000 (download the dist artifact, run the line above, open the address)。");
  return `${withinBudget(out.join("\n\n"), SUMMARY_BUDGET - Buffer.byteLength(preview) - 200)}\n\n${preview}\n`;
}

/** GitHub refuses a step summary over 1 MiB; stay below it with room for other steps. */
export const SUMMARY_BUDGET = 900_000;

/** `text` cut at a line boundary to at most `bytes` bytes of UTF-8, saying so. */
function withinBudget(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  const cut = Buffer.from(text).subarray(0, bytes).toString("utf8");
  return `${cut.slice(0, cut.lastIndexOf("\n"))}\n\n……摘要太长，后面的部分省略；完整的问题列表见本步骤的日志 (summary truncated; see the step log)`;
}

import type { MetricEntry } from "../metric-registry.ts";
import { describeMismatch, metricMismatches, unknownFrontmatterMetrics } from "../report/week-metrics.ts";
import type { Registry } from "../registry.ts";
import { parseWeekSource, WeekParseError } from "../report/parse-week.ts";
import type { Root } from "mdast";
import type { WeekReport } from "../report/model.ts";
import { nearDuplicateProjects } from "./near-duplicates.ts";
import type { Problem } from "./problem.ts";
import type { WeekFile } from "./validate-week-files.ts";

/**
 * The deeper half of `npm run check`: run the site's own week parser over files that passed validation,
 * so the check fails wherever the build would, and compare frontmatter metrics with the 系统运行数据 section.
 */
export function checkReports(
  files: readonly WeekFile[],
  registry: Registry,
  metrics: readonly MetricEntry[] | undefined,
  /** Trees the validation parsed, by file path; each is taken over (changed) by the week parser. */
  trees?: ReadonlyMap<string, { text: string; tree: Root }>,
): Problem[] {
  const problems: Problem[] = [];
  const parsed: { file: string; report: WeekReport }[] = [];
  for (const file of files) {
    if (!file.path.endsWith(".mdx")) continue;
    let report;
    try {
      report = parseWeekSource(file.source, { file: file.path, registry, checked: trees?.get(file.path) });
    } catch (e) {
      const at = e instanceof WeekParseError ? { line: e.line, column: e.column } : {};
      const message = e instanceof WeekParseError ? e.message.replace(/^\S+\s/, "") : String((e as Error).message ?? e);
      problems.push({
        file: file.path,
        ...at,
        field: "report",
        severity: "error",
        message: `站点的周报解析器无法读取这一周：${message} (the week parser failed)`,
        hint: "按提示修改；若看不出原因，请把这个文件附在 issue 里",
      });
      continue;
    }
    parsed.push({ file: file.path, report });
    if (!metrics) continue;
    const known = metrics.map((m) => m.id).join("、");
    for (const f of unknownFrontmatterMetrics(report.frontmatterMetrics, metrics))
      problems.push({
        file: file.path,
        line: f.line,
        field: `metrics.${f.key}`,
        severity: "warning",
        message: `frontmatter 指标「${f.key}」不在 content/metrics.yaml 中，图表里会单独成一条线 (unknown metric id "${f.key}")`,
        hint: `改成已登记的 id（${known}），或在 content/metrics.yaml 登记它`,
      });
    const mismatches = metricMismatches(report, metrics, file.path);
    for (const m of mismatches) {
      const { message, hint } = describeMismatch(m);
      problems.push({ file: file.path, line: m.line, field: `metrics`, severity: "warning", message, hint });
    }
  }
  problems.push(...nearDuplicateProjects(parsed));
  return problems;
}

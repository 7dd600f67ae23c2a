import type { WeekReport } from "../report/model.ts";
import type { ReportShape } from "../report/shape.ts";

const KIND_LABELS: Record<WeekReport["sections"][number]["kind"], string> = {
  projects: "重点项目",
  objective: "目标",
  metrics: "系统运行数据",
  incidents: "生产事件",
  other: "其他",
  reflections: "收获与反思",
  plans: "下周计划",
  unknown: "未识别（只展示，不进入项目/目标）",
};

const clip = (text: string, n = 50): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return [...flat].length > n ? `${[...flat].slice(0, n).join("")}…` : flat;
};

/**
 * `npm run check -- --explain FILE`: how the site read a week — the shape it used, each section with
 * its kind, and what became projects, objectives, metrics, incidents and plans — with file lines, so an
 * author sees a misread heading before CI or a reader does.
 */
export function explainWeek(file: string, report: WeekReport, shape: ReportShape, shapeFile: string | undefined): string[] {
  const out: string[] = [];
  const hp = shape.headingProjects;
  const projectRules = [
    shape.bracketLead ? "“- 【名称】” 开头的列表项" : undefined,
    shape.boldLead ? "“**名称**：” 开头的段落或列表项" : undefined,
    hp ? `${hp.depths.map((d) => "#".repeat(d)).join("/")} 标题${hp.within ? `（只在 “${hp.within}” 一节里）` : "（已知栏目和排除的标题除外）"}` : undefined,
  ].filter(Boolean);
  out.push(`${file}（${report.week}${report.title !== report.week ? ` ${report.title}` : ""}）`);
  out.push(`  读法：${shapeFile ? `${shapeFile}，` : "默认（没有 shape.yaml），"}preset ${shape.preset}；项目 = ${projectRules.join("、") || "无"}`);
  out.push(`  栏目 ${report.sections.length}：`);
  const projectAt = new Set(report.projects.map((p) => p.line));
  for (const s of report.sections) {
    const kind = s.kind === "unknown" && projectAt.has(s.line) ? "项目（标题就是项目名）" : KIND_LABELS[s.kind];
    out.push(
      `    第 ${s.line} 行 ${"#".repeat(Math.max(s.depth, 0)) || "(开头)"} ${s.title || "(无标题)"} → ${kind}${s.objectiveId ? ` ${s.objectiveId}` : ""}`,
    );
  }
  out.push(`  项目 ${report.projects.length}：`);
  for (const p of report.projects)
    out.push(
      `    第 ${p.line} 行 ${p.name} → /projects/${p.slug}/${p.registered ? "（已登记）" : "（未登记）"}${p.progress.length ? ` 进度 ${p.progress.map((x) => `${x.percent}%`).join("、")}` : ""}`,
    );
  out.push(`  目标 ${report.objectives.length}：`);
  for (const o of report.objectives) {
    out.push(`    第 ${o.line} 行 ${o.id} ${o.title}：${o.items.length} 项`);
    for (const i of o.items) out.push(`      第 ${i.line} 行 主题 “${i.subject}”${i.projectSlug ? ` → 项目 ${i.projectSlug}` : ""}`);
  }
  const readings = report.metrics.flatMap((g) => g.readings.map((r) => ({ ...r, group: g.title })));
  out.push(`  指标 ${readings.length}：`);
  for (const r of readings) out.push(`    第 ${r.line} 行 ${r.group ? `${r.group} / ` : ""}${r.label} = ${r.value}${r.unit}`);
  out.push(`  生产事件 ${report.incidents.length}：`);
  for (const i of report.incidents) out.push(`    第 ${i.line} 行 ${i.date ?? "（无日期）"} ${clip(i.summary)}`);
  out.push(`  下周计划 ${report.plans.length}：`);
  for (const p of report.plans)
    out.push(
      `    第 ${p.line} 行 “${p.subject}”${p.projectSlug ? ` → 项目 ${p.projectSlug}` : ""}${p.checked !== undefined ? (p.checked ? " [x]" : " [ ]") : ""}`,
    );
  return out;
}

import type { Problem } from "../validate/problem.ts";
import type { ImportedWeek } from "./import-week.ts";
import type { LinkRepairKind } from "./repair-links.ts";

const LINK_LABELS: Record<LinkRepairKind, string> = {
  "week-link": "相对链接改为周页面",
  "link-base": "相对链接按 --link-base 改为完整地址",
  "link-to-text": "相对链接无处可指，只保留文字",
  "missing-scheme": "补上 https://",
  "stray-colon": "去掉网址前多余的冒号",
  "nested-link": "拆开链接里套的链接",
};

/** Counts for the end-of-import summary: written, unchanged, each kind of warning and note, refused. */
export class ImportTally {
  writtenCount = 0;
  unchangedCount = 0;
  private readonly refusals: { file: string; message: string }[] = [];
  private readonly kinds = new Map<string, number>();

  get refusedCount(): number {
    return this.refusals.length;
  }

  refuse(file: string, message: string): void {
    this.refusals.push({ file, message });
  }

  unchanged(): void {
    this.unchangedCount++;
  }

  written(result: ImportedWeek, problems: readonly Problem[]): void {
    this.writtenCount++;
    for (const r of result.linkRepairs) this.count(LINK_LABELS[r.kind]);
    for (const d of result.dropped) this.count(d.includes("HTML 注释") ? "HTML 注释未发布" : "导出属性/字段未保留");
    for (const _ of result.warnings) this.count("导入警告");
    for (const p of problems) this.count(`检查${p.severity === "error" ? "错误" : "警告"}：${p.field ?? "其他"}`);
    if (result.detected?.rule) this.count(`周号按规则推定（${result.detected.rule}）`);
  }

  private count(kind: string): void {
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  /** Lines to print; refusals in full, since each needs the author. */
  summary(): string[] {
    const lines = [`导入完成：写入 ${this.writtenCount}，未变 ${this.unchangedCount}，拒绝 ${this.refusals.length}`];
    for (const [kind, n] of [...this.kinds].sort((a, b) => b[1] - a[1])) lines.push(`  ${kind}：${n}`);
    if (this.refusals.length > 0) {
      lines.push("拒绝导入 (refused)：");
      for (const r of this.refusals) lines.push(`  ✗ ${r.file}：${r.message}`);
    }
    return lines;
  }
}

/**
 * `npm run new [-- YYYY-Www]`: a new week file for the current ISO week (local date) or the given one,
 * prefilled from the latest existing week. Never overwrites.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { siteConfig } from "../src/site.config.ts";
import { buildNewWeek, currentWeekId, pickTemplateWeek } from "../src/lib/import/new-week-template.ts";
import { readWeekSource } from "../src/lib/report/week-source.ts";
import { displayPath, loadValidateContext, loadWeekFiles } from "../src/lib/validate/load.ts";
import { formatProblem, validateWeekFiles } from "../src/lib/validate/index.ts";
import { explainWeekId, isWeekId } from "../src/lib/week-id.ts";

const arg = process.argv[2];
if (arg === "--help" || arg === "-h") {
  console.log("用法 (usage): npm run new [-- 2024-W18]\n  不带参数时按本地日期取当前 ISO 周；以最近一周的周报为模板");
  process.exit(0);
}

// 1. Which week.
const week = arg ?? currentWeekId(new Date());
if (!isWeekId(week)) {
  console.error(`✗ 周号 ${week} 无效：${explainWeekId(week)}`);
  process.exit(2);
}
const contentDir = resolve(siteConfig.contentDir);
const weeksDir = join(contentDir, "weeks");
const target = join(weeksDir, `${week}.mdx`);
const shown = displayPath(target);

// 2. Never overwrite.
if (existsSync(target)) {
  console.error(`✗ ${shown} 已存在，未改动。要修改这一周，直接编辑该文件。`);
  process.exit(1);
}

// 3. Template from the latest week before it.
const tree = loadWeekFiles(weeksDir).filter((f) => f.path.endsWith(".mdx"));
const existing = tree.map((f) => {
  const data = readWeekSource(f.source).frontmatter?.data as { week?: unknown } | null | undefined;
  return { week: typeof data?.week === "string" ? data.week : "", source: f.source, path: f.path };
});
const latest = pickTemplateWeek(existing, week);
const output = buildNewWeek({ week, latest, now: new Date() });

// 4. The new file must pass the check with the rest of the tree (duplicates included) before it is written.
const errors = validateWeekFiles([...tree, { path: shown, source: output }], loadValidateContext(contentDir)).filter(
  (p) => p.file === shown && p.severity === "error",
);
if (errors.length > 0) {
  console.error(`✗ 没有写入 ${shown}：\n${errors.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
  process.exit(1);
}
mkdirSync(weeksDir, { recursive: true });
writeFileSync(target, output);

console.log(`✓ 已创建 ${shown}${latest ? `（以 ${latest.week} 为模板）` : "（没有已有周报，使用默认模板）"}`);
console.log(`
下一步：
  1. 编辑 ${shown}：把每个“（待填写）”换成本周内容，用不到的行删掉；
     在「上周计划完成情况」里把完成的项改成 - [x]。
  2. npm run check        检查格式（草稿里还有“（待填写）”时只给出警告）
  3. npm run dev          本地预览（草稿带“草稿”横幅显示；npm run build 不发布草稿）
  4. 可以先以草稿提交并发起 pull request（git checkout -b week/${week} && git add ${shown} && git commit -m "周报 ${week}"）
  5. 写完后删除 frontmatter 里的 draft: true，再运行 npm run check：还有占位符时会报错。`);

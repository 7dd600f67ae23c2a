/**
 * `node scripts/import-coverage.ts SOURCE... --dist DIR [--weeks MAP]`: after `npm run import` and
 * `npm run build`, is every text line of every export on its week page? Each source line, stripped of
 * Markdown syntax by rules of its own (scripts/lib/line-coverage.ts), is looked for in the page's
 * visible text. Also counts HTML tags a reader would see as text. Exit 1 below --min (default 99.5 %).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { collectInputs, parseWeekMap, planImport } from "../src/lib/import/batch.ts";
import { coverage, literalTags } from "./lib/line-coverage.ts";
import { weekSlug } from "../src/lib/week-id.ts";

// 1. Which export became which week: the importer's own plan, so the mapping is the one it wrote.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: "string", default: "dist" },
    weeks: { type: "string" },
    min: { type: "string", default: "99.5" },
    show: { type: "string", default: "15" },
  },
});
const inputs = collectInputs(positionals).files.map((f) => ({ ...f, source: readFileSync(f.path, "utf8") }));
const plan = planImport(inputs, { weekMap: values.weeks ? parseWeekMap(readFileSync(values.weeks, "utf8")) : undefined });
if (plan.clashes.length > 0) {
  console.error("导出有同周冲突，先按 npm run import 的提示解决 (clashing weeks)");
  process.exit(2);
}

// 2. Every line of every export against its built page.
let total = 0;
const missing: { file: string; line: number; text: string }[] = [];
const tags: { page: string; tag: string }[] = [];
let pages = 0;
for (const { input, result } of plan.weeks) {
  const page = join(values.dist, "weeks", weekSlug(result.week), "index.html");
  if (!existsSync(page)) {
    console.error(`✗ ${page} 不存在：${input.path} 的周页面没有生成`);
    process.exitCode = 1;
    continue;
  }
  pages++;
  const html = readFileSync(page, "utf8");
  const c = coverage(input.source, html);
  total += c.total;
  for (const m of c.missing) missing.push({ file: input.path, ...m });
  for (const tag of literalTags(html)) tags.push({ page, tag });
}

// 3. The numbers, and the first misses to look at.
const found = total - missing.length;
const percent = total === 0 ? 100 : (found / total) * 100;
console.log(`周页面 ${pages}/${plan.weeks.length}；源文件文字行 ${total}，页面上找到 ${found}（${percent.toFixed(2)} %），缺 ${missing.length}`);
console.log(`页面上显示成文字的 HTML 标签：${tags.length}（${new Set(tags.map((t) => t.page)).size} 页）`);
for (const m of missing.slice(0, Number(values.show))) console.log(`  缺 ${m.file}:${m.line} ${m.text.slice(0, 80)}`);
for (const t of tags.slice(0, Number(values.show))) console.log(`  标签 ${t.page} ${t.tag}`);
if (percent < Number(values.min)) process.exitCode = 1;

/**
 * `npm run check [-- FILE...]`: the gate a reviewer trusts. Validates every week (or the given files,
 * together with the rest of the tree) and the registry files; exits 1 on any error, warnings pass.
 * `npm run check -- --explain FILE`: also prints how each given week was read.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { siteConfig } from "../src/site.config.ts";
import { checkContentDir, displayPath, loadRegistry } from "../src/lib/validate/load.ts";
import { formatProblems, hasErrors, summarizeProblems } from "../src/lib/validate/index.ts";
import { reportToGitHub } from "./lib/github-check.ts";
import { explainWeek } from "../src/lib/validate/explain.ts";
import { parseWeekSource } from "../src/lib/report/parse-week.ts";
import { defaultShape, SHAPE_FILE } from "../src/lib/report/shape.ts";

const USAGE = `用法 (usage): npm run check [-- 文件.mdx ...] [--explain 文件.mdx ...]
  不带参数：检查 ${siteConfig.contentDir}/weeks/ 下所有周报和登记文件
  带文件：只报告这些文件的问题（仍与其余周报一起检查重复和链接）
  --explain：另外列出每个给定周报被读成了什么（栏目、项目、目标、指标、生产事件、下周计划）
  内容目录可用环境变量 WEEKLY_ARCHIVE_CONTENT 指定`;

// 1. Arguments.
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { explain: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
  });
} catch (e) {
  console.error(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals: files } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.explain && files.length === 0) {
  console.error(`--explain 需要至少一个周报文件 (--explain takes week files)\n\n${USAGE}`);
  process.exit(2);
}

// 2. Check the content folder the site builds from (WEEKLY_ARCHIVE_CONTENT overrides it).
const contentDir = resolve(siteConfig.contentDir);
let result: ReturnType<typeof checkContentDir>;
try {
  result = checkContentDir(contentDir, process.cwd(), { only: files.length > 0 ? files : undefined, deep: true });
} catch (e) {
  // A failure of the check itself (unreadable folder, permissions): one named line, the stack only on request.
  console.error(`✗ 检查无法完成 (the check could not run)：${(e as Error).message}`);
  if (process.env.DEBUG) console.error((e as Error).stack);
  process.exit(2);
}
const { checked, problems } = result;

// 3. How each asked-for week was read, with the same registry and shape the site uses.
if (values.explain) {
  const registry = loadRegistry(contentDir);
  const shapeFile = existsSync(join(contentDir, SHAPE_FILE)) ? displayPath(join(contentDir, SHAPE_FILE)) : undefined;
  for (const file of files) {
    try {
      const report = parseWeekSource(readFileSync(file, "utf8"), { file: displayPath(file), registry });
      console.log(explainWeek(displayPath(file), report, registry.shape ?? defaultShape, shapeFile).join("\n") + "\n");
    } catch (e) {
      console.log(`${displayPath(file)}：无法读取，见下方错误 (${(e as Error).message.split("\n")[0]})\n`);
    }
  }
}

// 4. Problems grouped by file, then one summary line; errors fail the run, warnings don't.
if (problems.length > 0) console.log(formatProblems(problems) + "\n");
console.log(summarizeProblems(problems, checked.length));

// 5. Under GitHub Actions: annotations on the pull request's lines, and a job summary of its weeks.
if (process.env.GITHUB_ACTIONS === "true") reportToGitHub({ contentDir, checked, problems, env: process.env, cwd: process.cwd() });
if (hasErrors(problems)) {
  console.log("周报要么出现在站点上，要么构建停止：修复以上错误后再运行 npm run check。");
  process.exit(1);
}

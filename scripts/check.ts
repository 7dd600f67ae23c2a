/**
 * `npm run check [-- FILE...]`: the gate a reviewer trusts. Validates every week (or the given files,
 * together with the rest of the tree) and the registry files; exits 1 on any error, warnings pass.
 */
import { resolve } from "node:path";
import { siteConfig } from "../src/site.config.ts";
import { checkContentDir } from "../src/lib/validate/load.ts";
import { formatProblems, hasErrors, summarizeProblems } from "../src/lib/validate/index.ts";
import { reportToGitHub } from "./lib/github-check.ts";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(`用法 (usage): npm run check [-- 文件.mdx ...]
  不带参数：检查 ${siteConfig.contentDir}/weeks/ 下所有周报和登记文件
  带文件：只报告这些文件的问题（仍与其余周报一起检查重复和链接）
  内容目录可用环境变量 WEEKLY_ARCHIVE_CONTENT 指定`);
  process.exit(0);
}

// 1. Check the content folder the site builds from (WEEKLY_ARCHIVE_CONTENT overrides it).
const contentDir = resolve(siteConfig.contentDir);
let result: ReturnType<typeof checkContentDir>;
try {
  result = checkContentDir(contentDir, process.cwd(), { only: args.length > 0 ? args : undefined, deep: true });
} catch (e) {
  // A failure of the check itself (unreadable folder, permissions): one named line, the stack only on request.
  console.error(`✗ 检查无法完成 (the check could not run)：${(e as Error).message}`);
  if (process.env.DEBUG) console.error((e as Error).stack);
  process.exit(2);
}
const { checked, problems } = result;

// 2. Problems grouped by file, then one summary line; errors fail the run, warnings don't.
if (problems.length > 0) console.log(formatProblems(problems) + "\n");
console.log(summarizeProblems(problems, checked.length));

// 3. Under GitHub Actions: annotations on the pull request's lines, and a job summary of its weeks.
if (process.env.GITHUB_ACTIONS === "true") reportToGitHub({ contentDir, checked, problems, env: process.env, cwd: process.cwd() });
if (hasErrors(problems)) {
  console.log("周报要么出现在站点上，要么构建停止：修复以上错误后再运行 npm run check。");
  process.exit(1);
}

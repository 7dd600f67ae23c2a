import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { siteConfig } from "../site.config.ts";
import type { SearchWeekRecord } from "../lib/search/records.ts";
import { buildContextPlugin, type BuildContext } from "./build-context.ts";
import { checkAndParseWeeks } from "./checked-weeks.ts";
import { checkContentDir } from "../lib/validate/load.ts";
import { formatProblem, formatProblems, summarizeProblems, type Problem } from "../lib/validate/index.ts";

/**
 * Runs the week check before Astro touches any content, so a rejected week never reaches a renderer:
 * `astro build`/`astro dev` stop with every problem listed. In dev, edits are re-checked and logged.
 */
export function validateWeeksIntegration(
  options: {
    contentDir?: string;
    /** A build's published weeks as search records, once they passed the check (the search integration starts indexing). */
    onPublishedRecords?: (records: SearchWeekRecord[]) => void;
  } = {},
): AstroIntegration {
  let contentDir = "";
  let root = "";
  let context: BuildContext = { command: "dev", weekCache: null };
  return {
    name: "weekly-archive:validate-weeks",
    hooks: {
      "astro:config:setup": async ({ config, command, logger, updateConfig }) => {
        root = fileURLToPath(config.root);
        contentDir = resolve(root, options.contentDir ?? siteConfig.contentDir);
        // A build goes on to parse the checked weeks for the site, from the same trees (see checked-weeks.ts).
        const { check, passed } =
          command === "build"
            ? await checkAndParseWeeks({
                contentDir,
                root,
                base: config.base,
                staleAfterWeeks: siteConfig.staleAfterWeeks,
                cacheFile: fileURLToPath(new URL("weekly-archive-weeks.txt", config.cacheDir)),
              })
            : { check: checkContentDir(contentDir, root), passed: undefined };
        context = { command, weekCache: passed?.cache ?? null };
        updateConfig({ vite: { plugins: [buildContextPlugin(() => context)] } });
        const { checked, problems } = check;
        logWarnings(logger, problems);
        const errors = problems.filter((p) => p.severity === "error");
        if (errors.length > 0) {
          throw new Error(
            `周报检查未通过，已停止 (week validation failed):\n\n${formatProblems(errors)}\n\n${summarizeProblems(problems, checked.length)}\n运行 npm run check 查看全部问题；修复方法见 CONTRIBUTING.md。`,
          );
        }
        logger.info(summarizeProblems(problems, checked.length));
        if (passed && passed.drafts.length > 0) logger.warn(describeSkippedDrafts(passed.drafts));
        if (passed) options.onPublishedRecords?.(passed.records);
      },
      "astro:server:setup": ({ server, logger }) => {
        const inContent = (file: string) => file.startsWith(contentDir + sep);
        // The errors of the last re-check: while there are any, dev answers pages with them (not a normal rendering).
        let failing: Problem[] = [];
        const recheck = (file: string) => {
          if (!inContent(file)) return;
          const { problems } = checkContentDir(contentDir, root);
          for (const p of problems) (p.severity === "error" ? logger.error : logger.warn).call(logger, formatProblem(p));
          failing = problems.filter((p) => p.severity === "error");
          if (failing.length > 0) server.hot.send({ type: "error", err: { message: checkFailedText(failing), stack: "" } });
        };
        server.watcher.add(contentDir);
        server.watcher.on("add", recheck);
        server.watcher.on("change", recheck);
        server.watcher.on("unlink", recheck);
        server.middlewares.use((req, res, next) => {
          const wantsPage = (req.headers.accept ?? "").includes("text/html");
          if (failing.length === 0 || !wantsPage) return next();
          res.statusCode = 500;
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(checkFailedPage(failing));
        });
      },
    },
  };
}

/** What dev shows instead of a page while a week fails the check (the same text as npm run check). */
export function checkFailedText(errors: readonly Problem[]): string {
  return `周报检查未通过 (week validation failed):\n\n${formatProblems(errors)}\n\n修复后保存，页面会恢复；修复方法见 CONTRIBUTING.md。`;
}

export function checkFailedPage(errors: readonly Problem[]): string {
  const escaped = checkFailedText(errors).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>周报检查未通过</title></head><body><pre style="white-space:pre-wrap;font:14px/1.5 monospace;padding:1rem;color:#900">${escaped}</pre><script>setTimeout(() => location.reload(), 5000);</script></body></html>`;
}

/** What a build says about the drafts it leaves out: every file, so nothing vanishes unannounced. */
export function describeSkippedDrafts(files: readonly string[]): string {
  return `跳过 ${files.length} 份草稿，不发布（skipped ${files.length} draft week${files.length === 1 ? "" : "s"}, draft: true）：\n${files.map((f) => `  ${f}`).join("\n")}`;
}

function logWarnings(logger: AstroIntegrationLogger, problems: readonly Problem[]): void {
  for (const p of problems) if (p.severity === "warning") logger.warn(formatProblem(p));
}

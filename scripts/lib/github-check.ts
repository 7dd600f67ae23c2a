/**
 * What `npm run check` adds under GitHub Actions: an annotation per problem (on its line in the diff) and,
 * when `$GITHUB_STEP_SUMMARY` is set, a job summary of the weeks the pull request adds or changes.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { isBranchName, isRepositoryName } from "../../src/lib/github/repository.ts";
import { repositoryPath } from "../../src/lib/github/site-links.ts";
import { parseWeekSource } from "../../src/lib/report/parse-week.ts";
import { readWeekReading } from "../../src/lib/insights/week-reading.ts";
import { problemAnnotation } from "../../src/lib/validate/github-actions.ts";
import { renderJobSummary, type SummaryScope, type SummaryWeek } from "../../src/lib/github/job-summary.ts";
import { loadMetrics, loadRegistry, loadWeekFiles } from "../../src/lib/validate/load.ts";
import type { Problem } from "../../src/lib/validate/problem.ts";
import { compareWeekIds, isWeekId } from "../../src/lib/week-id.ts";

type Env = Readonly<Record<string, string | undefined>>;

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** Files changed against the pull request's base, from the repository root; or why we cannot tell. */
function changedScope(env: Env, root: string): { scope: SummaryScope; changed?: Set<string> } {
  const base = env.GITHUB_BASE_REF?.trim();
  if (!base) return { scope: { kind: "all", reason: "不是 pull request，没有 GITHUB_BASE_REF (not a pull request)" } };
  if (!isBranchName(base)) return { scope: { kind: "all", reason: `GITHUB_BASE_REF 不是分支名 (not a branch name)` } };
  const out = git(["diff", "--name-only", "--no-renames", "--diff-filter=d", `origin/${base}...HEAD`, "--"], root);
  if (out === undefined)
    return { scope: { kind: "all", reason: `git 无法与 origin/${base} 比较，检出时需要 fetch-depth: 0 (git could not diff against origin/${base})` } };
  return { scope: { kind: "changed", base: `origin/${base}` }, changed: new Set(out.split("\n").filter(Boolean)) };
}

export function reportToGitHub(input: { contentDir: string; checked: string[]; problems: Problem[]; env: Env; cwd: string }): void {
  const { env, cwd } = input;
  // GitHub matches annotations by path from the repository root, which may sit above the project.
  const root = git(["rev-parse", "--show-toplevel"], cwd) ?? env.GITHUB_WORKSPACE ?? cwd;
  const repoPath = (file: string) => repositoryPath(resolve(cwd, file), root) ?? file;

  // 1. The weeks in scope: changed in the pull request, else all of them.
  const { scope, changed } = changedScope(env, root);

  // 2. One workflow command per problem, on stdout where the runner reads them. GitHub shows only the
  //    first 10 errors and 10 warnings of a step, so the pull request's own files go first.
  const own = (p: Problem) => (changed?.has(repoPath(p.file)) ? 0 : 1);
  for (const p of [...input.problems].sort((a, b) => own(a) - own(b))) console.log(problemAnnotation(p, repoPath));

  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  const weeksDir = join(input.contentDir, "weeks");
  const all = loadWeekFiles(weeksDir, cwd)
    .filter((f) => f.path.endsWith(".mdx"))
    .map((f) => ({ ...f, repo: repoPath(f.path), week: basename(f.path, ".mdx") }))
    .sort((a, b) => (isWeekId(a.week) && isWeekId(b.week) ? compareWeekIds(a.week, b.week) : a.path.localeCompare(b.path)));
  const inScope = changed ? all.filter((f) => changed.has(f.repo)) : all;

  // 3. How the site reads each: the same parser as the build, with last week for plan vs. done.
  const registry = loadRegistry(input.contentDir);
  const metricRegistry = loadMetrics(input.contentDir);
  const parse = (path: string, source: string) => {
    try {
      return parseWeekSource(source, { file: path, registry });
    } catch {
      return undefined; // the check has reported why
    }
  };
  const failed = new Set(input.problems.filter((p) => p.severity === "error").map((p) => p.file));
  // Only the latest weeks are shown in full (a push to main has every week in scope): parse just those.
  const maxReadings = 20;
  const weeks: SummaryWeek[] = inScope.map((f, i) => {
    const shown = i >= inScope.length - maxReadings;
    const report = !shown || failed.has(f.path) ? undefined : parse(f.path, f.source);
    const earlier = all.filter((o) => isWeekId(o.week) && isWeekId(f.week) && compareWeekIds(o.week, f.week) < 0).at(-1);
    const previous = report && earlier ? parse(earlier.path, earlier.source) : undefined;
    return {
      file: f.repo,
      reading: report ? readWeekReading(report, { metricRegistry, previous }) : undefined,
      problems: input.problems.filter((p) => p.file === f.path).map((p) => ({ ...p, file: f.repo })),
    };
  });
  const shownFiles = new Set(inScope.map((f) => f.path));
  const otherProblems = input.problems.filter((p) => !shownFiles.has(p.file)).map((p) => ({ ...p, file: repoPath(p.file) }));

  // 4. Appended: other steps may write to the same summary.
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const runUrl =
    env.GITHUB_REPOSITORY && isRepositoryName(env.GITHUB_REPOSITORY) && /^\d+$/.test(env.GITHUB_RUN_ID ?? "") && /^https:\/\/[A-Za-z0-9.:-]+$/.test(server)
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  appendFileSync(summaryFile, renderJobSummary({ scope, weeks, otherProblems, checkedFiles: input.checked.length, runUrl, maxReadings }));
}

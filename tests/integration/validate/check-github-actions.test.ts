// Spawns `npm run check` (and git) in a throwaway repository: slower than the other unit tests.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_CONTENT } from "../../support/fixture-content.ts";

const NODE = resolve("node_modules/.bin/node");
const CHECK = resolve("scripts/check.ts");
const BAD = readFileSync("tests/fixtures/invalid/bad-week/weeks/2024-W60.mdx", "utf8");

let repo: string;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "ignore" });

function check(env: Record<string, string>) {
  const base = { ...process.env };
  for (const k of Object.keys(base)) if (k.startsWith("GITHUB_") || k === "WEEKLY_ARCHIVE_CONTENT") delete base[k];
  const r = spawnSync(NODE, [CHECK], { cwd: repo, encoding: "utf8", env: { ...base, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

beforeAll(() => {
  // A repository whose main has the seed week; the "pull request" adds a bad week on top.
  repo = mkdtempSync(join(tmpdir(), "wa-actions-"));
  mkdirSync(join(repo, "content/weeks"), { recursive: true });
  copyFileSync(join(FIXTURE_CONTENT, "weeks/2024-W17.mdx"), join(repo, "content/weeks/2024-W17.mdx"));
  for (const f of ["projects.yaml", "objectives.yaml", "metrics.yaml"]) copyFileSync(join(FIXTURE_CONTENT, f), join(repo, "content", f));
  // A broken week already on main: its annotations must not crowd out the pull request's.
  writeFileSync(join(repo, "content/weeks/2024-W01.mdx"), BAD);
  git("init", "-q", "-b", "main");
  git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base");
  git("update-ref", "refs/remotes/origin/main", "HEAD");
  writeFileSync(join(repo, "content/weeks/2024-W60.mdx"), BAD);
  git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "pr");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("npm run check under GitHub Actions", () => {
  it("prints an ::error on the bad week's line, with its path from the repository root", () => {
    const { code, out } = check({ GITHUB_ACTIONS: "true" });
    expect(code).toBe(1);
    expect(out).toMatch(/^::error file=content\/weeks\/2024-W60\.mdx,line=2,col=1,title=周报检查 \(week check\) \[week\]::.*W60.*%0A修复/m);
    // Still the plain report for people reading the log.
    expect(out).toContain("content/weeks/2024-W60.mdx:2:1 error [week]");
  });

  it("annotates the pull request's own files first, since GitHub shows only ten of each kind", () => {
    const { out } = check({ GITHUB_ACTIONS: "true", GITHUB_BASE_REF: "main" });
    const files = out
      .split("\n")
      .filter((l) => l.startsWith("::"))
      .map((l) => /file=([^,]+)/.exec(l)?.[1]);
    expect(files[0]).toBe("content/weeks/2024-W60.mdx");
    expect(files).toContain("content/weeks/2024-W01.mdx");
  });

  it("stops with an error naming the variable when SITE_REPOSITORY is not owner/name", () => {
    const { code, out } = check({ SITE_REPOSITORY: "acme/weekly?x=<b>" });
    expect(code).not.toBe(0);
    expect(out).toContain('SITE_REPOSITORY="acme/weekly?x=<b>" 不是 GitHub 仓库名：应为 owner/name');
  });

  it("prints no workflow commands outside Actions", () => {
    const { out } = check({});
    expect(out).not.toMatch(/^::/m);
  });

  it("writes a job summary of the weeks the pull request changed, appending to what is there", () => {
    const summary = join(repo, "..", `${repo.split("/").at(-1)}-summary.md`);
    writeFileSync(summary, "earlier step\n");
    check({ GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary, GITHUB_BASE_REF: "main", GITHUB_REPOSITORY: "acme/weekly", GITHUB_RUN_ID: "7" });
    const md = readFileSync(summary, "utf8");
    rmSync(summary);
    expect(md.startsWith("earlier step\n## 周报检查")).toBe(true);
    expect(md).toContain("本次改动的周报 (weeks added or changed against `origin/main`)：1 个");
    expect(md).toContain("### content/weeks/2024-W60.mdx");
    expect(md).not.toContain("### content/weeks/2024-W17.mdx");
    expect(md).toContain("| ❌ 错误 | content/weeks/2024-W60.mdx:2 \\[week\\]");
  });

  it("without a pull request base, summarises every week and says so, with how each was read", () => {
    const summary = join(repo, "summary.md");
    check({ GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary });
    const md = readFileSync(summary, "utf8");
    rmSync(summary);
    expect(md).toContain("全部周报 (all weeks: 不是 pull request");
    expect(md).toContain("### content/weeks/2024-W17.mdx");
    expect(md).toContain("4 个项目，4 个目标，5 个指标，1 个生产事件，4 项下周计划");
    expect(md).toMatch(/入金有效成功率 \| 99\.997% \| 正文 \| ✅ 达标（目标 ≥ 99\.99%）/);
  });

  it("says when git cannot compare with the base instead of guessing", () => {
    const summary = join(repo, "summary.md");
    check({ GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary, GITHUB_BASE_REF: "no-such-branch" });
    const md = readFileSync(summary, "utf8");
    rmSync(summary);
    expect(md).toContain("git 无法与 origin/no-such-branch 比较");
  });
});

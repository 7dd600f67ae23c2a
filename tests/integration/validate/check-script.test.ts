import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";

const NODE = "node_modules/.bin/node";
const FIXTURES = "tests/fixtures/invalid";
const MARKERS = ["/tmp/weekly-archive-pwned-esm", "/tmp/weekly-archive-pwned-expression"];

function runCheck(contentDir: string | undefined, args: string[] = []) {
  const env = { ...process.env };
  if (contentDir) env.WEEKLY_ARCHIVE_CONTENT = contentDir;
  else delete env.WEEKLY_ARCHIVE_CONTENT;
  // Run as outside Actions even in CI, so fixtures never land in the real job summary.
  delete env.GITHUB_ACTIONS;
  delete env.GITHUB_STEP_SUMMARY;
  const r = spawnSync(NODE, ["scripts/check.ts", ...args], { encoding: "utf8", env, timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("npm run check (child process)", () => {
  it("passes the clean content", () => {
    const { code, out } = runCheck(undefined);
    expect(out).toMatch(/^通过：/m);
    expect(code).toBe(0);
  });

  it.each([
    ["esm-import", "2024-W17.mdx:8:1", /import\/export/],
    ["expression", "2024-W17.mdx:6:17", /JavaScript 表达式/],
    ["broken-brace", "2024-W17.mdx:6:17", /`\{` 在 MDX 中开始一个 JavaScript 表达式/],
    ["bad-week", "2024-W60.mdx:2:1", /不存在 W60/],
    ["broken-yaml", "2024-W17.mdx:3:8", /不是合法的 YAML/],
    ["name-mismatch", "2024-W18.mdx:2:1", /文件名 2024-W18\.mdx 与 week: 2024-W17 不一致/],
    ["duplicate", "2024-W17 copy.mdx:2:1", /重复/],
  ])("rejects %s, naming the file and line", (fixture, place, message) => {
    for (const m of MARKERS) rmSync(m, { force: true });
    const { code, out } = runCheck(`${FIXTURES}/${fixture}`);
    expect(code).toBe(1);
    expect(out).toContain(`${FIXTURES}/${fixture}/weeks/${place} error`);
    expect(out).toMatch(message);
    expect(out).toContain("修复：");
    expect(out).toMatch(/^未通过：/m);
    // The valid week next to the bad one is not blamed.
    expect(out).not.toContain("2024-W16.mdx:");
    // Nothing in a rejected week ran.
    for (const m of MARKERS) expect(existsSync(m)).toBe(false);
  });

  it("names both files of a duplicate week", () => {
    const { out } = runCheck(`${FIXTURES}/duplicate`);
    expect(out).toContain(`${FIXTURES}/duplicate/weeks/2024-W17.mdx:2:1 error [week] week: 2024-W17 重复：${FIXTURES}/duplicate/weeks/2024-W17 copy.mdx`);
  });

  it("checks given files against the tree and reports only those", () => {
    const { code, out } = runCheck(undefined, [`${FIXTURES}/bad-week/weeks/2024-W60.mdx`, "content/weeks/2024-W17.mdx"]);
    expect(code).toBe(1);
    expect(out).toContain("2024-W60.mdx:2:1 error [week]");
    expect(out).not.toContain("content/weeks/2024-W17.mdx:");
    const dup = runCheck(undefined, [`${FIXTURES}/duplicate/weeks/2024-W17.mdx`]);
    expect(dup.out).toContain("重复：content/weeks/2024-W17.mdx");
  });

  it("fails when the weeks folder is missing", () => {
    const { code, out } = runCheck("tests/fixtures/invalid/does-not-exist");
    expect(code).toBe(1);
    expect(out).toContain("找不到周报目录");
  });
});

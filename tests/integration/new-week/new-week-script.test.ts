import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_CONTENT } from "../../support/fixture-content.ts";

const content = mkdtempSync(join(tmpdir(), "weekly-new-"));
cpSync(FIXTURE_CONTENT, content, { recursive: true });
afterAll(() => rmSync(content, { recursive: true, force: true }));

const run = (script: string, ...args: string[]) => {
  const r = spawnSync("node_modules/.bin/node", [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, WEEKLY_ARCHIVE_CONTENT: content },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
};

describe("npm run new (child process)", () => {
  it("writes a prefilled 2030-W02 that passes npm run check, and refuses to overwrite it", () => {
    const file = join(content, "weeks/2030-W02.mdx");
    const made = run("scripts/new-week.ts", "2030-W02");
    expect(made.code).toBe(0);
    expect(made.out).toContain("2030-W02.mdx（以 2024-W17 为模板）");
    expect(made.out).toContain("下一步");
    expect(readFileSync(file, "utf8")).toContain("- 【贝易转（C转）】");

    const check = run("scripts/check.ts");
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/通过：.*0 个错误/);

    const again = run("scripts/new-week.ts", "2030-W02");
    expect(again.code).toBe(1);
    expect(again.out).toContain("已存在，未改动");
  });

  it("rejects a week that does not exist without writing", () => {
    const r = run("scripts/new-week.ts", "2030-W60");
    expect(r.code).toBe(2);
    expect(r.out).toContain("不存在 W60");
    expect(existsSync(join(content, "weeks/2030-W60.mdx"))).toBe(false);
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContentDir, startContentCheck } from "../../../src/lib/validate/load.ts";
import { checkWeekBody } from "../../../src/lib/validate/validate-week-files.ts";
import { splitWeekSource } from "../../../src/lib/report/week-source.ts";
import { FIXTURE_CONTENT } from "../../support/fixture-content.ts";

const tmp = mkdtempSync(join(tmpdir(), "weekly-check-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("checkContentDir", () => {
  it("passes the fixture content (the seed and its registries), deep", () => {
    const { problems, checked } = checkContentDir(FIXTURE_CONTENT, process.cwd(), { deep: true });
    expect(problems).toEqual([]);
    expect(checked).toContain("tests/fixtures/content/weeks/2024-W17.mdx");
    expect(checked).toContain("tests/fixtures/content/projects.yaml");
  });

  it("reports registry files that break YAML or their schema, with lines", () => {
    const { problems } = checkContentDir("tests/fixtures/invalid/bad-registry");
    const byFile = Object.fromEntries(problems.map((p) => [p.file.replace(/.*\//, ""), p]));
    expect(byFile["projects.yaml"]).toMatchObject({ line: 4, field: "1.slug", severity: "error" });
    expect(byFile["projects.yaml"]!.message).toMatch(/slug 只能用小写字母/);
    expect(byFile["objectives.yaml"]).toMatchObject({ line: 3, severity: "error", field: "yaml" });
    expect(byFile["objectives.yaml"]!.message).toMatch(/不是合法的 YAML/);
  });

  it("warns, in deep mode, when frontmatter metrics contradict 系统运行数据", () => {
    const dir = join(tmp, "metrics");
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const file = join(dir, "weeks/2024-W17.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^created:.*$/m, "metrics:\n  deposit-success-rate: 99.9%"));
    const { problems } = checkContentDir(dir, process.cwd(), { deep: true });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "warning", field: "metrics", line: 4 });
    expect(problems[0]!.message).toContain("99.997");
  });

  it("warns about an unregistered project close to a registered one", () => {
    const dir = join(tmp, "typo");
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const file = join(dir, "weeks/2024-W17.mdx");
    writeFileSync(file, readFileSync(file, "utf8").replace("【54321技术战略落地】", "【54321技术战略】"));
    const { problems } = checkContentDir(dir);
    expect(problems.map((p) => [p.severity, p.field, p.line])).toEqual([["warning", "project", 17]]);
  });

  it("plans a body check for every readable week and hands each parsed tree to whoever reads the week next", () => {
    const dir = join(tmp, "handover");
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    writeFileSync(join(dir, "weeks/2024-W18.mdx"), "---\nweek: 2024-W18\n---\n\n- 【贝易转（C转）】{broken\n");
    const run = startContentCheck(dir, process.cwd());
    expect(run.bodies.map((b) => b.path)).toEqual([join(dir, "weeks/2024-W17.mdx"), join(dir, "weeks/2024-W18.mdx")]);
    const checked = run.bodies.map((job) => checkWeekBody(job, run.weeks, run.context));
    const { problems } = run.finish(checked.map((c) => c.problems));
    expect(problems.filter((p) => p.severity === "error").map((p) => p.file)).toEqual([join(dir, "weeks/2024-W18.mdx")]);
    expect(problems).toEqual(checkContentDir(dir, process.cwd()).problems);
    const seed = readFileSync(join(dir, "weeks/2024-W17.mdx"), "utf8");
    expect(checked.map((c) => c.tree && { path: c.tree.path, source: c.tree.source, text: c.tree.text, type: c.tree.tree.type })).toEqual([
      { path: join(dir, "weeks/2024-W17.mdx"), source: seed, text: splitWeekSource(seed).paddedBody, type: "root" },
      undefined,
    ]);
  });
});

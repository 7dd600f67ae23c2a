import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectInputs, parseWeekMap, planImport, type BatchInput } from "../../../src/lib/import/batch.ts";
import { validateWeekFiles } from "../../../src/lib/validate/index.ts";

const series = resolve("tests/fixtures/import/status-series");
const read = (args: string[]): BatchInput[] => collectInputs(args).files.map((f) => ({ ...f, source: readFileSync(f.path, "utf8") }));
const tmp = mkdtempSync(join(tmpdir(), "weekly-batch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("importing a directory of history", () => {
  const plan = planImport(read([series]));
  const byWeek = Object.fromEntries(plan.weeks.map((p) => [p.result.week, p.result]));

  it("walks nested directories in name order and dates each report by its title", () => {
    expect(plan.clashes).toEqual([]);
    expect(plan.refused).toEqual([]);
    expect(plan.weeks.map((p) => [p.input.path.slice(series.length + 1), p.result.week])).toEqual([
      ["Done/Month02/Week1/Week1.md", "2023-W32"],
      ["Done/Month02/Week2/Week2.md", "2023-W33"],
      // Starts on a Saturday: the following week.
      ["Done/Month03/Week1/Week1.md", "2023-W34"],
    ]);
  });

  it("points links between reports at week pages, repairs the rest, and keeps no comment", () => {
    const w32 = byWeek["2023-W32"]!;
    expect(w32.output).toContain("[下一份报告](/weeks/2023-w33/)");
    expect(w32.output).toContain("[#15](https://github.com/brsf11/mugen-riscv/pull/15)");
    expect(w32.output).toContain("[文档](https://gitee.com/openeuler/mugen)");
    expect(w32.output).toContain("提交测试报告 report.md");
    expect(w32.output).not.toContain("内部备注");
    expect(byWeek["2023-W34"]!.output).toContain("[上周](/weeks/2023-w33/)");
    expect(byWeek["2023-W33"]!.output).toContain("[#21](https://github.com/ruyisdk/ruyi/issues/21)");
  });

  it("writes weeks that pass the check with no error", () => {
    const files = plan.weeks.map((p) => ({ path: `${p.result.week}.mdx`, source: p.result.output }));
    const errors = validateWeekFiles(files, { knownWeeks: plan.weeks.map((p) => p.result.week) }).filter((p) => p.severity === "error");
    expect(errors).toEqual([]);
  });
});

describe("two exports in one ISO week", () => {
  const a: BatchInput = { path: "/x/2024-04-15-周报.md", root: "/x", source: "# 周报\n\n正文 a\n" };
  const b: BatchInput = { path: "/x/2024-04-18-周报.md", root: "/x", source: "# 周报\n\n正文 b\n" };

  it("stops the whole import, naming both and where their dates came from", () => {
    const plan = planImport([a, b]);
    expect(plan.weeks).toEqual([]);
    expect(plan.clashes).toEqual([
      {
        week: "2024-W16",
        files: [
          { path: a.path, from: "2024-04-15" },
          { path: b.path, from: "2024-04-18" },
        ],
      },
    ]);
  });

  it("is settled by a --weeks map, by file name or path", () => {
    for (const key of ["2024-04-18-周报.md", "/x/2024-04-18-周报.md"]) {
      const plan = planImport([a, b], { weekMap: new Map([[key, "2024-W17"]]) });
      expect(plan.clashes).toEqual([]);
      expect(plan.weeks.map((p) => p.result.week)).toEqual(["2024-W16", "2024-W17"]);
    }
  });

  it("refuses --week with more than one file", () => {
    expect(() => planImport([a, b], { week: "2024-W17" })).toThrow(/--week/);
  });
});

describe("the --weeks map", () => {
  it.each([
    ["a corpus weeks.tsv with a header", "file\tweek\tdate\nm00-w0.md\t2023-W20\t2023-05-23\n"],
    ["bare pairs", "m00-w0.md 2023-W20\n# a comment\n"],
    ["columns in another order", "week,file\n2023-W20,m00-w0.md\n"],
  ])("reads %s", (_name, text) => {
    expect([...parseWeekMap(text)]).toEqual([["m00-w0.md", "2023-W20"]]);
  });
});

describe("walking a directory", () => {
  it("takes .md/.mdx only and follows no symlink out of it", () => {
    const dir = join(tmp, "export");
    mkdirSync(join(dir, "sub"), { recursive: true });
    writeFileSync(join(dir, "b.md"), "x");
    writeFileSync(join(dir, "sub", "a.mdx"), "x");
    writeFileSync(join(dir, "notes.txt"), "x");
    writeFileSync(join(tmp, "outside.md"), "secret");
    symlinkSync(join(tmp, "outside.md"), join(dir, "leak.md"));
    symlinkSync(join(dir, "b.md"), join(dir, "c.md"));
    const { files, skipped } = collectInputs([dir]);
    expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual(["b.md", "c.md", "sub/a.mdx"]);
    expect(skipped).toEqual([expect.stringContaining("leak.md：符号链接指向目录之外")]);
  });
});

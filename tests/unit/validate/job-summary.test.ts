import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { readWeekReading } from "../../../src/lib/insights/week-reading.ts";
import { mdText, renderJobSummary } from "../../../src/lib/github/job-summary.ts";
import type { MetricEntry } from "../../../src/lib/metric-registry.ts";

const SEED = readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8");
const metrics: MetricEntry[] = [
  { id: "deposit-success-rate", label: "入金有效成功率", aliases: [], unit: "%", direction: "higher", target: 99.999 } as MetricEntry,
  { id: "yearly-availability", label: "年度可用性", aliases: [], unit: "%", direction: "higher", target: 99.99 } as MetricEntry,
];

describe("mdText", () => {
  it.each([
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["a | b", "a \\| b"],
    ["R&D", "R&amp;D"],
    ["[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"],
    ["line\n| --- |\nnext", "line \\| --- \\| next"],
    ["**bold** `code`", "\\*\\*bold\\*\\* \\`code\\`"],
  ])("%j stays inert", (input, out) => {
    expect(mdText(input)).toBe(out);
  });
});

describe("renderJobSummary", () => {
  const report = parseWeekSource(SEED, { file: "content/weeks/2024-W17.mdx" });

  it("says how the week was read: projects, objectives, metrics against targets, incidents, last week's plans", () => {
    const reading = readWeekReading(report, { metricRegistry: metrics, previous: report });
    const md = renderJobSummary({
      scope: { kind: "changed", base: "origin/main" },
      weeks: [{ file: "content/weeks/2024-W17.mdx", reading, problems: [] }],
      otherProblems: [],
      checkedFiles: 4,
      runUrl: "https://github.com/acme/weekly/actions/runs/42",
    });
    expect(md).toContain("✅ 通过");
    expect(md).toContain("origin/main");
    expect(md).toContain("4 个项目，4 个目标，5 个指标，1 个生产事件，4 项下周计划");
    expect(md).toContain("| 6 | 贝易转（C转） | 4 |");
    expect(md).toContain("| 31 | O1 业务服务 | 7 |");
    // 99.997% against a target of 99.999: missed; 100% against 99.99: met.
    expect(md).toMatch(/\| 67 \| 入金有效成功率 \| 99\.997% \| 正文 \| ❌ 未达标（目标 ≥ 99\.999%）/);
    expect(md).toMatch(/\| 72 \| 年度可用性 \| 100% \| 正文 \| ✅ 达标/);
    expect(md).toContain("| 77 | 2024-04-19 16:36 |");
    expect(md).toMatch(/\| 贝易转研发和测试进度、质量跟进 \| 🟢 本周有进展 \|/);
    expect(md).toContain("unzip dist.zip -d dist && npx --yes serve dist");
    expect(md).toContain("(https://github.com/acme/weekly/actions/runs/42)");
  });

  it("lists errors and warnings, says there is no preview on errors, and reports weeks it could not read", () => {
    const md = renderJobSummary({
      scope: { kind: "all", reason: "not a pull request" },
      weeks: [
        {
          file: "content/weeks/2024-W60.mdx",
          problems: [{ file: "content/weeks/2024-W60.mdx", line: 2, field: "week", severity: "error", message: "不存在 W60", hint: "改成 2024-W52" }],
        },
      ],
      otherProblems: [{ file: "content/projects.yaml", line: 3, severity: "warning", message: "slug 重复", hint: "" }],
      checkedFiles: 2,
    });
    expect(md).toContain("❌ 未通过");
    expect(md).toContain("1 个错误，1 个警告");
    expect(md).toContain("全部周报 (all weeks: not a pull request)");
    expect(md).toContain("站点读不了这一周");
    expect(md).toContain("| ❌ 错误 | content/weeks/2024-W60.mdx:2 \\[week\\] | 不存在 W60 | 改成 2024-W52 |");
    expect(md).toContain("| ⚠️ 警告 | content/projects.yaml:3 | slug 重复 |");
    expect(md).toContain("没有预览");
    expect(md).not.toContain("npx --yes serve");
  });

  it("a hostile week cannot inject HTML or table cells into the summary", () => {
    // Escaped in MDX, so the text the site reads is the raw markup.
    const hostile = SEED.replace("【贝易转（C转）】", "【\\<script\\>x\\</script\\> | a | b】").replace(
      "收款行：监管政策原因",
      "\\<img src=x onerror=alert(1)\\>",
    );
    const r = parseWeekSource(hostile, { file: "content/weeks/2024-W17.mdx" });
    expect(r.projects[0]!.name).toBe("<script>x</script> | a | b");
    expect(r.projects[0]!.text).toContain("<img src=x onerror=alert(1)>");
    const md = renderJobSummary({
      scope: { kind: "changed", base: "origin/main" },
      weeks: [
        {
          file: "content/weeks/2024-W17.mdx",
          reading: readWeekReading(r),
          problems: [{ file: "x", severity: "warning", message: "<b>hi</b>\n| x |", hint: "" }],
        },
      ],
      otherProblems: [],
      checkedFiles: 1,
    });
    expect(md).not.toMatch(/<(?:script|img|b)\b/i);
    const row = md.split("\n").find((l) => l.includes("&lt;script&gt;"))!;
    expect(row).toBeDefined();
    // Five real separators in a four-column row: the `|` of the project name is escaped.
    expect(row.replace(/\\\|/g, "").split("|").length - 1).toBe(6);
  });

  it("stays within GitHub's summary size however many problems there are, and says how many it left out", () => {
    const problems = Array.from({ length: 5000 }, (_, i) => ({
      file: `content/weeks/w${i}.mdx`,
      line: 3,
      severity: "warning" as const,
      message: "还有“（待填写）”".repeat(20),
      hint: "填写或删除".repeat(20),
    }));
    const md = renderJobSummary({ scope: { kind: "all", reason: "r" }, weeks: [], otherProblems: problems, checkedFiles: 5000 });
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain("另有 4700 个问题");
    expect(md).toContain("GitHub 每一步只显示前 10 个错误和 10 个警告标注");
  });

  it("cuts a summary that would pass GitHub's limit, keeping the preview line", () => {
    const problems = Array.from({ length: 300 }, (_, i) => ({
      file: `content/weeks/w${i}.mdx`,
      severity: "warning" as const,
      message: "很长的说明".repeat(200),
      hint: "",
    }));
    const weeks = Array.from({ length: 20 }, (_, i) => ({ file: `content/weeks/w${i}.mdx`, problems }));
    const md = renderJobSummary({ scope: { kind: "all", reason: "r" }, weeks, otherProblems: [], checkedFiles: 20 });
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain("摘要太长，后面的部分省略");
    expect(md).toContain("unzip dist.zip -d dist && npx --yes serve dist");
  });

  it("shows only the latest weeks in full when there are many", () => {
    const reading = readWeekReading(report);
    const weeks = Array.from({ length: 25 }, (_, i) => ({ file: `content/weeks/w${i}.mdx`, reading, problems: [] }));
    const md = renderJobSummary({ scope: { kind: "all", reason: "r" }, weeks, otherProblems: [], checkedFiles: 25, maxReadings: 20 });
    expect(md).toContain("只展开最近的 20 个；其余 5 个");
    expect(md).not.toContain("### content/weeks/w4.mdx");
    expect(md).toContain("### content/weeks/w5.mdx");
  });
});

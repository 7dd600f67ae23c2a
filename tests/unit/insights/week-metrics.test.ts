import { describe, expect, it } from "vitest";
import { describeMismatch, metricMismatches, unknownFrontmatterMetrics, weekMetricValues } from "../../../src/lib/report/week-metrics.ts";
import { metricRegistry, week, weekSource } from "./helpers.ts";

const BODY = `
  ## 【系统运行数据】

  - 入金有效成功率：99.997%
  - 出金有效成功率：99.984%
  - 事故数AB级0次，CD级1次
`;
const FRONT = 'metrics:\n  deposit-success-rate: 99.95%\n  withdrawal-success-rate: 99.984\n  年度可用性: "100%"\n';

describe("frontmatter wins over the section", () => {
  const source = weekSource("2024-W18", BODY, FRONT);
  const report = week("2024-W18", BODY, FRONT);

  it("uses the frontmatter value where both are written, the section elsewhere", () => {
    const values = Object.fromEntries(weekMetricValues(report, metricRegistry).map((v) => [v.id, [v.value, v.source]]));
    expect(values).toEqual({
      "deposit-success-rate": [99.95, "frontmatter"],
      "withdrawal-success-rate": [99.984, "frontmatter"],
      "yearly-availability": [100, "frontmatter"],
      "incidents-ab": [0, "section"],
      "incidents-cd": [1, "section"],
    });
  });

  it("reports a mismatch only where the two disagree, with both lines", () => {
    const mismatches = metricMismatches(report, metricRegistry, "content/weeks/2024-W18.mdx");
    expect(mismatches).toEqual([
      {
        file: "content/weeks/2024-W18.mdx",
        line: 4,
        sectionLine: 11,
        metric: "deposit-success-rate",
        label: "入金有效成功率",
        frontmatter: 99.95,
        section: 99.997,
      },
    ]);
    expect(source.split("\n")[10]).toContain("入金有效成功率");
    const { message, hint } = describeMismatch(mismatches[0]!);
    expect(message).toContain("入金有效成功率");
    expect(message).toContain("99.95");
    expect(message).toContain("99.997");
    expect(hint).toBeTruthy();
  });

  it("reports nothing without frontmatter metrics", () => {
    expect(metricMismatches(week("2024-W18", BODY), metricRegistry)).toEqual([]);
  });

  it("keeps a label the registry lacks as its own metric", () => {
    const report = week("2024-W18", "## 系统运行数据\n\n- 退款成功率：99.5%\n");
    expect(weekMetricValues(report, metricRegistry)).toMatchObject([
      { label: "退款成功率", value: 99.5, unit: "%", registered: false, id: "x-tui-kuan-cheng-gong-lv" },
    ]);
  });
});

describe("unknown frontmatter metric keys", () => {
  it("names keys that are neither an id nor a label of the registry", () => {
    const found = week("2024-W18", BODY, "metrics:\n  deposit-sucess-rate: 99.9\n  年度可用性: 100\n  incidents-ab: 0\n").frontmatterMetrics;
    expect(unknownFrontmatterMetrics(found, metricRegistry).map((f) => [f.key, f.line])).toEqual([["deposit-sucess-rate", 4]]);
  });
});

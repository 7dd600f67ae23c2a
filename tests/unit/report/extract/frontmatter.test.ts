import { describe, expect, it } from "vitest";
import { frontmatterMetrics } from "../../../../src/lib/report/extract/frontmatter.ts";
import { parseWeekSource, WeekParseError } from "../../../../src/lib/report/parse-week.ts";
import { parseFrontmatterYaml } from "../../../../src/lib/report/week-source.ts";

const BODY = "## 系统运行数据\n\n- 入金有效成功率：99.997%\n";
const parse = (front: string, body = BODY) => parseWeekSource(`---\nweek: 2024-W18\n${front}---\n\n${body}`, { file: "2024-W18.mdx" });

describe("frontmatter metrics in the WeekReport", () => {
  it("reads keys, values as written and the file line of each key", () => {
    expect(parse('metrics:\n  deposit-success-rate: 99.95%\n  withdrawal-success-rate: 99.990\n  年度可用性: "100%"\n').frontmatterMetrics).toEqual([
      { key: "deposit-success-rate", value: 99.95, raw: "99.95%", line: 4 },
      { key: "withdrawal-success-rate", value: 99.99, raw: "99.990", line: 5 },
      { key: "年度可用性", value: 100, raw: "100%", line: 6 },
    ]);
  });

  it("counts lines past comments, other keys and CRLF line endings", () => {
    const source = "---\r\nweek: 2024-W18\r\n# 指标见 metrics.yaml\r\nsummary: |\r\n  两行\r\n  摘要\r\nmetrics:\r\n  incidents-ab: 0\r\n---\r\n\r\n正文\r\n";
    expect(parseWeekSource(source, { file: "w.mdx" }).frontmatterMetrics).toEqual([{ key: "incidents-ab", value: 0, raw: "0", line: 8 }]);
  });

  it("is empty without `metrics:`, and a `metrics:` line in the body is not frontmatter", () => {
    expect(parse("").frontmatterMetrics).toEqual([]);
    expect(parse("", "metrics:\n  incidents-ab: 3\n").frontmatterMetrics).toEqual([]);
  });

  it.each([
    ["metrics not a map", "metrics: 99\n"],
    ["a value that is not a number", "metrics:\n  deposit-success-rate: 很好\n"],
  ])("rejects %s, naming the field", (_, front) => {
    expect(() => parse(front)).toThrow(WeekParseError);
    expect(() => parse(front)).toThrow(/metrics/);
  });

  it.each([
    ["metrics not a map", "metrics: 99\n"],
    ["a value that is not a number", "metrics:\n  deposit-success-rate: 很好\n  incidents-ab: 1\n"],
    ["a nested value", "metrics:\n  deposit-success-rate: [99]\n"],
  ])("reads only numbers from the YAML document (%s)", (_, yaml) => {
    const { read } = parseFrontmatterYaml({ yaml, yamlStartLine: 2, closeLine: 9 });
    expect(frontmatterMetrics(read, 2).map((m) => m.key)).toEqual(yaml.includes("incidents-ab") ? ["incidents-ab"] : []);
  });
});

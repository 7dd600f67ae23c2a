import { describe, expect, it } from "vitest";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { resolveShape, shapeFileSchema, type ReportShape } from "../../../src/lib/report/shape.ts";
import { emptyRegistry } from "../../../src/lib/registry.ts";

const shapeOf = (file: unknown): ReportShape => resolveShape(shapeFileSchema.parse(file));
const parse = (body: string, shape?: ReportShape) =>
  parseWeekSource(`---\nweek: 2024-W17\n---\n\n${body}`, { file: "2024-W17.mdx", registry: { ...emptyRegistry, ...(shape ? { shape } : {}) } });
const names = (body: string, shape?: ReportShape) => parse(body, shape).projects.map((p) => p.name);

// In the style of the heading-organised status reports (one `## 项目` per piece of work, `+` bullets).
const statusReport = `## RuyiSDK

+ 测试 Ruyi 0.13.0，整体进度 80%
+ 提交测试报告 [#21](https://github.com/ruyisdk/ruyi/issues/21)

### x86 fail 用例

+ 分析 30 个 fail 用例

## openEuler mugen

+ 修复 mugen 用例

## 遇到的问题

+ 板子不够

## 下周工作

+ RuyiSDK 测试 0.14.0
`;

describe("the seed's shape (no content/shape.yaml)", () => {
  it("reads - 【X】 top-level items as projects", () => {
    expect(names("- 【贝易转】\n    1. 银行合作\n- 【存管】 一期上线")).toEqual(["贝易转", "存管"]);
  });

  it("does not read 【…】 in running text or a list of links as projects", () => {
    const body =
      "## 视频\n\n- 【Milk-V Duo】 开箱视频 [链接](https://b.tv/1)\n- 【Lichee Pi 4A】 上手 https://b.tv/2\n- 【荔枝派】 评测（视频失效）\n\n## 说明\n\n本周看了 【Milk-V Duo】 的资料。\n\n- 文字里的 【X】 不算";
    expect(names(body)).toEqual([]);
  });

  it("reads 【X】 items with details under them as projects in any section", () => {
    expect(names("## 本周\n\n- 【存管】 见 [文档](https://a.com/)\n    - 一期上线\n- 【信用分】 [方案](https://a.com/2)")).toEqual(["存管", "信用分"]);
  });

  it("still reads a links-looking item as a project inside 重点项目", () => {
    expect(names("## 重点项目\n\n- 【存管】 方案见 [文档](https://a.com/)")).toEqual(["存管"]);
  });

  it("gives heading-organised reports no projects at all", () => {
    expect(names(statusReport)).toEqual([]);
  });
});

describe("the headings preset", () => {
  const shape = shapeOf({ preset: "headings" });
  const week = parse(statusReport, shape);

  it("makes every ## heading that is not a known section or excluded a project", () => {
    expect(week.projects.map((p) => [p.name, p.slug])).toEqual([
      ["RuyiSDK", "ruyisdk"],
      ["openEuler mugen", "openeuler-mugen"],
    ]);
    expect(week.plans.map((p) => p.text)).toEqual(["RuyiSDK 测试 0.14.0"]);
  });

  it("keeps the sub-headings and all items in the project, with its progress", () => {
    const ruyi = week.projects[0]!;
    expect(ruyi.text).toContain("分析 30 个 fail 用例");
    expect(ruyi.items.map((i) => i.text)).toContain("测试 Ruyi 0.13.0，整体进度 80%");
    expect(ruyi.progress.map((p) => p.percent)).toEqual([80]);
    expect(week.html).toContain(`id="${ruyi.anchor}"`);
    expect(week.html).toMatch(/<a[^>]*href="\/projects\/ruyisdk\/"/);
  });

  it("meets RUYISDK and RuyiSDK on one page", () => {
    expect(parse("## RUYISDK\n\n+ a", shape).projects[0]!.slug).toBe("ruyisdk");
  });

  it("reads ## projects below a # title heading", () => {
    expect(names(`# 工作报告\n\n${statusReport}`, shape)).toEqual(["RuyiSDK", "openEuler mugen"]);
  });
});

describe("other shape rules", () => {
  it("projects as ### headings inside a named section only", () => {
    const shape = shapeOf({ projects: { headings: { depths: [3], within: "本周工作" } } });
    const body = "## 本周工作\n\n### 支付网关\n\n- 压测完成\n\n### 风控\n\n- 规则上线\n\n## 杂项\n\n### 不是项目\n";
    expect(names(body, shape)).toEqual(["支付网关", "风控"]);
  });

  it("a bold lead **X**： as a project when asked for", () => {
    const shape = shapeOf({ projects: { boldLead: true } });
    expect(names("- **信用分**：接入完成\n\n**存管**：方案评审\n\n**不是**项目", shape)).toEqual(["信用分", "存管"]);
    expect(names("- **信用分**：接入完成")).toEqual([]);
  });

  it("section headings from the file replace the built-in ones", () => {
    const shape = shapeOf({ sections: { plans: ["Next week"] } });
    expect(parse("## Next week\n\n- 上线", shape).plans.map((p) => p.text)).toEqual(["上线"]);
    expect(parse("## 下周计划\n\n- 上线", shape).plans).toEqual([]);
  });

  it("objectives can be switched off", () => {
    expect(parse("## O1 业务服务\n\n- 上线").objectives).toHaveLength(1);
    expect(parse("## O1 业务服务\n\n- 上线", shapeOf({ objectives: false })).objectives).toHaveLength(0);
  });

  it.each([
    ["an unknown preset", { preset: "blog" }],
    ["an unknown key", { project: {} }],
    ["a depth out of range", { projects: { headings: { depths: [9] } } }],
    ["an unknown section kind", { sections: { todo: ["TODO"] } }],
  ])("the schema refuses %s", (_name, file) => {
    expect(shapeFileSchema.safeParse(file).success).toBe(false);
  });
});

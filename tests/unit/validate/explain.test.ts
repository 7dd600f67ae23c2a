import { describe, expect, it } from "vitest";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { defaultShape, resolveShape, shapeFileSchema } from "../../../src/lib/report/shape.ts";
import { emptyRegistry } from "../../../src/lib/registry.ts";
import { explainWeek } from "../../../src/lib/validate/explain.ts";

const source = `---
week: 2024-W17
---

## 重点项目

- 【存管】 一期整体进度 70%

## O1 业务服务

- 物保三期上线完成

## 系统运行数据

- 支付成功率 99.97%

## 生产事件

- 4/22 10:05 支付超时，影响 3 分钟

## 下周计划

- [ ] 物保三期复盘

## RuyiSDK

- 测试
`;

describe("npm run check -- --explain", () => {
  it("says what each section, project, objective subject, metric, incident and plan became, with lines", () => {
    const text = explainWeek("2024-W17.mdx", parseWeekSource(source, { file: "2024-W17.mdx" }), defaultShape, undefined).join("\n");
    expect(text).toContain("默认（没有 shape.yaml）");
    expect(text).toContain("第 5 行 ## 重点项目 → 重点项目");
    expect(text).toContain("第 7 行 存管 → /projects/cun-guan/（未登记） 进度 70%");
    expect(text).toContain("第 11 行 主题 “物保三期”");
    expect(text).toMatch(/指标 1：\n\s+第 15 行 .*99\.97%/);
    expect(text).toMatch(/生产事件 1：\n\s+第 19 行/);
    expect(text).toContain("第 23 行 “物保三期复盘” [ ]");
    expect(text).toContain("## RuyiSDK → 未识别");
  });

  it("shows a heading project under the headings preset", () => {
    const shape = resolveShape(shapeFileSchema.parse({ preset: "headings" }));
    const report = parseWeekSource(source, { file: "2024-W17.mdx", registry: { ...emptyRegistry, shape } });
    const text = explainWeek("2024-W17.mdx", report, shape, "content/shape.yaml").join("\n");
    expect(text).toContain("content/shape.yaml，preset headings");
    expect(text).toContain("## RuyiSDK → 项目（标题就是项目名）");
  });
});

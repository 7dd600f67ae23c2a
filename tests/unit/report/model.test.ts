import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import { emptyRegistry, type Registry } from "../../../src/lib/registry.ts";
import { parseWeekReport, weekReportSchema, type WeekReport } from "../../../src/lib/report/model.ts";
import { parseWeekSource, WeekParseError } from "../../../src/lib/report/parse-week.ts";
import { resolveShape, shapeFileSchema } from "../../../src/lib/report/shape.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;
const headings: Registry = { ...emptyRegistry, shape: resolveShape(shapeFileSchema.parse({ preset: "headings" })) };

/** Every week file under tests/fixtures the parser reads (the rejected ones have their own tests). */
function fixtureReports(registry: Registry): WeekReport[] {
  const files = (readdirSync(FIXTURES, { recursive: true }) as string[]).filter((f) => f.endsWith(".mdx")).sort();
  return files.flatMap((f) => {
    try {
      return [parseWeekSource(readFileSync(join(FIXTURES, f), "utf8"), { file: f, registry })];
    } catch (e) {
      if (e instanceof WeekParseError) return [];
      throw e;
    }
  });
}

/** A week with every part the model has: checklist, frontmatter metrics, task plans, nested items. */
const EVERYTHING = `---
week: 2024-W18
title: 第 18 周
author: 张三
summary: 一句话
created: 2024-05-03T18:00+08:00
metrics:
  deposit-success-rate: 99.990%
---

- 【贝易转】整体进度60%
    1. 联调：进度80%
        - 二期评审

## O1 业务服务

- 存管路由，切换30%
    - 新银沉淀

## 系统运行数据

支付成功率：

- 入金有效成功率：99.997%

## 生产事件

4/30 10:00 收银台超时，影响了3笔下单。原因：网络抖动。B级

## 其他

1. 招聘
    1. 面试 3 人

## 收获与反思

灰度要早。

## 上周计划完成情况

- [x] 贝易转联调

## 下周工作及目标

- [ ] 贝易转上线
- 存管路由二期
`;

const reports = [
  ...fixtureReports(emptyRegistry),
  ...fixtureReports(headings),
  ...generateCorpus({ count: 60, seed: 11 }).map((w) => parseWeekSource(w.source, { file: w.fileName })),
  ...generateCorpus({ count: 20, seed: 12, prose: true }).map((w) => parseWeekSource(w.source, { file: w.fileName, registry: headings })),
  parseWeekSource(EVERYTHING, { file: "2024-W18.mdx" }),
];

describe("weekReportSchema, the model every page reads", () => {
  it("accepts every report the parser makes of the fixtures and a generated corpus, unchanged", () => {
    expect(reports.length).toBeGreaterThan(100);
    for (const r of reports) {
      const checked = weekReportSchema.safeParse(r);
      expect(checked.error?.issues, r.week).toBeUndefined();
      expect(checked.data).toEqual(r);
    }
  });

  it("is exercised by those reports in every list and optional part it has", () => {
    for (const [key, field] of Object.entries(weekReportSchema.shape)) {
      const values = reports.map((r) => r[key as keyof WeekReport]);
      if (field.def.type === "array")
        expect(
          values.some((v) => (v as unknown[]).length > 0),
          key,
        ).toBe(true);
      if (field.def.type === "optional")
        expect(
          values.some((v) => v !== undefined),
          key,
        ).toBe(true);
    }
  });

  it("reads a report back from JSON, as a cache file holds it", () => {
    for (const r of reports.slice(-5)) {
      const json = JSON.parse(JSON.stringify(r));
      expect(parseWeekReport(json)).toEqual(json);
    }
  });

  // Strict objects: a field the parser starts to emit must be declared (and documented) in model.ts first.
  const everything = reports.at(-1)!;
  it.each<[string, (r: WeekReport) => void]>([
    ["the report", (r) => Object.assign(r, { extra: 1 })],
    ["a project mention", (r) => Object.assign(r.projects[0]!, { extra: 1 })],
    ["a nested item", (r) => Object.assign(r.projects[0]!.items[0]!.children[0]!, { extra: 1 })],
    ["a plan mark", (r) => Object.assign(r.planMarks[0]!, { extra: 1 })],
    ["a frontmatter metric", (r) => Object.assign(r.frontmatterMetrics[0]!, { extra: 1 })],
  ])("rejects a field it does not know on %s", (_, add) => {
    const r = structuredClone(everything);
    add(r);
    const result = weekReportSchema.safeParse(r);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["extra"] });
  });

  it.each(["2024-W60", "2024-w18", "2024-W8", ""])("rejects week %j: a WeekId is a real ISO week", (week) => {
    expect(() => parseWeekReport({ ...everything, week })).toThrow(/ISO/);
  });

  it("rejects a report with a part missing", () => {
    const { planMarks: _, ...rest } = everything;
    expect(weekReportSchema.safeParse(rest).success).toBe(false);
  });
});

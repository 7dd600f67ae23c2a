import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { buildInsights } from "../../../src/lib/insights/insights.ts";
import { weekMetricValues } from "../../../src/lib/report/week-metrics.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { metricRegistry, projectRegistry, SEED_SOURCE } from "./helpers.ts";

const seed = parseWeekSource(SEED_SOURCE, { file: "content/weeks/2024-W17.mdx", registry: projectRegistry });

describe("the seed week 2024-W17", () => {
  const values = weekMetricValues(seed, metricRegistry);
  const byId = Object.fromEntries(values.map((v) => [v.id, v]));

  it.each([
    ["deposit-success-rate", "入金有效成功率", 99.997, "%"],
    ["withdrawal-success-rate", "出金有效成功率", 99.984, "%"],
    ["yearly-availability", "年度可用性", 100, "%"],
    ["incidents-ab", "AB级事故数", 0, "次"],
    ["incidents-cd", "CD级事故数", 0, "次"],
  ])("has %s (%s) = %s", (id, label, value, unit) => {
    expect(byId[id]).toMatchObject({ label, value, unit, source: "section", registered: true });
  });

  it("reads every reading as a registered metric (nothing left over)", () => {
    expect(values).toHaveLength(5);
    expect(values.every((v) => v.registered)).toBe(true);
  });

  it("takes the values from the 系统运行数据 lines of the file", () => {
    const lines = SEED_SOURCE.split("\n");
    expect(lines[byId["deposit-success-rate"]!.line - 1]).toContain("入金有效成功率：99.997%");
    expect(lines[byId["incidents-cd"]!.line - 1]).toContain("CD级0次");
  });

  it("puts the 4/19 16:36 incident in the log with its week and anchor", () => {
    const archive = buildArchive([seed], projectRegistry, { staleAfterWeeks: 4 });
    const insights = buildInsights(archive, { metricRegistry });
    expect(insights.incidents.entries).toHaveLength(1);
    expect(insights.incidents.entries[0]).toMatchObject({
      week: "2024-W17",
      weekSlug: "2024-w17",
      date: "2024-04-19",
      time: "16:36",
      impact: "影响了25笔下单",
      month: "2024-04",
      anchor: "incident-1",
    });
    expect(insights.incidents.entries[0]!.cause).toMatch(/^退款幂等性校验发现此退款单存在/);
    expect(insights.incidents.months).toEqual([{ month: "2024-04", count: 1 }]);
  });

  it("charts each metric with the seed as its only point, compared with its target", () => {
    const archive = buildArchive([seed], projectRegistry, { staleAfterWeeks: 4 });
    const insights = buildInsights(archive, { metricRegistry });
    const deposit = insights.metrics.find((m) => m.id === "deposit-success-rate")!;
    expect(deposit.points.map((p) => [p.week, p.value, p.missed, p.incidents])).toEqual([["2024-W17", 99.997, false, 1]]);
    expect(deposit.comparison).toMatchObject({ gap: 0.007, meets: true, previous: undefined });
    expect(insights.weeks.get("2024-w17")!.metrics.map((r) => r.id)).toEqual(metricRegistry.map((m) => m.id));
    expect(insights.weeks.get("2024-w17")!.plans).toBeUndefined();
  });
});

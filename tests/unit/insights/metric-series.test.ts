import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import { buildMetricSeries, decimalsOf, roundTo } from "../../../src/lib/insights/metric-series.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { metricRegistry, metricTruthFromSource, projectRegistry, SEED_SOURCE, week } from "./helpers.ts";

const metricsBody = (deposit: string, ab: number, cd: number, extra = "") => `
  ## 系统运行数据

  - 入金有效成功率：${deposit}
  - 事故数AB级${ab}次，CD级${cd}次
  ${extra}
`;

describe("metric series", () => {
  const weeks = [
    week("2024-W15", metricsBody("99.995%", 0, 0)),
    week("2024-W16", metricsBody("99.98%", 1, 2, "- 退款成功率：99.1%") + "\n## 生产事件\n\n4/16 10:00 收银台超时，影响了3笔下单。原因：网络抖动。\n"),
    week("2024-W17", "本周无系统运行数据。\n"),
    week("2024-W18", metricsBody("99.997%", 0, 1)),
  ];
  const { series, byWeek } = buildMetricSeries(weeks, metricRegistry);
  const get = (id: string) => series.find((s) => s.id === id)!;

  it("lists registered metrics in registry order, then labels the registry lacks", () => {
    expect(series.map((s) => s.id)).toEqual([...metricRegistry.map((m) => m.id), "x-tui-kuan-cheng-gong-lv"]);
    expect(get("x-tui-kuan-cheng-gong-lv")).toMatchObject({ registered: false, label: "退款成功率", unit: "%" });
    expect(get("x-tui-kuan-cheng-gong-lv").target).toBeUndefined();
  });

  it("has a point per week that reports the metric, oldest first", () => {
    expect(get("deposit-success-rate").points.map((p) => [p.week, p.value])).toEqual([
      ["2024-W15", 99.995],
      ["2024-W16", 99.98],
      ["2024-W18", 99.997],
    ]);
    expect(get("withdrawal-success-rate").points).toEqual([]);
    expect(byWeek.get("2024-w17")).toEqual([]);
  });

  it("marks points that miss the target, in the metric's direction", () => {
    expect(get("deposit-success-rate").points.map((p) => p.missed)).toEqual([false, true, false]);
    expect(get("incidents-ab").points.map((p) => p.missed)).toEqual([false, true, false]);
    expect(get("incidents-cd").points.map((p) => p.missed)).toEqual([false, false, false]);
    expect(get("deposit-success-rate").missedCount).toBe(1);
  });

  it("carries the week's incidents on every metric's point", () => {
    expect(get("deposit-success-rate").points.map((p) => p.incidents)).toEqual([0, 1, 0]);
    expect(get("incidents-cd").points[1]!.incidentAnchor).toBe("incident-1");
  });

  it("compares the latest value with the previous one and the target, at the written precision", () => {
    expect(get("deposit-success-rate").comparison).toMatchObject({ change: 0.017, improved: true, gap: 0.007, meets: true });
    expect(get("incidents-cd").comparison).toMatchObject({ change: -1, improved: true, gap: undefined, meets: undefined });
    expect(get("deposit-success-rate").decimals).toBe(3);
  });

  it("keeps the target's own precision when every week writes fewer decimals (100% against ≥ 99.99)", () => {
    const availability = [{ id: "yearly-availability", label: "年度可用性", aliases: [], unit: "%", direction: "higher" as const, target: 99.99 }];
    const body = (v: string) => `## 系统运行数据\n\n- 年度可用性：${v}\n`;
    const {
      series: [s],
    } = buildMetricSeries([week("2024-W16", body("100%")), week("2024-W17", body("100%"))], availability);
    expect(s!.decimals).toBe(2);
    // Not "0个百分点": the latest reading is 0.01 points above the target.
    expect(s!.comparison).toMatchObject({ gap: 0.01, meets: true, change: 0 });
  });

  it("says how far back the previous reading is when it is not last week", () => {
    expect(get("deposit-success-rate").comparison!.previousGap).toMatchObject({ weeks: -2, adjacent: false, distance: "2 周前" });
    const far = buildMetricSeries([week("2020-W08", metricsBody("99.9%", 0, 0)), week("2024-W17", metricsBody("99.99%", 0, 0))], metricRegistry).series.find(
      (s) => s.id === "deposit-success-rate",
    )!;
    expect(far.comparison!.previousGap).toMatchObject({ adjacent: false, distance: "4 年前" });
  });

  it.each([
    ["99.997%", 3],
    ["100%", 0],
    ["0次", 0],
    ["99.9", 1],
  ])("decimals of %s = %s", (raw, n) => expect(decimalsOf(raw)).toBe(n));

  it("rounds away binary noise", () => {
    expect(99.997 - 99.99).not.toBe(0.007);
    expect(roundTo(99.997 - 99.99, 3)).toBe(0.007);
  });
});

describe("on a generated corpus of 60 weeks plus the seed", () => {
  const files = generateCorpus({ count: 60, seed: 7, startWeek: "2023-W10", skipWeeks: ["2024-W17"] }).map((w) => ({ week: w.week, source: w.source }));
  files.push({ week: "2024-W17", source: SEED_SOURCE });
  const reports = files.map((f) => parseWeekSource(f.source, { file: `${f.week}.mdx`, registry: projectRegistry }));
  reports.sort((a, b) => (a.week < b.week ? -1 : 1));
  const { series } = buildMetricSeries(reports, metricRegistry);
  // Targets straight from the YAML text, not through the schema or meetsTarget.
  const yaml = parse(readFileSync(new URL("../../fixtures/content/metrics.yaml", import.meta.url), "utf8")) as {
    label: string;
    target?: number;
    direction: string;
  }[];

  it("charts every metric value written in the sources, and nothing else", () => {
    let total = 0;
    for (const f of files) {
      const truth = metricTruthFromSource(f.source);
      for (const [label, value] of truth) {
        const s = series.find((x) => x.label === label);
        expect(s, `${f.week} ${label}`).toBeDefined();
        expect(
          s!.points.filter((p) => p.week === f.week).map((p) => p.value),
          `${f.week} ${label}`,
        ).toEqual([value]);
        total++;
      }
    }
    const charted = series.reduce((n, s) => n + s.points.length, 0);
    expect(charted).toBe(total);
    expect(total).toBeGreaterThan(250);
  });

  it("marks exactly the points that miss their target", () => {
    let missed = 0;
    for (const entry of yaml) {
      const s = series.find((x) => x.label === entry.label)!;
      for (const p of s.points) {
        const expected = entry.target === undefined ? false : entry.direction === "lower" ? p.value > entry.target : p.value < entry.target;
        expect(p.missed, `${p.week} ${entry.label} ${p.value}`).toBe(expected);
        if (expected) missed++;
      }
    }
    expect(missed).toBeGreaterThan(0);
  });
});

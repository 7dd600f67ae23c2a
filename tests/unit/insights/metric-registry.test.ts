import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  createMetricMatcher,
  parseMetricsFile,
  sortMetricEntries,
  isImprovement,
  meetsTarget,
  metricEntrySchema,
  metricsFileSchema,
} from "../../../src/lib/metric-registry.ts";
import { metricRegistry } from "./helpers.ts";

describe("metric registry schema", () => {
  it("fills documented defaults", () => {
    expect(metricEntrySchema.parse({ id: "x", label: "某指标" })).toEqual({
      id: "x",
      label: "某指标",
      aliases: [],
      unit: "",
      direction: "higher",
    });
  });

  it.each([
    [{ id: "Deposit", label: "a" }, "id"],
    [{ id: "ok", label: "" }, "label"],
    [{ id: "ok", label: "a", direction: "up" }, "direction"],
    [{ id: "ok", label: "a", target: "99.99%" }, "target"],
    [{ id: "ok", label: "a", colour: "red" }, ""],
  ])("rejects %j (field %s)", (entry, field) => {
    const result = metricEntrySchema.safeParse(entry);
    expect(result.success).toBe(false);
    if (field) expect(result.error!.issues[0]!.path).toContain(field);
  });

  it("rejects a label or alias claimed by two metrics", () => {
    const result = metricsFileSchema.safeParse([
      { id: "a", label: "入金有效成功率" },
      { id: "b", label: "其他", aliases: ["入金有效成功率"] },
    ]);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([1]);
  });

  it("accepts content/metrics.yaml with a target for the payment SLOs", () => {
    expect(metricRegistry.map((m) => [m.id, m.target])).toEqual([
      ["deposit-success-rate", 99.99],
      ["withdrawal-success-rate", 99.98],
      ["yearly-availability", 99.99],
      ["incidents-ab", 0],
      ["incidents-cd", undefined],
    ]);
  });
});

describe("display order", () => {
  it("keeps the file's order unless an entry says otherwise", () => {
    const keyed = parseMetricsFile(parse)("- id: b\n  label: B\n- id: a\n  label: A\n- id: c\n  label: C\n  order: -1\n");
    // The collection hands entries back sorted by id; the remembered place restores the file order.
    const loaded = Object.values(keyed).sort((x, y) => String(x.id).localeCompare(String(y.id))) as { id: string; order?: number }[];
    expect(sortMetricEntries(loaded).map((e) => e.id)).toEqual(["c", "b", "a"]);
  });
});

describe("label matching", () => {
  const matcher = createMetricMatcher(metricRegistry);
  it.each([
    ["入金有效成功率", "deposit-success-rate"],
    ["入金有效成功率（%）", "deposit-success-rate"],
    ["入金有效成功率：", "deposit-success-rate"],
    [" 入金成功率 ", "deposit-success-rate"],
    ["出金有效成功率", "withdrawal-success-rate"],
    ["年度可用性", "yearly-availability"],
    ["系统可用性", "yearly-availability"],
    ["AB级事故数", "incidents-ab"],
    ["ab级事故数", "incidents-ab"],
    ["ＡＢ级事故数", "incidents-ab"],
    ["CD级事故", "incidents-cd"],
    ["incidents-cd", "incidents-cd"],
  ])("%s → %s", (label, id) => {
    expect(matcher.match(label)?.id).toBe(id);
  });

  it.each(["入金", "有效成功率", "出金有效成功率2", "事故数", "P0事故数"])("%s matches nothing", (label) => {
    expect(matcher.match(label)).toBeUndefined();
  });
});

describe("targets and direction", () => {
  it.each([
    ["higher", 99.99, 99.997, true],
    ["higher", 99.99, 99.99, true],
    ["higher", 99.99, 99.989, false],
    ["lower", 0, 0, true],
    ["lower", 0, 1, false],
    ["lower", undefined, 3, undefined],
  ] as const)("direction %s, target %s: %s meets → %s", (direction, target, value, meets) => {
    expect(meetsTarget({ direction, target }, value)).toBe(meets);
  });

  it.each([
    ["higher", 99.9, 99.99, true],
    ["higher", 99.99, 99.9, false],
    ["lower", 2, 1, true],
    ["lower", 1, 2, false],
    ["lower", 1, 1, undefined],
  ] as const)("direction %s: %s → %s is an improvement: %s", (direction, from, to, improved) => {
    expect(isImprovement({ direction }, from, to)).toBe(improved);
  });
});

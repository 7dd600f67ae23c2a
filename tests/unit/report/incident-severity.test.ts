import { describe, expect, it } from "vitest";
import { parseSeverity, withoutDateTime } from "../../../src/lib/report/incidents.ts";
import { week } from "../insights/helpers.ts";

describe("parseSeverity", () => {
  it.each([
    ["4/19 16:36 收银台超时，B级事故，影响了25笔下单", "B"],
    ["定为AB级事故", "AB"],
    ["CD级事件一起", "CD"],
    ["P1故障：支付网关超时", "P1"],
    ["【P0】全站不可用", "P0"],
    ["定级 p2", "P2"],
    ["全角 Ｐ３ 事件", "P3"],
    ["C类事件", "C"],
    // Not severities: no grade written, or letters inside words and longer numbers.
    ["收银台查询不存在的原订单号，影响了25笔下单", undefined],
    ["APP1 版本回滚", undefined],
    ["P10 机房巡检", undefined],
    ["ABC级别的问题", undefined],
  ])("%s → %s", (text, severity) => {
    expect(parseSeverity(text)).toBe(severity);
  });

  it("is carried on the report's incidents", () => {
    const r = week("2024-W20", "## 【生产事件】\n\n1. 5/14 10:20 收银台超时，P1故障。原因：连接池耗尽。\n2. 5/16 09:05 出金通道异常。原因：银行升级。\n");
    expect(r.incidents.map((i) => i.severity)).toEqual(["P1", undefined]);
  });
});

describe("withoutDateTime", () => {
  it("drops the leading date and time only", () => {
    expect(withoutDateTime("4/19 16:36 收银台超时")).toBe("收银台超时");
    expect(withoutDateTime("收银台超时 4/19")).toBe("收银台超时 4/19");
  });
});

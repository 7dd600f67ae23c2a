import { describe, expect, it } from "vitest";
import { buildIncidentLog } from "../../../src/lib/insights/incident-log.ts";
import { week } from "./helpers.ts";

const incidents = (...lines: string[]) => `## 生产事件\n\n${lines.join("\n\n")}\n`;

describe("incident log", () => {
  const weeks = [
    week(
      "2024-W13",
      incidents("3/26 09:10 支付网关验签失败，影响了4家商户。原因：证书未同步。", "3/28 22:05 钱包余额展示延迟，影响了120个用户。原因：缓存节点故障。"),
    ),
    week("2024-W14", incidents("无")),
    week("2024-W16", incidents("清结算日终任务延迟，影响了分账时效。原因：磁盘IO打满。")),
    week("2024-W17", incidents("4/19 16:36 收银台OOM，影响了25笔下单。原因：全表扫描。")),
  ];
  const log = buildIncidentLog(weeks);

  it("lists every incident newest first, undated ones at their week", () => {
    expect(log.entries.map((e) => [e.week, e.date ?? "—", e.time ?? "—", e.dated])).toEqual([
      ["2024-W17", "2024-04-19", "16:36", true],
      ["2024-W16", "—", "—", false],
      ["2024-W13", "2024-03-28", "22:05", true],
      ["2024-W13", "2024-03-26", "09:10", true],
    ]);
  });

  it("keeps impact and cause as written, with the anchor on the week page", () => {
    expect(log.entries[0]).toMatchObject({ impact: "影响了25笔下单", cause: "全表扫描。", weekSlug: "2024-w17", anchor: "incident-1" });
    expect(log.entries[2]!.anchor).toBe("incident-2");
  });

  it("counts per month, newest first, with reported quiet months as 0", () => {
    expect(log.months).toEqual([
      { month: "2024-04", count: 2 },
      { month: "2024-03", count: 2 },
    ]);
    expect(buildIncidentLog([week("2024-W05", incidents("无")), ...weeks]).months.at(-1)).toEqual({ month: "2024-02", count: 0 });
  });

  it("counts incidents per week for the charts", () => {
    expect(Object.fromEntries(log.countByWeek)).toEqual({ "2024-w13": 2, "2024-w14": 0, "2024-w16": 1, "2024-w17": 1 });
  });
});

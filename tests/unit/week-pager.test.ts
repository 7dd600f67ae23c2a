import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/lib/archive.ts";
import { weekGap } from "../../src/lib/week-gap.ts";
import { parseWeekId } from "../../src/lib/week-id.ts";
import { weekPager } from "../../src/lib/week-pager.ts";
import { projectRegistry, week } from "./insights/helpers.ts";

describe("a week's neighbours on an archive with gaps", () => {
  const reports = ["2020-W08", "2024-W16", "2024-W17", "2024-W20", "2024-W52", "2025-W01"].map((w) => week(w, "- 【贝易转】\n    1. 进展\n"));
  const archive = buildArchive(reports, projectRegistry, { staleAfterWeeks: 4 });
  const pagers = new Map<string, ReturnType<typeof weekPager>>(archive.weeks.map((w) => [w.report.week, weekPager(w)]));

  it("calls a neighbour adjacent only when it is the previous or next ISO week (also across a year end)", () => {
    expect(pagers.get("2024-W17")!.prev!.gap.adjacent).toBe(true);
    expect(pagers.get("2024-W17")!.next!.gap.adjacent).toBe(false);
    expect(pagers.get("2024-W16")!.prev!.gap.adjacent).toBe(false);
    expect(pagers.get("2025-W01")!.prev!.gap.adjacent).toBe(true);
    for (const [w, p] of pagers) for (const n of [p.prev, p.next]) if (n) expect(n.gap.adjacent, `${w} → ${n.week}`).toBe(Math.abs(n.gap.weeks) === 1);
  });

  it("says how far a non-adjacent neighbour is, in weeks when close and in years when far", () => {
    expect(pagers.get("2024-W16")!.prev!.gap.distance).toBe("4 年前");
    expect(pagers.get("2024-W17")!.next!.gap.distance).toBe("3 周后");
    expect(weekGap(parseWeekId("2024-W17"), parseWeekId("2024-W05")).distance).toBe("3 个月前");
    expect(pagers.get("2020-W08")!.next!.gap.distance).toBe("4 年后");
  });
});

describe("a project's timeline", () => {
  const reports = [
    week("2024-W15", "- 【贝易转】\n    1. 一期开发\n"),
    week("2024-W16", "## 【O1 业务服务】\n\n- 贝易转，联调中\n"),
    week("2024-W17", "- 【贝易转】\n    1. 二期启动\n"),
    week("2024-W19", "## 【O1 业务服务】\n\n- 贝易转，投产\n"),
    week("2024-W20", "## 【O1 业务服务】\n\n- 贝易转，复盘\n"),
  ];
  const archive = buildArchive(reports, projectRegistry, { staleAfterWeeks: 4 });
  const project = archive.projects.find((p) => p.name.startsWith("贝易转"))!;

  it("counts objective mentions in 最近更新", () => {
    expect(project.lastWeek).toBe("2024-W20");
  });

  it("lists weekly entries and objective mentions newest first", () => {
    expect(project.entries.map((e) => e.week)).toEqual(["2024-W17", "2024-W15"]);
    expect(project.objectiveMentions.map((m) => m.week)).toEqual(["2024-W20", "2024-W19", "2024-W16"]);
  });
});

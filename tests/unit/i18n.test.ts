import { describe, expect, it } from "vitest";
import { managerText } from "../../src/i18n/manager.ts";
import { zhCN } from "../../src/i18n/zh-CN.ts";

// The formats pages used to write inline: what a reader sees must not change with where it is built.
describe("zh-CN formats", () => {
  it.each([
    [zhCN.fmt.labelled("负责人", "王磊"), "负责人：王磊"],
    [zhCN.fmt.withCount("全部", 12), "全部（12）"],
    [zhCN.fmt.aside("同主题"), "（同主题）"],
    [zhCN.fmt.list(["甲", "乙", "丙"]), "甲、乙、丙"],
    [zhCN.fmt.project("贝易转"), "【贝易转】"],
    [zhCN.pager.title("存管路由", 2, 5), "存管路由（2/5）"],
    [
      zhCN.projects.progressDesc([
        { week: "2024-W01", percent: 10 },
        { week: "2024-W02", percent: 40 },
      ]),
      "2024-W01 10%，2024-W02 40%",
    ],
    [zhCN.objectives.subjectPreview(["甲", "乙"], true), "甲、乙…"],
    [zhCN.objectives.subjectPreview(["甲"], false), "甲"],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("manager view formats", () => {
  const r = managerText.reviews;
  const d = managerText.dashboard;
  it.each([
    [r.ratio(3, 4), "75%"],
    [r.ratio(0, 0), "—"],
    [r.planShare(2, 3), "2/3（67%）"],
    [r.progressSpan(40, 75), "40% → 75%"],
    [r.progressSpan(75, 75), "75%"],
    [r.progressSpan(undefined, 75), "—"],
    [r.overviewCounts(12, 3), "项目：12 · 生产事件：3"],
    [managerText.projects.listStatus("unregistered"), "未登记"],
    [managerText.projects.listStatus("paused"), "暂停"],
    [d.targetStatus(undefined), "未设目标"],
    [d.targetStatus(false), "未达标"],
    [d.trend(true, 0.1), "↑ 向好"],
    [d.trend(false, -0.1), "↓ 变差"],
    [d.trend(undefined, 0.1), "持平"],
    [d.trend(true, undefined), "首次记录"],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

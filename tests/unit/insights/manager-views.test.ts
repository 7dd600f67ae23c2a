import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { timelineChanges, weekChanges } from "../../../src/lib/insights/changes.ts";
import { buildDashboard, listStalledProjects } from "../../../src/lib/insights/dashboard.ts";
import { buildIncidentLog } from "../../../src/lib/insights/incident-log.ts";
import { countBySeverity, countByYear, filterIncidents } from "../../../src/lib/insights/incident-filters.ts";
import { buildInsights } from "../../../src/lib/insights/insights.ts";
import { buildPeriodReview, buildPeriodReviews, listPeriods, statusLine } from "../../../src/lib/insights/period-review.ts";
import { filterProjectRows, projectFilters, projectListRows } from "../../../src/lib/insights/project-list.ts";
import type { Registry } from "../../../src/lib/registry.ts";
import { metricRegistry, projectRegistry, week } from "./helpers.ts";

const project = (name: string, text: string) => `- 【${name}】\n    1. ${text}\n`;
const registry: Registry = {
  ...projectRegistry,
  projects: projectRegistry.projects.map((p) => (p.slug === "aggregated-payment" ? { ...p, status: "done" as const, owner: "魏佩" } : p)),
};
const weeks = [
  week(
    "2024-W12",
    project("贝易转", "整体进度70%，联调中") +
      project("信用分", "开发进度40%") +
      "\n## O1 业务服务\n\n- 存管路由，测试进度10%\n\n## 系统运行数据\n\n- 入金有效成功率：99.98%\n\n## 下周工作及目标\n\n1. 贝易转灰度发布\n2. 信用分方案评审\n",
  ),
  week(
    "2024-W13",
    project("贝易转", "整体进度75%，联调完成") +
      project("信用分", "开发进度40%") +
      "\n## O1 业务服务\n\n- 存管路由，测试进度30%\n\n## 【生产事件】\n\n1. 3/26 10:00 收银台超时，P1故障。原因：连接池。\n",
  ),
  week(
    "2024-W14",
    project("信用分", "开发进度40%") +
      project("聚合支付", "试点沟通") +
      "\n## 系统运行数据\n\n- 入金有效成功率：99.995%\n\n## 【生产事件】\n\n1. 4/2 09:00 出金异常，B级事故。原因：银行。\n",
  ),
  week("2024-W15", project("信用分", "开发进度40%，等待排期") + project("贝易转", "整体进度80%，灰度中")),
];
const archive = buildArchive(weeks, registry, { staleAfterWeeks: 4 });
const insights = buildInsights(archive, { metricRegistry });

describe("what changed", () => {
  it("compares each timeline entry with the mention before it, across weeks without a mention", () => {
    const p = archive.projectBySlug.get("bei-yi-zhuan")!;
    const changes = timelineChanges(p.entries);
    expect(changes).toHaveLength(3);
    expect(changes[0]).toMatchObject({ sinceWeek: "2024-W13", changed: true, progress: "75% → 80%" });
    expect(changes[0]!.html).toContain("<del>75%</del><ins>80%</ins>");
    expect(changes[2]).toBeUndefined();
    // A page of the timeline still compares its last entry with the first entry of the next page.
    expect(timelineChanges(p.entries, 1, 2)[0]).toMatchObject({ sinceWeek: "2024-W12", progress: "70% → 75%" });
  });
  it("says unchanged, with no marks, when the text repeats word for word", () => {
    const p = archive.projectBySlug.get("xin-yong-fen")!;
    const [w15, w14] = timelineChanges(p.entries);
    expect(w14).toMatchObject({ changed: false, progress: undefined });
    expect(w14!.html).not.toMatch(/<ins>|<del>/);
    expect(w15!.html).toContain("<ins>");
  });
  it("lists a week's projects and objective subjects that were mentioned before", () => {
    const changes = weekChanges(archive, archive.bySlug.get("2024-w13")!.report);
    expect(changes.map((c) => [c.kind, c.name, c.change.progress])).toEqual([
      ["project", "贝易转（C转）", "70% → 75%"],
      ["project", "信用分", undefined],
      ["objective", "O1 · 存管路由", "10% → 30%"],
    ]);
    expect(weekChanges(archive, archive.bySlug.get("2024-w12")!.report)).toEqual([]);
  });
});

describe("home dashboard", () => {
  const dash = buildDashboard(archive, insights, { incidentWeeks: 4, stalledAfterWeeks: 3, riskLimit: 10 })!;
  it("shows every registered metric, with the latest reading and the trend since the previous one", () => {
    expect(dash.metrics.map((m) => m.id)).toEqual(metricRegistry.map((m) => m.id));
    const deposit = dash.metrics.find((m) => m.id === "deposit-success-rate")!;
    expect(deposit.comparison).toMatchObject({ latest: { week: "2024-W14", value: 99.995 }, meets: true, improved: true });
  });
  it("lists incidents of the last four weeks only, each with its week and anchor", () => {
    expect(dash.incidents.map((e) => [e.weekSlug, e.anchor, e.severity])).toEqual([
      ["2024-w14", "incident-1", "B"],
      ["2024-w13", "incident-1", "P1"],
    ]);
    const narrow = buildDashboard(archive, insights, { incidentWeeks: 2, stalledAfterWeeks: 3, riskLimit: 10 })!;
    expect(narrow.incidents.map((e) => e.weekSlug)).toEqual(["2024-w14"]);
  });
  it("flags a project whose progress has not moved for N weeks, and not one that moves", () => {
    expect(listStalledProjects(archive.projects, 3).map((s) => [s.slug, s.percent, s.weeks, s.since])).toEqual([["xin-yong-fen", 40, 3, "2024-W12"]]);
    expect(listStalledProjects(archive.projects, 4)).toEqual([]);
    expect(dash.stalled.map((s) => s.slug)).toEqual(["xin-yong-fen"]);
  });
  it("carries last week's plans as judged by this week and the summary", () => {
    expect(dash.week).toBe("2024-W15");
    expect(dash.plans).toBeUndefined();
    const at13 = buildDashboard({ ...archive, latest: archive.bySlug.get("2024-w13")!.report }, insights, {
      incidentWeeks: 4,
      stalledAfterWeeks: 3,
      riskLimit: 10,
    })!;
    expect(at13.plans?.reviews.map((r) => r.plan.text)).toEqual(["贝易转灰度发布", "信用分方案评审"]);
    expect(at13.plans?.done).toBeLessThanOrEqual(2);
  });
});

describe("period reviews", () => {
  it("lists each quarter, half and year with weeks", () => {
    expect(listPeriods(archive).map((p) => [p.period.id, p.weekCount])).toEqual([
      ["2024", 4],
      ["2024-h1", 4],
      ["2024-q2", 2],
      ["2024-q1", 2],
    ]);
  });
  it("summarises each project of the quarter: weeks with anchors, first and last status, progress from → to", () => {
    const q1 = buildPeriodReview(archive, insights, "2024-q1")!;
    const bei = q1.projects.find((p) => p.slug === "bei-yi-zhuan")!;
    expect(bei.weeks.map((w) => `${w.weekSlug}#${w.anchor}`)).toEqual(["2024-w12#p-bei-yi-zhuan", "2024-w13#p-bei-yi-zhuan"]);
    expect([bei.first.status, bei.last.status, bei.progressFrom, bei.progressTo]).toEqual(["整体进度70%，联调中", "整体进度75%，联调完成", 70, 75]);
    expect(q1.projects.map((p) => p.slug).sort()).toEqual(["bei-yi-zhuan", "xin-yong-fen"]);
    expect(q1.plans.total).toBe(2);
    expect(q1.incidents.map((e) => e.severity)).toEqual(["P1"]);
    const o1 = q1.objectives.find((o) => o.id === "O1")!;
    expect(o1.subjects[0]).toMatchObject({ subject: "存管路由", weekCount: 2, progressFrom: 10, progressTo: 30, first: { status: "测试进度10%" } });
  });
  it("gives the period's metrics: latest, worst and weeks below target", () => {
    const h1 = buildPeriodReview(archive, insights, "2024-h1")!;
    const deposit = h1.metrics.find((m) => m.id === "deposit-success-rate")!;
    expect([deposit.latest.value, deposit.worst.value, deposit.below, deposit.readings]).toEqual([99.995, 99.98, 1, 2]);
  });
  it("gives each quarter, half and year exactly the mentions, subjects, readings and incidents of its weeks", () => {
    const reviews = buildPeriodReviews(archive, insights);
    expect(reviews.map((r) => r.period.id)).toEqual(["2024", "2024-h1", "2024-q2", "2024-q1"]);
    const of = (id: string) => reviews.find((r) => r.period.id === id)!;
    const weeksOf = (id: string) => Object.fromEntries(of(id).projects.map((p) => [p.slug, p.weeks.map((w) => w.week)]));
    expect(weeksOf("2024-q1")).toEqual({ "bei-yi-zhuan": ["2024-W12", "2024-W13"], "xin-yong-fen": ["2024-W12", "2024-W13"] });
    expect(weeksOf("2024-q2")).toEqual({ "xin-yong-fen": ["2024-W14", "2024-W15"], "aggregated-payment": ["2024-W14"], "bei-yi-zhuan": ["2024-W15"] });
    expect(weeksOf("2024")).toEqual(weeksOf("2024-h1"));
    expect(weeksOf("2024")["xin-yong-fen"]).toEqual(["2024-W12", "2024-W13", "2024-W14", "2024-W15"]);
    expect(of("2024-q2").objectives).toEqual([]);
    expect(of("2024-q1").objectives.map((o) => [o.id, o.weeks.map((w) => w.week), o.subjects.map((s) => s.weekCount)])).toEqual([
      ["O1", ["2024-W12", "2024-W13"], [2]],
    ]);
    expect(of("2024-q2").metrics.map((m) => [m.id, m.readings])).toEqual([["deposit-success-rate", 1]]);
    expect(of("2024").metrics.map((m) => [m.id, m.readings, m.latest.week])).toEqual([["deposit-success-rate", 2, "2024-W14"]]);
    expect(of("2024-q2").incidents.map((e) => e.week)).toEqual(["2024-W14"]);
    expect(
      of("2024")
        .incidents.map((e) => e.week)
        .sort(),
    ).toEqual(["2024-W13", "2024-W14"]);
    expect(of("2024-q1").others.map((o) => o.period.id)).toEqual(["2024", "2024-h1", "2024-q2"]);
  });
  it("has no review for a period without weeks or an id that is not a period", () => {
    expect(buildPeriodReview(archive, insights, "2023-q4")).toBeUndefined();
    expect(buildPeriodReview(archive, insights, "../etc")).toBeUndefined();
  });
  it("states a mention in one short line, without its name or bare labels", () => {
    expect(statusLine("【贝易转】\n业务合作：\n风险：监管趋严", "贝易转")).toBe("风险：监管趋严");
    expect(statusLine("存管路由，测试进度10%", "存管路由")).toBe("测试进度10%");
    expect([...statusLine("甲".repeat(200))].length).toBe(49);
  });
});

describe("projects list and incident filters", () => {
  it("carries registry owner and status and filters by objective and status", () => {
    const rows = projectListRows(archive);
    const agg = rows.find((r) => r.project.slug === "aggregated-payment")!;
    expect([agg.owner, agg.status, agg.objectiveId]).toEqual(["魏佩", "done", "O1"]);
    expect(rows.find((r) => r.project.slug === "xin-yong-fen")!.status).toBe("unregistered");
    expect(filterProjectRows(rows, { status: "done" }).map((r) => r.project.slug)).toEqual(["aggregated-payment"]);
    expect(
      filterProjectRows(rows, { objective: "o1" })
        .map((r) => r.project.slug)
        .sort(),
    ).toEqual(["aggregated-payment", "bei-yi-zhuan"]);
    const filters = projectFilters(rows);
    expect(filters.objectives.map((o) => [o.id, o.count])).toEqual([["O1", 2]]);
    expect(filters.statuses.map((s) => [s.status, s.count])).toEqual([
      ["active", 1],
      ["done", 1],
      ["unregistered", 1],
    ]);
  });
  it("counts incidents per year and severity and filters them", () => {
    const log = buildIncidentLog([
      ...weeks,
      week("2023-W50", "## 【生产事件】\n\n1. 12/12 10:00 对账延迟，CD级。原因：文件晚到。\n2. 12/13 11:00 超时。原因：网络。\n"),
    ]);
    expect(countByYear(log.entries)).toEqual([
      { key: 2024, count: 2 },
      { key: 2023, count: 2 },
    ]);
    expect(countBySeverity(log.entries)).toEqual([
      { key: "B", count: 1 },
      { key: "CD", count: 1 },
      { key: "P1", count: 1 },
    ]);
    expect(filterIncidents(log.entries, { severity: "p1" }).map((e) => e.weekSlug)).toEqual(["2024-w13"]);
    expect(filterIncidents(log.entries, { year: 2023 })).toHaveLength(2);
  });
});

describe("period reviews stay bounded", () => {
  it("caps projects, subjects and incidents and says how many were left off", async () => {
    const { REVIEW_LIMITS } = await import("../../../src/lib/insights/period-review.ts");
    const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("");
    const big = [
      week(
        "2024-W20",
        many(200, (i) => project(`项目${i}号`, `进度${i % 100}%`)) +
          "\n## O1 业务服务\n\n" +
          many(30, (i) => `- 主题${i}号，推进中\n`) +
          "\n## 【生产事件】\n\n" +
          many(40, (i) => `${i + 1}. 5/14 10:${String(i).padStart(2, "0")} 事件${i}。原因：未知。\n`),
      ),
      week("2024-W21", "\n## 【生产事件】\n\n" + many(30, (i) => `${i + 1}. 5/21 11:${String(i).padStart(2, "0")} 事件B${i}。原因：未知。\n`)),
    ];
    const a = buildArchive(big, projectRegistry, { staleAfterWeeks: 4 });
    const review = buildPeriodReview(a, buildInsights(a, { metricRegistry }), "2024")!;
    expect(review.projects).toHaveLength(REVIEW_LIMITS.projects);
    expect(review.moreProjects).toBe(200 - REVIEW_LIMITS.projects);
    expect(review.objectives[0]!.subjects).toHaveLength(REVIEW_LIMITS.subjects);
    expect(review.objectives[0]!.moreSubjects).toBe(30 - REVIEW_LIMITS.subjects);
    expect(review.incidents).toHaveLength(REVIEW_LIMITS.incidents);
    expect(review.moreIncidents).toBe(70 - REVIEW_LIMITS.incidents);
  });
});

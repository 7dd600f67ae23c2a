import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { buildIncidentLog } from "../../../src/lib/insights/incident-log.ts";
import { incidentListRoutes } from "../../../src/lib/pages/incident-pages.ts";
import { objectiveCards, OBJECTIVE_CARD_SUBJECTS, objectivePages } from "../../../src/lib/pages/objective-pages.ts";
import { projectListRoutes, projectPages } from "../../../src/lib/pages/project-pages.ts";
import type { Registry } from "../../../src/lib/registry.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";

// A registry of its own (not content/): one project per status, objectives written in either case.
const registry: Registry = {
  projects: [
    { slug: "cun-guan", name: "存管路由", aliases: [], objective: "O1", owner: "王磊", status: "active" },
    { slug: "ju-he", name: "聚合支付", aliases: [], objective: "O1", status: "done" },
    { slug: "shuang-huo", name: "机房双活", aliases: [], objective: "O2", status: "paused" },
  ],
  objectives: [
    { id: "O1", title: "业务服务", aliases: [] },
    { id: "O2", title: "能力升级", aliases: [] },
  ],
};
const week = (label: string, body: string) => parseWeekSource(`---\nweek: ${label}\n---\n\n${body}\n`, { file: `${label}.mdx`, registry });
const project = (name: string, text: string) => `- 【${name}】\n    1. ${text}\n`;

const weeks = [
  week("2023-W51", project("存管路由", "方案评审") + project("信用分", "沟通中") + "\n## 生产事件\n\n12/19 10:00 对账延迟，CD级。原因：文件晚到。\n"),
  week(
    "2024-W02",
    project("聚合支付", "已投产") +
      project("机房双活", "演练") +
      "\n## 生产事件\n\n1/9 09:00 入金超时，P1。原因：网络。\n\n1/10 11:00 出金延迟。原因：银行。\n",
  ),
  week(
    "2024-W03",
    project("存管路由", "灰度中，整体进度60%") +
      "\n## O1 业务服务\n\n" +
      Array.from({ length: OBJECTIVE_CARD_SUBJECTS + 2 }, (_, i) => `- 主题${i}号，推进中\n`).join(""),
  ),
];
const archive = buildArchive(weeks, registry, { staleAfterWeeks: 4 });

describe("project list routes", () => {
  const routes = projectListRoutes(archive);

  it("give /projects/ every project and the filter pages only their own, all with the same bars", () => {
    expect(routes.all.map((r) => [r.params.page, r.props.projectCount, r.props.current])).toEqual([[undefined, 4, {}]]);
    expect(routes.byObjective.map((r) => [r.params.id, r.props.current.objective, r.props.objectiveTitle, r.props.page.items.map((p) => p.slug)])).toEqual([
      ["o1", "O1", "业务服务", ["cun-guan", "ju-he"]],
      ["o2", "O2", "能力升级", ["shuang-huo"]],
    ]);
    expect(routes.byStatus.map((r) => [r.params.status, r.props.page.items.map((p) => p.slug)])).toEqual([
      ["active", ["cun-guan"]],
      ["paused", ["shuang-huo"]],
      ["done", ["ju-he"]],
      ["unregistered", ["xin-yong-fen"]],
    ]);
    for (const r of [...routes.all, ...routes.byObjective, ...routes.byStatus]) {
      expect(r.props.total).toBe(4);
      expect(r.props.filters).toBe(routes.all[0]!.props.filters);
    }
  });

  it("link each row's first and last week by the weeks' own slugs", () => {
    const row = routes.all[0]!.props.page.items.find((p) => p.slug === "cun-guan")!;
    expect([row.firstWeek, row.firstWeekSlug, row.lastWeek, row.lastWeekSlug, row.owner, row.status]).toEqual([
      "2023-W51",
      "2023-w51",
      "2024-W03",
      "2024-w03",
      "王磊",
      "active",
    ]);
  });
});

describe("project page", () => {
  it("links the first and last week and each progress figure to its week", () => {
    const [page] = projectPages(archive.projectBySlug.get("cun-guan")!);
    expect([page!.project.firstWeekSlug, page!.project.lastWeekSlug]).toEqual(["2023-w51", "2024-w03"]);
    expect(page!.progress).toEqual([{ week: "2024-W03", weekSlug: "2024-w03", percent: 60 }]);
  });
});

describe("objective cards and subject rows", () => {
  it("name the first subjects, say when there are more, and link the last week", () => {
    const [o1, o2] = objectiveCards(archive.objectives);
    expect(o1).toMatchObject({
      id: "O1",
      title: "业务服务",
      weekCount: 1,
      itemCount: OBJECTIVE_CARD_SUBJECTS + 2,
      last: { week: "2024-W03", weekSlug: "2024-w03" },
      moreSubjects: true,
    });
    expect(o1!.subjects).toHaveLength(OBJECTIVE_CARD_SUBJECTS);
    // A registered objective no week names: a card without a last week.
    expect(o2).toMatchObject({ id: "O2", weekCount: 0, last: undefined, subjects: [], moreSubjects: false });
  });

  it("link a subject's last week by its slug", () => {
    const row = objectivePages(archive.objectives[0]!).subjects[0]!.page.items[0]!;
    expect([row.lastWeek, row.lastWeekSlug]).toEqual(["2024-W03", "2024-w03"]);
  });
});

describe("incident list routes", () => {
  const routes = incidentListRoutes(buildIncidentLog(weeks));

  it("give /incidents/ the whole log and each year and severity page its own, all with the same bars", () => {
    expect(routes.all.map((r) => [r.props.total, r.props.current])).toEqual([[3, {}]]);
    expect(routes.byYear.map((r) => [r.params.year, r.props.total, r.props.months.map((m) => m.month)])).toEqual([
      ["2024", 2, ["2024-01"]],
      ["2023", 1, ["2023-12"]],
    ]);
    // Severity pages: lower-case URLs, no month table (their incidents are scattered over the log).
    expect(routes.bySeverity.map((r) => [r.params.severity, r.props.current.severity, r.props.total, r.props.months])).toEqual([
      ["cd", "CD", 1, []],
      ["p1", "P1", 1, []],
    ]);
    for (const r of [...routes.all, ...routes.byYear, ...routes.bySeverity])
      expect([r.props.all, r.props.years.length, r.props.severities.length]).toEqual([3, 2, 2]);
  });
});

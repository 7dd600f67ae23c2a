/** UI strings of the manager's views: home dashboard, what changed, period reviews, filters. */
import type { ProjectListStatus } from "../lib/insights/project-list.ts";
import { zhCN } from "./zh-CN.ts";

export const managerText = {
  changes: {
    since: (week: string) => `较 ${week} 的变化`,
    unchanged: (week: string) => `与 ${week} 相同，无改动`,
    progress: (change: string) => `进度 ${change}`,
    weekTitle: "与上次提及相比",
    weekSummary: (changed: number, total: number) => `与上次提及相比的变化（${total} 项中 ${changed} 项有改动）`,
    weekIntro: "每个项目和目标主题本周的文字与它上一次出现时相比：删除的文字划线，新增的文字加底色。",
    legend: "图例：",
    legendIns: "新增",
    legendDel: "删除",
    previous: "上次",
    none: "本周没有此前出现过的项目或目标主题。",
  },
  dashboard: {
    title: "本周概览",
    asOf: (week: string) => `截至 ${week}`,
    metrics: "指标对照目标",
    colMetric: "指标",
    colLatest: "最新",
    colTarget: "目标",
    colStatus: "达标",
    colTrend: "较上期",
    met: "达标",
    missed: "未达标",
    noTarget: "未设目标",
    noData: "暂无数据",
    up: "↑",
    down: "↓",
    flat: "持平",
    better: "向好",
    worse: "变差",
    firstReading: "首次记录",
    /** A metric's 达标 cell. */
    targetStatus: (meets: boolean | undefined): string => {
      const d = managerText.dashboard;
      return meets === undefined ? d.noTarget : meets ? d.met : d.missed;
    },
    /** A metric's 较上期 cell: direction and whether that is good news. */
    trend: (improved: boolean | undefined, change: number | undefined): string => {
      const d = managerText.dashboard;
      return change === undefined
        ? d.firstReading
        : change === 0 || improved === undefined
          ? d.flat
          : `${change > 0 ? d.up : d.down} ${improved ? d.better : d.worse}`;
    },
    inWeek: (week: string) => `（${week}）`,
    incidents: (weeks: number) => `近 ${weeks} 周生产事件`,
    noIncidents: (weeks: number) => `近 ${weeks} 周没有生产事件。`,
    allIncidents: "全部生产事件 →",
    atRisk: "有风险的项目",
    atRiskHint: (stale: number, stalled: number) => `连续 ${stale} 周以上未提及，或进度连续 ${stalled} 周以上没有变化`,
    staleReason: (n: number) => `${n} 周未提及`,
    stalledReason: (percent: number, weeks: number) => `进度停在 ${percent}% 已 ${weeks} 周`,
    noRisk: "没有有风险的项目。",
    moreRisk: (n: number) => `还有 ${n} 项 →`,
    plans: (week: string) => `上周（${week}）计划的完成情况`,
    plansSummary: (done: number, total: number) => `${total} 项中 ${done} 项已完成或有进展`,
    noPlans: "上周没有写下周计划。",
    planDetails: "逐条对照见本周周报 →",
    summary: "本周摘要",
    noSummary: "最新周报没有填写摘要。",
    reviews: "季度 / 半年 / 年度回顾 →",
  },
  reviews: {
    title: "阶段回顾",
    intro: "按季度、半年和年度汇总周报：项目与目标的进展、计划完成率、指标和生产事件。每周按其周四所在的日期归入季度（与 ISO 周的年份规则一致）。",
    kinds: { quarter: "季度", half: "半年", year: "年度" } as Record<string, string>,
    label: (p: { kind: string; year: number; index: number }) =>
      p.kind === "quarter" ? `${p.year} 年第 ${p.index} 季度` : p.kind === "half" ? `${p.year} 年${p.index === 1 ? "上" : "下"}半年` : `${p.year} 年`,
    weeks: (n: number) => `${n} 份周报`,
    range: (first: string, last: string) => `${first} – ${last}`,
    csv: "下载 CSV（指标与项目进度）",
    print: "打印本页即为 A4 讲义。",
    overview: "概况",
    planned: "计划",
    plannedDone: (done: number, total: number, ratio: string) => `${total} 项计划，${done} 项完成或有进展（${ratio}）`,
    /** `75%` of plans done or moved; `—` when there were none. */
    ratio: (done: number, total: number) => (total === 0 ? "—" : `${Math.round((done / total) * 100)}%`),
    /** A project's plans in the period: `3/4（75%）`. */
    planShare: (done: number, total: number) => `${done}/${total}（${managerText.reviews.ratio(done, total)}）`,
    /** Progress over the period: `40% → 75%`, `75%` when unchanged, `—` when either end has no figure. */
    progressSpan: (from?: number, to?: number) => (from === undefined || to === undefined ? "—" : from === to ? `${to}%` : `${from}% → ${to}%`),
    /** `项目：12 · 生产事件：3` in the overview. */
    overviewCounts: (projects: number, incidents: number) =>
      `${zhCN.fmt.labelled(managerText.reviews.projects, String(projects))} · ${zhCN.fmt.labelled(managerText.reviews.incidents, String(incidents))}`,
    noPlans: "本期没有可对照的计划。",
    projects: "项目",
    colProject: "项目",
    colOwner: "负责人",
    colWeeks: "提及周",
    colFirst: "期初状态",
    colLast: "期末状态",
    colProgress: "进度",
    colPlans: "计划完成",
    weeksCount: (n: number) => `${n} 周`,
    timeline: "时间线 →",
    objectives: "目标",
    colObjective: "目标",
    colSubjects: "主题",
    items: (n: number) => `${n} 条`,
    subjectsMore: (n: number) => `另有 ${n} 个主题，见目标页 →`,
    metrics: "指标",
    colMetric: "指标",
    colLatest: "期末",
    colWorst: "最差",
    colBelow: "未达标周数",
    colTarget: "目标",
    noMetrics: "本期周报没有指标数据。",
    incidents: "生产事件",
    noIncidents: "本期没有生产事件。",
    incidentsMore: (n: number) => `另有 ${n} 起，见生产事件页 →`,
    projectsMore: (n: number) => `另有 ${n} 个提及较少的项目，见项目页 →`,
    other: "其他阶段",
    noWeeks: "还没有周报。",
    none: "—",
  },
  csv: {
    header: ["类型", "周", "周四日期", "编号", "名称", "数值", "单位", "目标", "是否达标", "原文", "链接"],
    metric: "指标",
    progress: "项目进度",
    met: "达标",
    missed: "未达标",
  },
  incidents: {
    byYear: "按年统计",
    colYear: "年份",
    allYears: "全部年份",
    year: (y: number) => `${y} 年`,
    severity: "级别",
    allSeverities: "全部级别",
    severityLabel: (s: string) => (/^P\d$/.test(s) ? s : `${s}级`),
    unrated: "未写级别",
    filterYear: "按年份筛选",
    filterSeverity: "按级别筛选",
    filteredTitle: (what: string) => `生产事件 · ${what}`,
    count: (n: number) => `${n} 起`,
  },
  projects: {
    owner: "负责人",
    status: "状态",
    filterObjective: "按目标筛选",
    filterStatus: "按状态筛选",
    all: "全部",
    unregistered: "未登记",
    /** A row's status on the project lists: the registry's, or 未登记 for a project only weeks name. */
    listStatus: (status: ProjectListStatus): string => (status === "unregistered" ? "未登记" : zhCN.projects.statusLabel[status]!),
    noObjective: "未关联目标",
    filteredTitle: (what: string) => `项目 · ${what}`,
    count: (n: number) => `${n} 个项目`,
  },
} as const;

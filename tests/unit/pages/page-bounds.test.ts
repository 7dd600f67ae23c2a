/**
 * Every route model's pages hold a bounded number of items, whatever the archive's size: the page
 * budget (≤ 300 KB of HTML at any size) rests on this. Byte sizes are checked by `npm run bench`.
 */
import { describe, expect, it } from "vitest";
import type { ObjectiveTimeline, ProjectTimeline, YearGroup } from "../../../src/lib/archive.ts";
import { downsample } from "../../../src/lib/downsample.ts";
import type { Insights } from "../../../src/lib/insights/insights.ts";
import type { IncidentEntry, IncidentLog } from "../../../src/lib/insights/incident-log.ts";
import type { MetricSeries } from "../../../src/lib/insights/metric-series.ts";
import { TIMELINE_PAGE_SIZE } from "../../../src/lib/paginate.ts";
import { INCIDENT_PAGE_SIZE, incidentPages } from "../../../src/lib/pages/incident-pages.ts";
import { METRIC_PAGE_WEEKS, METRIC_SPARKLINE_POINTS, metricPages, metricsOverview, OVERVIEW_WEEKS } from "../../../src/lib/pages/metric-pages.ts";
import { objectivePages, SPARKLINE_POINTS, SUBJECT_THREAD_LIMIT, SUBJECTS_PAGE_SIZE } from "../../../src/lib/pages/objective-pages.ts";
import { PROJECT_INDEX_PAGE_SIZE, PROJECT_SPARKLINE_POINTS, projectIndexPages, projectPages } from "../../../src/lib/pages/project-pages.ts";
import { projectListRows } from "../../../src/lib/insights/project-list.ts";
import { weekArchivePages } from "../../../src/lib/pages/week-archive.ts";
import { addWeeksToId, type WeekId } from "../../../src/lib/week-id.ts";
import { weekStart } from "../../../src/lib/week-id.ts";

const ALL_WEEKS = Array.from({ length: 5200 }, (_, i) => addWeeksToId("2000-W01" as WeekId, i));
/** `n` consecutive week ids from 2000-W01, oldest first. */
function weekIds(n: number): WeekId[] {
  return ALL_WEEKS.slice(0, n);
}
const slug = (w: string) => w.toLowerCase();
const SIZES = [520, 2600, 5200];

function objective(weeks: number, subjects: number): ObjectiveTimeline {
  const ids = weekIds(weeks);
  const newestFirst = [...ids].reverse();
  return {
    id: "O1",
    slug: "o1",
    title: "业务服务",
    weeks: newestFirst.map((w) => ({ week: w, weekSlug: slug(w), anchor: "o1", groups: [{ subject: `主题${w}`, key: `k${w}`, items: [] }] })),
    subjects: Array.from({ length: subjects }, (_, i) => ({
      key: `k${i}`,
      subject: `主题${i}`,
      entries: newestFirst.map((w) => ({ week: w, weekSlug: slug(w), anchor: `a${i}`, html: "<p>x</p>", text: "x", progress: [] })),
      lastWeek: ids.at(-1)!,
      weeksSilent: 0,
      stale: false,
      progress: ids.map((w, j) => ({ week: w, percent: j % 101 })),
    })),
    itemCount: weeks * subjects,
  };
}

function project(weeks: number, name = "存管路由"): ProjectTimeline {
  const ids = weekIds(weeks);
  const newestFirst = [...ids].reverse();
  return {
    slug: "cun-guan-lu-you",
    name,
    names: [name],
    registered: true,
    entries: newestFirst.map((w) => ({ week: w, weekSlug: slug(w), anchor: "p", name, html: "<li>x</li>", text: "x", progress: [] })),
    firstWeek: ids[0]!,
    lastWeek: ids.at(-1)!,
    lastMention: { week: ids.at(-1)!, weekSlug: slug(ids.at(-1)!), anchor: "p" },
    weekCount: weeks,
    progress: ids.map((w, j) => ({ week: w, percent: j % 101 })),
    weeksSilent: 0,
    stale: false,
    objectiveMentions: newestFirst.map((w) => ({ week: w, weekSlug: slug(w), objectiveId: "O1", anchor: "m", html: "<p>m</p>" })),
  };
}

function insights(weeks: number): Insights {
  const ids = weekIds(weeks);
  const points = ids.map((w, i) => ({
    week: w,
    weekSlug: slug(w),
    value: 99 + (i % 10) / 10,
    raw: `${99 + (i % 10) / 10}%`,
    source: "section" as const,
    line: 1,
    missed: i % 3 === 0,
    incidents: 0,
  }));
  const series: MetricSeries = {
    id: "deposit-success-rate",
    label: "入金有效成功率",
    unit: "%",
    direction: "higher",
    target: 99.5,
    registered: true,
    points,
    decimals: 1,
    missedCount: points.filter((p) => p.missed).length,
  };
  return {
    metrics: [series],
    weekIds: ids,
    incidentWeeks: ids.filter((_, i) => i % 4 === 0).map((w) => ({ week: w, weekSlug: slug(w), count: 1 })),
    incidents: { entries: [], months: [], countByWeek: new Map() },
    stale: [],
    staleAfterWeeks: 4,
    weeks: new Map(),
  };
}

describe("downsample", () => {
  it("keeps short series whole and long ones at the limit, first and last kept", () => {
    expect(downsample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const long = Array.from({ length: 5200 }, (_, i) => i);
    const thin = downsample(long, 48);
    expect(thin).toHaveLength(48);
    expect([thin[0], thin.at(-1)]).toEqual([0, 5199]);
    expect(thin).toEqual([...thin].sort((a, b) => a - b));
  });
});

describe("objective pages", () => {
  for (const weeks of SIZES)
    it(`at ${weeks} weeks and 300 subjects: a year per timeline page, no subject on a timeline page, ${SUBJECTS_PAGE_SIZE} subjects per subjects page`, () => {
      const o = objective(weeks, 300);
      const { timeline, subjects } = objectivePages(o);
      expect(Math.max(...timeline.map((p) => p.page.items.length))).toBe(TIMELINE_PAGE_SIZE);
      expect(timeline.reduce((n, p) => n + p.page.items.length, 0)).toBe(weeks);
      // The timeline pages carry only a constant-size summary of the objective, not its subjects.
      for (const p of timeline) expect(Object.keys(p.objective).sort()).toEqual(["heading", "id", "itemCount", "slug", "subjectCount", "weekCount"]);
      expect(Math.max(...subjects.map((p) => p.page.items.length))).toBe(SUBJECTS_PAGE_SIZE);
      expect(subjects.flatMap((p) => p.page.items.map((s) => s.key))).toEqual(o.subjects.map((s) => s.key));
      for (const row of subjects.flatMap((p) => p.page.items)) {
        expect(row.recent.length).toBeLessThanOrEqual(SUBJECT_THREAD_LIMIT);
        expect(row.sparkline.length).toBeLessThanOrEqual(SPARKLINE_POINTS);
        expect(row.olderCount + row.recent.length).toBe(weeks);
      }
      // Every subject a timeline links to has a subjects page.
      expect(timeline[0]!.subjectPage.get("k299")).toBe(Math.ceil(300 / SUBJECTS_PAGE_SIZE));
    });
});

describe("project pages", () => {
  for (const weeks of SIZES)
    it(`at ${weeks} weeks: each page charts only its own weeks, objective mentions on page 1 only`, () => {
      const pages = projectPages(project(weeks));
      for (const p of pages) {
        expect(p.page.items.length).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
        expect(p.progress.length).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
        expect(p.progress.map((x) => x.week)).toEqual(p.page.items.map((e) => e.week).reverse());
      }
      expect(pages[0]!.objectiveMentions.length).toBe(TIMELINE_PAGE_SIZE);
      expect(pages.slice(1).every((p) => p.objectiveMentions.length === 0)).toBe(true);
      expect(pages.reduce((n, p) => n + p.progress.length, 0)).toBe(weeks);
    });

  it("pages /projects/ at any number of projects, each row's sparkline thinned", () => {
    const projects = Array.from({ length: 450 }, (_, i) => project(520, `项目${i}`));
    const pages = projectIndexPages(projectListRows({ projects, objectiveBySlug: new Map() }));
    expect(pages).toHaveLength(Math.ceil(450 / PROJECT_INDEX_PAGE_SIZE));
    expect(Math.max(...pages.map((p) => p.page.items.length))).toBe(PROJECT_INDEX_PAGE_SIZE);
    expect(pages.flatMap((p) => p.page.items.map((r) => r.name))).toEqual(projects.map((p) => p.name));
    expect(Math.max(...pages.flatMap((p) => p.page.items.map((r) => r.sparkline.length)))).toBe(PROJECT_SPARKLINE_POINTS);
  });
});

describe("metric pages", () => {
  for (const weeks of SIZES)
    it(`at ${weeks} weeks: an overview of constant size and a year of weeks per metric page`, () => {
      const i = insights(weeks);
      const overview = metricsOverview(i);
      expect(overview.items[0]!.sparkline.length).toBe(METRIC_SPARKLINE_POINTS);
      expect(overview.recent.length).toBe(OVERVIEW_WEEKS);
      const pages = metricPages(i);
      expect(pages).toHaveLength(Math.ceil(weeks / METRIC_PAGE_WEEKS));
      for (const p of pages) {
        expect(p.chart.points.length).toBeLessThanOrEqual(METRIC_PAGE_WEEKS);
        expect(p.chart.incidents.length).toBeLessThanOrEqual(METRIC_PAGE_WEEKS);
        expect(p.rows.length).toBeLessThanOrEqual(METRIC_PAGE_WEEKS);
        expect(p.series.missedCount).toBe(p.series.points.filter((x) => x.missed).length);
      }
      // Every value is on exactly one page.
      expect(pages.flatMap((p) => p.series.points.map((x) => x.week)).sort()).toEqual(i.weekIds);
    });
});

describe("incident pages", () => {
  it(`lists ${INCIDENT_PAGE_SIZE} incidents per page at any log size, each with only its own months`, () => {
    const ids = weekIds(5200);
    const entries: IncidentEntry[] = [...ids].reverse().map((w) => {
      const d = weekStart(w);
      const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
      return { week: w, weekSlug: slug(w), month, dated: false, summary: "s", anchor: "incident-1" } as IncidentEntry;
    });
    const months = [...new Set(entries.map((e) => e.month))].map((month) => ({ month, count: entries.filter((e) => e.month === month).length }));
    const log: Pick<IncidentLog, "entries" | "months"> = { entries, months };
    const pages = incidentPages(log);
    expect(pages).toHaveLength(Math.ceil(5200 / INCIDENT_PAGE_SIZE));
    for (const p of pages) {
      expect(p.page.items.length).toBeLessThanOrEqual(INCIDENT_PAGE_SIZE);
      // 50 weekly incidents span about a year: a dozen months, not the whole log's 1,200.
      expect(p.months.length).toBeLessThanOrEqual(14);
    }
    expect(pages.flatMap((p) => p.page.items)).toEqual(entries);
    expect(pages.every((p) => p.total === 5200)).toBe(true);
  });
});

describe("week archive", () => {
  it("gives /weeks/ counts per year and the newest year only, and one page per year", () => {
    const years: YearGroup[] = Array.from({ length: 100 }, (_, i) => ({
      year: 2099 - i,
      count: 52,
      months: Array.from({ length: 12 }, (_, m) => ({ month: 12 - m, weeks: [] })),
    }));
    const { index, years: pages } = weekArchivePages(years);
    expect(index.total).toBe(5200);
    expect(index.years).toHaveLength(100);
    expect(index.latest?.year).toBe(2099);
    expect(pages).toHaveLength(100);
  });
});

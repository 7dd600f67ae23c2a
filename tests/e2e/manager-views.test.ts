import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./browser.ts";
import { buildCorpusSite } from "./corpus.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

// 40 generated weeks from 2023-W45 (spanning 2023-Q4 to 2024-Q3) plus the seed and one hand-written
// week whose incidents state their severity and whose project text changed since last week.
let CONTENT: string;
let DIST: string;
const HAND_WEEK = "2024-W20";

const HAND = `---
week: ${HAND_WEEK}
created: "2024-05-18T10:00+08:00"
summary: 手写周：事件级别与项目改动
---

- 【贝易转（C转）】
    1. 系统研发：整体进度75%，联调完成，灰度发布准备中
    2. 风险："逗号, 引号" 与换行都照常显示

## 【生产事件】

1. 5/14 10:20 收银台超时，影响了12笔下单，定为P1故障。原因：连接池耗尽。
2. 5/16 09:05 出金通道B级事故，影响了3笔出金。原因：银行升级未通知。

## 下周工作及目标

1. 贝易转灰度发布
`;

const HAND_NEXT = `---
week: 2024-W21
created: "2024-05-25T10:00+08:00"
---

- 【贝易转（C转）】
    1. 系统研发：整体进度80%，灰度发布完成，全量排期中
    2. 风险："逗号, 引号" 与换行都照常显示
`;

/** Week ids of the corpus, read back from the files (the truth the pages are checked against). */
function weekIds(): string[] {
  return readdirSync(join(CONTENT, "weeks"))
    .map((f) => f.replace(/\.mdx$/, ""))
    .sort();
}

/** `【name】` project names a week file mentions, by week id. */
function projectNamesByWeek(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of weekIds()) {
    const src = readFileSync(join(CONTENT, "weeks", `${id}.mdx`), "utf8");
    out.set(
      id,
      [...src.matchAll(/^\s*(?:[-*+]|\d+\.)\s*【([^】]+)】/gm)].map((m) => m[1]!),
    );
  }
  return out;
}

/** The week's quarter by its Thursday (the rule the reviews state). */
function quarterOf(id: string): string {
  const [y, w] = id.split("-W").map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (w - 1) * 7 * 864e5);
  const thursday = new Date(monday.getTime() + 3 * 864e5);
  return `${thursday.getUTCFullYear()}-q${Math.ceil((thursday.getUTCMonth() + 1) / 3)}`;
}

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  const site = buildCorpusSite("manager-views-e2e", {
    count: 40,
    seed: 7,
    startWeek: "2023-W45",
    skipWeeks: [HAND_WEEK, "2024-W21"],
    extraWeeks: { [`${HAND_WEEK}.mdx`]: HAND, "2024-W21.mdx": HAND_NEXT },
  });
  ({ contentDir: CONTENT, dist: DIST } = site);
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the manager's views", () => {
  for (const path of [
    "",
    "reviews/",
    "reviews/2024-q2/",
    "reviews/2024-h1/",
    "reviews/2024/",
    "projects/",
    "projects/status/active/",
    "projects/objective/o1/",
    "incidents/",
    "incidents/2024/",
    "incidents/severity/p1/",
    `weeks/${HAND_WEEK.toLowerCase()}/`,
    "projects/bei-yi-zhuan/",
  ]) {
    it(`/${path} loads with no console error and no failed request`, async () => {
      const { page, problems } = await openPage(browser, server.url + path);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      await page.close();
    });
  }

  it("lists every quarter that has weeks on /reviews/, and each quarter's page lists every project mentioned in it with links into its weeks", async () => {
    const byWeek = projectNamesByWeek();
    const registry = parse(readFileSync(join(CONTENT, "projects.yaml"), "utf8")) as { name: string; aliases?: string[] }[];
    // A project's row carries its registry name, else a spelling used in weeks (`资金安全（二期）` and `资金安全` are one project).
    const bare = (n: string) => n.replace(/（[^）]*）|\([^)]*\)/g, "").trim();
    const displayName = (n: string) => bare(registry.find((p) => p.name === n || p.aliases?.includes(n))?.name ?? n);
    const quarters = [...new Set([...byWeek.keys()].map(quarterOf))];
    expect(quarters.length).toBeGreaterThanOrEqual(4);
    const { page } = await openPage(browser, server.url + "reviews/");
    const hrefs = await page.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const q of quarters) expect(hrefs).toContain(`/reviews/${q}/`);
    for (const q of quarters) {
      await page.goto(server.url + `reviews/${q}/`);
      const rows = await page.locator("tr[data-project]").evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector("th a")!.textContent!.trim(),
          weeks: [...tr.querySelectorAll("a[href^='/weeks/']")].map((a) => a.getAttribute("href")!.split("#")[0]!),
        })),
      );
      let checked = 0;
      for (const id of [...byWeek.keys()].filter((w) => quarterOf(w) === q))
        for (const n of byWeek.get(id)!) {
          const row = rows.find((r) => bare(r.name) === displayName(n));
          expect(row, `${q}: ${n} (${id})`).toBeDefined();
          expect(row!.weeks, `${q}: ${n}`).toContain(`/weeks/${id.toLowerCase()}/`);
          checked++;
        }
      expect(checked, q).toBeGreaterThan(0);
    }
    await page.close();
  });

  it("links a review's project row to the exact section of the week", async () => {
    const { page } = await openPage(browser, server.url + "reviews/2024-q2/");
    const row = page.locator("tr[data-project='bei-yi-zhuan']");
    const link = row.locator(`a[href='/weeks/${HAND_WEEK.toLowerCase()}/#p-bei-yi-zhuan']`).first();
    expect(await link.count()).toBe(1);
    expect(await row.innerText()).toContain("→");
    await link.click();
    await page.waitForURL(/#p-bei-yi-zhuan$/);
    expect(await page.locator("#p-bei-yi-zhuan").innerText()).toContain("整体进度75%");
    await page.close();
  });

  it("offers the quarter as CSV with a BOM, a header row and one row per metric per week", async () => {
    const res = await fetch(server.url + "reviews/2024-q2.csv");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("类型,周,周四日期,编号,名称,数值,单位,目标,是否达标,原文,链接");
    const weeks = weekIds().filter((id) => quarterOf(id) === "2024-q2");
    const metricIds = [...readFileSync(join(CONTENT, "metrics.yaml"), "utf8").matchAll(/^- id: (\S+)/gm)].map((m) => m[1]!);
    for (const id of metricIds) {
      const rows = lines.filter((l) => l.startsWith("指标,") && l.split(",")[3] === id);
      expect(
        rows.map((l) => l.split(",")[1]),
        id,
      ).toEqual(weeks);
    }
    // The seed week's reading is there, as written.
    expect(lines.some((l) => l.startsWith("指标,2024-W17,2024-04-25,yearly-availability,年度可用性,100,%,99.99,达标,100%,"))).toBe(true);
    expect(lines.some((l) => l.startsWith(`项目进度,${HAND_WEEK},`) && l.includes(",75,%,"))).toBe(true);
  });

  it("marks what changed on the project timeline: 75% → 80% with <del> and <ins>", async () => {
    const { page } = await openPage(browser, server.url + "projects/bei-yi-zhuan/");
    const item = page.locator(".timeline > li", { hasText: "2024-W21 周报" });
    expect(await item.locator(".change__progress").innerText()).toContain("75% → 80%");
    expect(await item.locator("del").allInnerTexts()).toContain("75%");
    expect(await item.locator("ins").allInnerTexts()).toContain("80%");
    // The unchanged sentence with a quote and a comma is not marked.
    expect((await item.locator("ins, del").allInnerTexts()).join("")).not.toContain("逗号");
    await page.close();
  });

  it("shows the week's changes behind a toggle that works without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + "weeks/2024-w21/");
    const details = page.locator("details.week-changes");
    expect(await details.count()).toBe(1);
    expect(await details.locator("ins").first().isVisible()).toBe(false);
    await details.locator(":scope > summary").click();
    expect(await details.locator("ins", { hasText: "80%" }).isVisible()).toBe(true);
    await context.close();
  });

  it("shows on the home page, without JavaScript, the latest value of every registered metric and links each recent incident", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const dash = page.locator(".dashboard");
    const metricIds = [...readFileSync(join(CONTENT, "metrics.yaml"), "utf8").matchAll(/^- id: (\S+)/gm)].map((m) => m[1]!);
    for (const id of metricIds) {
      const row = dash.locator(`tr[data-metric='${id}']`);
      expect(await row.count(), id).toBe(1);
      expect(await row.locator("td").first().innerText()).toMatch(/\d/);
    }
    // The newest week's incidents (and those of the three weeks before) are linked to their sections.
    const links = await dash.locator(".dashboard__incidents a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const latest = weekIds().at(-1)!;
    const src = readFileSync(join(CONTENT, "weeks", `${latest}.mdx`), "utf8");
    const latestIncidents = (
      src
        .split(/生产事件/)[1]
        ?.split(/\n##? /)[0]
        ?.match(/\d{1,2}\/\d{1,2} \d{2}:\d{2}/g) ?? []
    ).length;
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((h) => h?.startsWith(`/weeks/${latest.toLowerCase()}/#incident-`)).length).toBe(latestIncidents);
    for (const href of links) expect((await fetch(server.url + href!.slice(1).split("#")[0])).status).toBe(200);
    await context.close();
  });

  it("reads incident severity and filters incidents by year and severity without JavaScript", async () => {
    const { page } = await openPage(browser, server.url + "incidents/severity/p1/");
    const items = page.locator(".incident");
    expect(await items.count()).toBe(1);
    expect(await items.innerText()).toContain("收银台超时");
    await page.goto(server.url + "incidents/severity/b/");
    expect(await page.locator(".incident").innerText()).toContain("出金通道B级事故");
    await page.goto(server.url + "incidents/");
    const yearRow = page.locator(".year-table tr[data-year='2024']");
    const count = Number(await yearRow.getAttribute("data-count"));
    await page.goto(server.url + "incidents/2024/");
    expect(await page.locator(".incident").count()).toBe(count);
    await page.close();
  });

  it("lists owner and status on /projects/ and filters by status and objective on static pages", async () => {
    const { page } = await openPage(browser, server.url + "projects/");
    const all = await page.locator("#project-table tbody tr").count();
    const registered = await page.locator("#project-table tbody tr[data-status='active']").count();
    await page.goto(server.url + "projects/status/active/");
    expect(await page.locator("#project-table tbody tr").count()).toBe(registered);
    await page.goto(server.url + "projects/status/unregistered/");
    expect(await page.locator("#project-table tbody tr").count()).toBe(all - registered);
    await page.goto(server.url + "projects/objective/o1/");
    const o1 = await page.locator("#project-table tbody tr").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.objective));
    expect(o1.length).toBeGreaterThan(0);
    expect(new Set(o1)).toEqual(new Set(["O1"]));
    await page.close();
  });

  it("keeps every review page under 300 KB", () => {
    const dir = join(DIST, "reviews");
    for (const name of readdirSync(dir)) {
      const file = name.endsWith(".csv") ? join(dir, name) : join(dir, name, "index.html");
      if (existsSync(file) && file.endsWith(".html")) expect(statSync(file).size, file).toBeLessThan(300 * 1024);
    }
  });
});

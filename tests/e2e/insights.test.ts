import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { metricTruthFromSource } from "../unit/insights/helpers.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { buildCorpusSite } from "./corpus.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const site = inject("siteUrl");
let browser: Browser;

// A public build of a generated corpus (60 weeks + the seed), for the truth test and the feeds.
let CONTENT: string;
let corpus: StaticServer;

beforeAll(async () => {
  const built = buildCorpusSite(
    "insights-e2e",
    { count: 60, seed: 3, startWeek: "2023-W10" },
    { WEEKLY_ARCHIVE_PUBLIC: "1", SITE: "https://weeks.example.test" },
  );
  CONTENT = built.contentDir;
  corpus = await serveStatic(built.dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await corpus?.close();
});

describe("insights on the real archive", () => {
  for (const path of ["metrics/", "incidents/", "weeks/2024-w17/", "", "projects/"]) {
    it(`/${path} loads with no console error and no failed request`, async () => {
      const { page, problems } = await openPage(browser, site + path);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      await page.close();
    });
  }

  it("lists the 4/19 16:36 incident on /incidents/ with a link to its place in 2024-W17", async () => {
    const { page } = await openPage(browser, site + "incidents/");
    const item = page.locator(".incident", { hasText: "16:36" });
    await expect(item.count()).resolves.toBe(1);
    expect(await item.innerText()).toContain("收银台查询不存在的原订单号");
    expect(await item.innerText()).toContain("影响了25笔下单");
    expect(await item.innerText()).toContain("退款幂等性校验发现此退款单存在");
    expect(await item.locator("time").getAttribute("datetime")).toBe("2024-04-19T16:36");
    const link = item.getByRole("link", { name: /2024-W17/ });
    expect(await link.getAttribute("href")).toBe("/weeks/2024-w17/#incident-1");
    await link.click();
    await page.waitForURL(/\/weeks\/2024-w17\/#incident-1$/);
    expect(await page.locator("#incident-1").innerText()).toContain("4/19 16:36");
    await page.close();
  });

  it("names every metric chart for assistive technology, one metric page each from the overview", async () => {
    const { page } = await openPage(browser, site + "metrics/");
    for (const label of ["入金有效成功率", "出金有效成功率", "年度可用性", "AB级事故数", "CD级事故数"]) {
      await page.goto(site + "metrics/");
      await page.locator("section.metric h2 a", { hasText: label }).click();
      await page.waitForURL(/\/metrics\/[a-z0-9-]+\/$/);
      const chart = page.getByRole("group", { name: `${label}每周趋势图` });
      expect(await chart.count(), label).toBe(1);
      expect(await chart.getAttribute("aria-describedby")).toBeTruthy();
    }
    await page.close();
  });

  it("shows the seed's metrics on its week page and in the /metrics/ data table", async () => {
    const { page } = await openPage(browser, site + "weeks/2024-w17/");
    const table = page.locator("#week-metrics table");
    const text = await table.innerText();
    for (const v of ["99.997%", "99.984%", "100%", "0次"]) expect(text).toContain(v);
    await page.goto(site + "metrics/");
    const row = page.locator('#metric-data tr[data-week="2024-W17"] td[data-value]');
    expect(await row.evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))))).toEqual([99.997, 99.984, 100, 0, 0]);
    await page.close();
  });

  it("builds no feed and no sitemap while the site is private", async () => {
    expect((await fetch(site + "rss.xml")).status).toBe(404);
    expect((await fetch(site + "sitemap-index.xml")).status).toBe(404);
  });
});

describe("insights on a generated corpus of 60 weeks plus the seed", () => {
  it("charts every metric value written in the sources and marks exactly the weeks below target", async () => {
    // The overview links one page per metric; each metric's pages (a year each) hold its chart and table.
    const { page, problems } = await openPage(browser, corpus.url + "metrics/");
    const metricLinks = await page
      .locator("section.metric h2 a")
      .evaluateAll((as) => as.map((a) => ({ label: a.textContent!.trim(), href: (a as HTMLAnchorElement).href })));
    await page.close();
    expect(problems.consoleErrors).toEqual([]);
    expect(metricLinks.length).toBeGreaterThanOrEqual(5);
    const labels = metricLinks.map((m) => m.label);
    const charted = new Map<string, { cells: { value?: number; missed: boolean }[] }>();
    let markedMissed = 0;
    let metricPages = 0;
    for (const [i, metric] of metricLinks.entries()) {
      for (let url: string | null = metric.href; url;) {
        const { page: p, problems: pr } = await openPage(browser, url);
        expect(pr.consoleErrors).toEqual([]);
        expect(pr.failedRequests).toEqual([]);
        metricPages++;
        // textContent: the table sits in a closed <details>, where innerText is empty.
        const rows = await p.locator("#metric-data tbody tr").evaluateAll((trs) =>
          trs.map((tr) => {
            const td = tr.querySelector("td")!;
            return {
              week: tr.getAttribute("data-week")!,
              value: td.hasAttribute("data-value") ? Number(td.getAttribute("data-value")) : undefined,
              missed: td.classList.contains("missed"),
            };
          }),
        );
        for (const r of rows) {
          const row = charted.get(r.week) ?? { cells: labels.map(() => ({ missed: false })) };
          row.cells[i] = { value: r.value, missed: r.missed };
          charted.set(r.week, row);
        }
        markedMissed += await p.locator("svg a[aria-label*='未达标']").count();
        const older = p.locator('.pager a[rel="next"]').first();
        url = (await older.count()) > 0 ? await older.evaluate((a) => (a as HTMLAnchorElement).href) : null;
        await p.close();
      }
    }
    // 61 weeks span two years of the archive: more than one page per metric.
    expect(metricPages).toBeGreaterThan(metricLinks.length);
    const registry = parse(readFileSync("content/metrics.yaml", "utf8")) as { label: string; target?: number; direction: string }[];
    let checked = 0;
    let missed = 0;
    for (const file of readdirSync(join(CONTENT, "weeks"))) {
      const week = file.replace(/\.mdx$/, "");
      const truth = metricTruthFromSource(readFileSync(join(CONTENT, "weeks", file), "utf8"));
      for (const [label, value] of truth) {
        const cell = charted.get(week)?.cells[labels.indexOf(label)];
        expect(cell?.value, `${week} ${label}`).toBe(value);
        const entry = registry.find((e) => e.label === label)!;
        const below = entry.target !== undefined && (entry.direction === "lower" ? value > entry.target : value < entry.target);
        expect(cell?.missed, `${week} ${label} ${value}`).toBe(below);
        checked++;
        if (below) missed++;
      }
      if (truth.size === 0) expect(charted.has(week), week).toBe(false);
    }
    expect(checked).toBeGreaterThan(250);
    expect(missed).toBeGreaterThan(0);
    // Each below-target week is also a marked, linked point on its chart.
    expect(markedMissed).toBe(missed);
  });

  it("shows last week's plans on a week page, each with a status", async () => {
    const { page, problems } = await openPage(browser, corpus.url + "weeks/2024-w18/");
    const items = page.locator("#plan-review li");
    expect(await items.count()).toBeGreaterThan(0);
    for (const status of await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-status"))))
      expect(["done", "open", "addressed", "unsure", "not-mentioned"]).toContain(status);
    expect(await page.locator("#plan-review").innerText()).toContain("2024-W17");
    // Evidence links point at anchors that exist on this page.
    for (const href of await page.locator("#plan-review .plan-evidence a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))
      expect(await page.locator(href).count(), href).toBe(1);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("publishes an RSS feed of the newest weeks and a sitemap when the site is public", async () => {
    const rss = await (await fetch(corpus.url + "rss.xml")).text();
    expect(rss).toContain("<rss");
    expect(rss).toContain("<link>https://weeks.example.test/weeks/2024-w18/</link>");
    expect(rss.match(/<item>/g)).toHaveLength(20);
    const sitemap = await fetch(corpus.url + "sitemap-index.xml");
    expect(sitemap.status).toBe(200);
  });

  it("lists stale work on the home page and /projects/, each linking to its last mention", async () => {
    for (const path of ["", "projects/"]) {
      const { page, problems } = await openPage(browser, corpus.url + path);
      const section = page.locator("#stale-work");
      expect(await section.count()).toBe(1);
      expect(await section.innerText()).toContain("4 周");
      const hrefs = await section.locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs.slice(0, 12)) expect((await fetch(href)).status, href).toBe(200);
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    }
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectPageTexts,
  makeQueries,
  prepareSearchSite,
  runQueries,
  summarize,
  truthFor,
  type PageText,
  type QualitySummary,
} from "../../scripts/search-quality.ts";
import { launchBrowser, openPage, type PageProblems } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

// A ~150-week generated corpus (plus the real seed week), built once for this file.
let server: StaticServer;
let browser: Browser;
let pages: PageText[];
let summary: QualitySummary;
const problems: PageProblems[] = [];

beforeAll(async () => {
  const site = prepareSearchSite({ count: 150, name: "search-e2e", reuse: process.env.SKIP_BUILD === "1" });
  server = await serveStatic(site.dist);
  browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  pages = await collectPageTexts(page, server.url);
  const cases = makeQueries(pages, 160, 11);
  summary = summarize(pages, await runQueries(page, server, cases));
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const { page, problems: p } = await openPage(browser, `${server.url}${path.replace(/^\//, "")}`);
  problems.push(p);
  return page;
}

async function resultUrls(page: Page): Promise<string[]> {
  await page.waitForFunction(() => !document.querySelector("[data-search-page]")?.hasAttribute("aria-busy"));
  return page.locator("[data-search-results] .search-hit__title a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

const api = (page: Page, query: string) =>
  page.evaluate(
    (q) => (window as unknown as { weeklyArchive: { search(q: string): Promise<{ url: string }[]> } }).weeklyArchive.search(q),
    query,
  );

describe("search across weeks behaves like Ctrl+F", () => {
  it("finds every week that contains a query and no other (recall and precision ≥ 0.99)", () => {
    expect(summary.queries).toBeGreaterThanOrEqual(150);
    expect(summary.recall, JSON.stringify(summary.failures.slice(0, 3))).toBeGreaterThanOrEqual(0.99);
    expect(summary.precision, JSON.stringify(summary.failures.slice(0, 3))).toBeGreaterThanOrEqual(0.99);
  });

  it("returns no week for terms that occur nowhere", () => {
    expect(summary.absentQueries).toBeGreaterThan(10);
    expect(summary.absentFalseHits).toBe(0);
  });

  it("finds OOM, POS and 99.997% in exactly the weeks that contain them", () => {
    for (const q of ["OOM", "POS", "99.997%"]) {
      expect(summary.fixed[q], q).toBe(truthFor(pages, q).size);
      expect(summary.fixed[q], q).toBeGreaterThan(0);
    }
  });

  it("lists each week once, back-to-back matches first, then newest first", () => {
    expect(summary.duplicateHits).toBe(0);
    expect(summary.misordered).toBe(0);
  });
});

describe("the search page", () => {
  it("shows results as you type and keeps the query in the URL, which the back button restores", async () => {
    const page = await open("/search/");
    await page.locator("[data-search-input]").fill("存管路由");
    await page.waitForURL(/\?q=%E5%AD%98%E7%AE%A1%E8%B7%AF%E7%94%B1$/);
    const first = await resultUrls(page);
    const total = truthFor(pages, "存管路由").size;
    expect(first.length).toBe(Math.min(total, 20));
    await expect.poll(() => page.locator("[data-search-status]").textContent()).toContain(`${total} 周`);
    await page.locator("[data-search-input]").press("Enter");
    await page.locator("[data-search-input]").fill("OOM");
    await page.waitForURL(/\?q=OOM$/);
    expect(await resultUrls(page)).toHaveLength(Math.min(20, truthFor(pages, "OOM").size));
    await page.goBack();
    await page.waitForURL(/\?q=%E5%AD%98/);
    await expect.poll(() => page.locator("[data-search-input]").inputValue()).toBe("存管路由");
    expect(await resultUrls(page)).toEqual(first);
    await page.close();
  });

  it("marks the match in each excerpt and links the section that holds it", async () => {
    const page = await open("/search/?q=OOM");
    await resultUrls(page);
    const hit = page.locator(".search-hit").first();
    expect(await hit.locator("mark").first().textContent()).toBe("OOM");
    expect(await hit.locator(".search-hit__title a").getAttribute("href")).toMatch(/^\/weeks\/\d{4}-w\d{2}\/#incidents$/);
    expect(await hit.locator(".search-hit__meta").textContent()).toContain("生产事件");
    await page.close();
  });

  it("narrows results with filter chips kept in the URL", async () => {
    const page = await open("/search/?q=POS");
    const all = await resultUrls(page);
    const chip = page.locator(".search-filters .chip", { hasText: "2024" }).first();
    const count = Number(await chip.locator(".chip__count").textContent());
    await chip.click();
    await page.waitForURL(/year=2024/);
    const filtered = await resultUrls(page);
    expect(filtered.length).toBe(Math.min(count, 20));
    expect(filtered.length).toBeLessThan(all.length + 1);
    expect(await chip.getAttribute("aria-pressed")).toBe("true");
    await page.close();
  });

  it("says plainly when nothing matches", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("量子纠缠")}`);
    expect(await resultUrls(page)).toEqual([]);
    expect(await page.locator("[data-search-status]").textContent()).toContain("没有周报包含“量子纠缠”");
    await page.close();
  });

  it("exposes every hit through window.weeklyArchive.search, not just the first page", async () => {
    const page = await open("/search/");
    const hits = await api(page, "存管");
    expect(hits.length).toBe(truthFor(pages, "存管").size);
    expect(hits.length).toBeGreaterThan(20);
    await page.close();
  });

  it("works from the keyboard alone: / focuses search, Enter searches, ArrowDown reaches the hits", async () => {
    const page = await open("/weeks/2024-w17/");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search");
    await page.keyboard.type("OOM");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=OOM$/);
    await resultUrls(page);
    await page.keyboard.press("Control+K");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-q");
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href"));
    expect(focused).toMatch(/#incidents$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/weeks\/.+#incidents$/);
    await page.close();
  });

  it("loads Pagefind only when search is used", async () => {
    const { page } = await openPage(browser, `${server.url}weeks/2024-w17/`);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.reload({ waitUntil: "networkidle" });
    expect(requests.filter((u) => /\/pagefind\/|\/search-data\//.test(u))).toEqual([]);
    await page.close();
  });

  it("logs no console error and no failed request", () => {
    expect(problems.flatMap((p) => [...p.consoleErrors, ...p.failedRequests])).toEqual([]);
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectPageTexts,
  commonestCharacters,
  makeQueries,
  PRECISION_FLOOR,
  prepareSearchSite,
  RECALL_FLOOR,
  runQueries,
  summarize,
  truthFor,
  type PageText,
  type QualitySummary,
} from "../../scripts/search-quality.ts";
import { foldText } from "../../src/lib/search/normalize.ts";
import { findOccurrences } from "../../src/lib/search/match.ts";
import { launchBrowser, openPage, type PageProblems } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

// A ~150-week generated corpus with prose (spaces, Latin words, numbers, punctuation) plus the real
// seed week, built once for this file.
let server: StaticServer;
let browser: Browser;
let pages: PageText[];
let summary: QualitySummary;
const problems: PageProblems[] = [];

beforeAll(async () => {
  const site = prepareSearchSite({ count: 150, name: "search-e2e", corpus: "prose", reuse: process.env.SKIP_BUILD === "1" });
  server = await serveStatic(site.dist);
  browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  pages = await collectPageTexts(page, server.url);
  const cases = makeQueries(pages, 240, 11);
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

interface ApiHit {
  url: string;
  count: number;
  excerpts: { section: string }[];
}

const api = (page: Page, query: string): Promise<ApiHit[]> =>
  page.evaluate((q) => (window as unknown as { weeklyArchive: { search(q: string): Promise<ApiHit[]> } }).weeklyArchive.search(q), query);

/** Every query of `queries` in one page, in the order given: query → week URLs in rank order. */
async function answers(page: Page, queries: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const q of queries)
    out.set(
      q,
      (await api(page, q)).map((h) => h.url),
    );
  return out;
}

describe("search across weeks behaves like Ctrl+F", () => {
  it("finds every week that contains a query and no other, for every class of query", () => {
    expect(summary.queries).toBeGreaterThanOrEqual(230);
    const failures = JSON.stringify(summary.failures.slice(0, 3));
    for (const kind of ["cjk", "latin", "mixed", "single", "phrase", "punct", "and", "fixed", "absent"] as const) {
      const k = summary.byKind[kind];
      expect(k?.queries, kind).toBeGreaterThan(kind === "fixed" ? 4 : 10);
      expect(k!.recall, `${kind} recall ${failures}`).toBeGreaterThanOrEqual(RECALL_FLOOR);
      expect(k!.precision, `${kind} precision ${failures}`).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    }
  });

  it("gives the same answers when the same queries are asked again, in reverse order, in the same page", () => {
    expect(summary.historyMismatches).toEqual([]);
  });

  it("finds one-character queries, the commonest characters included, in every week that has them", async () => {
    const page = await open("/search/");
    for (const q of [...commonestCharacters(pages, 6), "9", "1", "a", "x", "和", "到", "。", "："]) {
      const got = (await api(page, q)).map((h) => h.url);
      expect(new Set(got), q).toEqual(truthFor(pages, q));
    }
    await page.close();
  });

  it("finds phrases whose first or last term is one character, with or without the space", async () => {
    const page = await open("/search/");
    for (const q of ['"X 光"', '"A 股"', '"第 1"', '"vue 3"', '"3 个"', '"和 alice"', '"P 99"', '"c 端"']) {
      const got = (await api(page, q)).map((h) => h.url);
      const truth = truthFor(pages, q);
      expect(new Set(got), q).toEqual(truth);
    }
    expect(truthFor(pages, '"vue 3"').size).toBeGreaterThan(10);
    expect(truthFor(pages, '"X 光"').size).toBeGreaterThan(10);
    await page.close();
  });

  it("does not let earlier searches change an answer: two orders in one page give identical answers", async () => {
    const page = await open("/search/");
    const queries = [...commonestCharacters(pages, 10), "到", "和", "9", "的", '"vue 3"', "存管", "POS", "第 1", "。", "a"];
    const first = await answers(page, queries);
    // Load many other index chunks in between, then ask again in reverse order.
    await answers(
      page,
      makeQueries(pages, 60, 99).map((c) => c.query),
    );
    const second = await answers(page, [...queries].reverse());
    for (const q of queries) expect(second.get(q), q).toEqual(first.get(q));
    await page.close();
  });

  it("counts the matches in each week, as Ctrl+F would", async () => {
    const page = await open("/search/");
    for (const q of ["POS", "存管", "的", "vue"]) {
      const hits = await api(page, q);
      expect(hits.length, q).toBeGreaterThan(0);
      for (const hit of hits.slice(0, 10)) {
        const text = pages.find((p) => p.url === hit.url)!.text;
        // Occurrences that overlap are one stretch; the page text has no overlaps for these terms.
        const expected = findOccurrences(foldText(text), foldText(q)).length;
        expect(hit.count, `${q} in ${hit.url}`).toBe(expected);
      }
    }
    await page.close();
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
    expect(await hit.locator(".search-hit__title a").getAttribute("href")).toMatch(/^\/weeks\/\d{4}-w\d{2}\/\?q=OOM#incidents$/);
    expect(await hit.locator(".search-hit__where").first().textContent()).toContain("生产事件");
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

  it("shows up to three excerpts per week, each from a different section, and the week's match count", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("的")}`);
    await resultUrls(page);
    const hit = page.locator(".search-hit").first();
    const sections = await hit.locator(".search-hit__where").allTextContents();
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.length).toBeLessThanOrEqual(3);
    expect(new Set(sections).size).toBe(sections.length);
    expect(await hit.locator(".search-hit__count").textContent()).toMatch(/^\d+ 处$/);
    await page.close();
  });

  it("counts a project chip only for weeks whose match is inside that project, and the chip's count is what it filters to", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("进度")}`);
    await resultUrls(page);
    const all = Number((await page.locator("[data-search-status]").textContent())!.match(/(\d+) 周/)![1]);
    const chip = page.locator('[aria-labelledby="search-filter-project"] .chip').first();
    const count = Number(await chip.locator(".chip__count").textContent());
    expect(count).toBeLessThan(all + 1);
    await chip.click();
    await page.waitForURL(/project=/);
    await resultUrls(page);
    await expect.poll(() => page.locator("[data-search-status]").textContent()).toContain(`筛选后 ${count} 周`);
    await page.close();
  });

  it("has one search box on /search/: the header's, filled from the URL", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("存管 路由")}`);
    await resultUrls(page);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    expect(await page.locator("header input[type=search]").inputValue()).toBe("存管 路由");
    await page.close();
  });

  it("opens the week from a hit scrolled to the match, with every match highlighted", async () => {
    const page = await open("/search/?q=OOM");
    await resultUrls(page);
    await page.locator(".search-hit__title a").first().click();
    await page.waitForURL(/\?q=OOM#incidents$/);
    await page.waitForSelector("[data-search-first]");
    const state = await page.evaluate(() => {
      const first = document.querySelector("[data-search-first]")!;
      return { marked: CSS.highlights.get("search-match")?.size ?? 0, text: first.textContent ?? "" };
    });
    expect(state.marked).toBeGreaterThan(0);
    expect(state.text).toMatch(/oom/i);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const box = document.querySelector("[data-search-first]")!.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      )
      .toBe(true);
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
    expect(focused).toMatch(/\?q=OOM#incidents$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/weeks\/.+\?q=OOM#incidents$/);
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

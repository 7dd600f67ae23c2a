import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage } from "./browser.ts";
import { expectWeekChain, publishedWeeks } from "./built-html.ts";

const SEED = readFileSync(new URL("../../content/weeks/2024-W17.mdx", import.meta.url), "utf8");

/** A seed line as a reader sees it: no list markers, heading hashes or link syntax. */
function visibleText(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, "")
    .replace(/^#+\s+/, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

let browser: Browser;
const site = inject("siteUrl");
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the built site", () => {
  for (const path of ["", "weeks/", "weeks/2024-w17/", "projects/", "objectives/", "objectives/o1/", "projects/bei-yi-zhuan/"]) {
    it(`loads /${path} with no console error and no failed request`, async () => {
      const { page, problems } = await openPage(browser, site + path);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
      await page.close();
    });
  }

  it("shows every text line of the seed on the 2024-W17 page", async () => {
    const { page } = await openPage(browser, site + "weeks/2024-w17/");
    const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    const body = SEED.split(/^---$/m)[2]!;
    const lines = body.split("\n").map(visibleText).filter(Boolean);
    expect(lines.length).toBeGreaterThan(60);
    const missing = lines.filter((l) => !text.includes(l));
    expect(missing).toEqual([]);
    expect(text).toContain("2024-W17");
    expect(text).toContain("2024年4月20日 09:27");
    await page.close();
  });

  it("gives each section heading and each 【project】 item a stable anchor", async () => {
    const { page } = await openPage(browser, site + "weeks/2024-w17/");
    const ids = await page.locator(".week-body [id]").evaluateAll((els) => els.map((e) => e.id));
    for (const id of ["projects", "o1", "o2", "o3", "o4", "metrics", "incidents", "other", "reflections", "plans", "p-bei-yi-zhuan"]) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    await page.close();
  });

  it("links the archive by year to the week", async () => {
    const { page } = await openPage(browser, site + "weeks/");
    expect(await page.locator("h2").first().innerText()).toContain("2024");
    await page.click("text=2024-W17");
    expect(page.url()).toMatch(/\/weeks\/2024-w17\/$/);
    await page.close();
  });

  it("links each week page to the weeks before and after it, and the first and last week to nothing beyond", () => {
    // The site's own content; the 65-week chain, with a gap of years in it, is in threads.test.ts.
    const weeks = publishedWeeks("content/weeks");
    expectWeekChain("dist", weeks);
  });

  it("keeps crawlers out with robots.txt", async () => {
    const res = await fetch(site + "robots.txt");
    expect(await res.text()).toContain("Disallow: /");
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { launchBrowser, openPage } from "./browser.ts";
import { expectWeekChain, publishedWeeks } from "./built-html.ts";
import { buildCorpusSite } from "./corpus.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

// Truth comes from the week sources with plain regexes, never from the parser's model.
const TOP_PROJECT = /^[-*+][ \t]+(?:\*\*)?【([^】\n]+)】/gm;
const OBJECTIVE_HEADING = /^#{1,6}[ \t]*【?[ \t]*[OＯ]\s*([0-9]{1,2})/gm;

interface SourceWeek {
  week: string;
  projects: string[];
  objectives: string[];
}

let server: StaticServer;
let browser: Browser;
let sources: SourceWeek[];
let contentDir: string;
let dist: string;

beforeAll(async () => {
  const site = buildCorpusSite("e2e-threads", { count: 64, seed: 11 });
  ({ contentDir, dist } = site);
  const dir = join(site.contentDir, "weeks");
  sources = readdirSync(dir).map((f) => {
    const text = readFileSync(join(dir, f), "utf8");
    return {
      week: f.replace(/\.mdx$/, ""),
      projects: [...text.matchAll(TOP_PROJECT)].map((m) => m[1]!.trim()),
      objectives: [...text.matchAll(OBJECTIVE_HEADING)].map((m) => `O${Number(m[1])}`),
    };
  });
  server = await serveStatic(site.dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Which project a 【name】 belongs to, from the corpus's projects.yaml read as plain YAML: a
 * registered name or alias is its slug; any other name is a project of its own.
 */
function projectOfName(contentDir: string): (name: string) => string {
  const entries = parse(readFileSync(join(contentDir, "projects.yaml"), "utf8")) as { slug: string; name: string; aliases?: (string | number)[] }[];
  const bySpelling = new Map<string, string>();
  for (const e of entries) for (const spelling of [e.name, ...(e.aliases ?? [])]) bySpelling.set(String(spelling), e.slug);
  return (name) => bySpelling.get(name) ?? `unregistered:${name}`;
}

describe("cross-week threads on a 65-week corpus", () => {
  it("has one project page per project, linking every week that names it as a 【…】 top item under any of its names", async () => {
    const { page, problems } = await openPage(browser, server.url + "projects/");
    const projectUrls = await page.locator("#project-table tbody th a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    await page.close();
    expect(problems.consoleErrors).toEqual([]);
    // For every project page (all its pages): the (week, 【name】) pairs its timeline shows.
    const shownBy = new Map<string, Set<string>>();
    for (const first of projectUrls) {
      const shown = new Set<string>();
      shownBy.set(new URL(first).pathname, shown);
      // Long timelines are paginated: follow the "older" links to the end.
      for (let url: string | null = first; url;) {
        const { page: p, problems: pr } = await openPage(browser, url);
        expect(pr.consoleErrors).toEqual([]);
        expect(await p.locator("h1").count()).toBe(1);
        const entries = await p
          .locator(".timeline")
          .first()
          .locator(":scope > li")
          .evaluateAll((lis) =>
            lis.map((li) => ({ href: li.querySelector("h3 a")!.getAttribute("href")!, text: li.querySelector(".prose")?.textContent ?? "" })),
          );
        for (const e of entries) {
          const week = /weeks\/([^/]+)\//.exec(e.href)![1]!.toUpperCase();
          for (const m of e.text.matchAll(/【([^】]+)】/g)) shown.add(`${week}|${m[1]}`);
        }
        const older = p.locator('.pager a[rel="next"]').first();
        url = (await older.count()) > 0 ? await older.evaluate((a) => (a as HTMLAnchorElement).href) : null;
        await p.close();
      }
    }
    const projectOf = projectOfName(contentDir);
    const expected = sources.flatMap((s) => s.projects.map((name) => `${s.week}|${name}`));
    expect(expected.length).toBeGreaterThan(200);
    const projects = new Set(expected.map((pair) => projectOf(pair.split("|")[1]!)));
    // The corpus spells registered projects by aliases too (贝易转, C转, 聚合支付), so one page per name would be more pages.
    expect(new Set(sources.flatMap((s) => s.projects)).size).toBeGreaterThan(projects.size);

    // One page per project: as many pages as projects, and each page shows the names of one project only…
    expect(shownBy.size, "project pages listed on /projects/").toBe(projectUrls.length);
    expect(projectUrls.length, "one project page per project").toBe(projects.size);
    const pageOf = new Map<string, string>();
    for (const [path, shown] of shownBy) {
      const on = new Set([...shown].map((pair) => projectOf(pair.split("|")[1]!)));
      expect([...on], `${path} shows one project`).toHaveLength(1);
      const project = [...on][0]!;
      expect(pageOf.get(project), `${project} has one page`).toBeUndefined();
      pageOf.set(project, path);
      if (!project.startsWith("unregistered:")) expect(path, "a registered project lives at its slug").toMatch(new RegExp(`/projects/${project}/$`));
    }
    // …and that page links every week naming it, under whichever name the week used.
    expect(expected.filter((pair) => !shownBy.get(pageOf.get(projectOf(pair.split("|")[1]!))!)?.has(pair))).toEqual([]);
  });

  it("links each week page to the weeks before and after it in the archive, across the years-long gap to the seed", () => {
    const weeks = publishedWeeks(join(contentDir, "weeks"));
    expect(weeks).toHaveLength(65);
    expect(weeks.at(-2)! < "2024-W01" && weeks.at(-1) === "2024-W17").toBe(true);
    expectWeekChain(dist, weeks);
  });

  it("has objective pages that link every week with that objective's section", async () => {
    const ids = [...new Set(sources.flatMap((s) => s.objectives))];
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) {
      const linked = new Set<string>();
      for (let url: string | null = server.url + `objectives/${id.toLowerCase()}/`; url;) {
        const { page, problems } = await openPage(browser, url);
        expect(problems.consoleErrors).toEqual([]);
        expect(await page.locator("h1").innerText()).toMatch(new RegExp(`^${id} `));
        const weeks = await page
          .locator(".timeline h3 a")
          .evaluateAll((as) => as.map((a) => /weeks\/([^/]+)\//.exec(a.getAttribute("href")!)![1]!.toUpperCase()));
        for (const w of weeks) linked.add(w);
        const older = page.locator('.pager a[rel="next"]').first();
        url = (await older.count()) > 0 ? await older.evaluate((a) => (a as HTMLAnchorElement).href) : null;
        await page.close();
      }
      const expected = sources.filter((s) => s.objectives.includes(id)).map((s) => s.week);
      expect(expected.filter((w) => !linked.has(w))).toEqual([]);
    }
  });

  it("links every subject on an objective's timeline to its thread on the subjects pages, and lists no subject table on the timeline", async () => {
    const { page, problems } = await openPage(browser, server.url + "objectives/o1/");
    expect(problems.consoleErrors).toEqual([]);
    // The archive-wide subject table lives on its own pages, not on every page of the timeline.
    expect(await page.locator("table.data-table").count()).toBe(0);
    const links = [...new Set(await page.locator(".objective-group__subject a:first-child").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))];
    await page.close();
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      const url = new URL(href);
      expect(url.pathname).toMatch(/^\/objectives\/o1\/subjects\/(page\/\d+\/)?$/);
      const { page: p } = await openPage(browser, href);
      // Ids are the percent-encoded subject key, exactly as in the link.
      const thread = p.locator(`[id="${url.hash.slice(1)}"]`);
      expect(await thread.count(), href).toBe(1);
      expect(await thread.locator(".week-list a").count(), href).toBeGreaterThan(0);
      await p.close();
    }
  });

  it("shows the seed's project text on its project page exactly as on the week page", async () => {
    const { page: week } = await openPage(browser, server.url + "weeks/2024-w17/");
    const weekText = await week.locator("#p-bei-yi-zhuan").innerText();
    await week.click("#p-bei-yi-zhuan .project-link");
    await week.waitForURL(/projects\/bei-yi-zhuan\//);
    const entry = week.locator(".timeline > li", { has: week.locator('a[href*="weeks/2024-w17/"]') }).first();
    expect(await entry.locator(".prose li").first().innerText()).toBe(weekText);
    await week.close();
  });
});

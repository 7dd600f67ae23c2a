import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { siteBuildCommand, siteBuildEnv, writeCorpus } from "../../scripts/lib/corpus-site.ts";
import { axisLabelsHtml } from "../../src/lib/charts/axis-labels.ts";
import { metricChart } from "../../src/lib/insights/metric-chart.ts";
import type { MetricSeries } from "../../src/lib/insights/metric-series.ts";
import { addWeeksToId, weeksBetween, type WeekId } from "../../src/lib/week-id.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

/*
 * What a reader sees is true, on an archive shaped to break it: twelve weeks of 2020, four years of
 * nothing, the seed 2024-W17, a 2024-W18 written the way authors do (npm run new, filled in, the
 * draft flag removed) and a draft 2030-W02 left as npm run new wrote it.
 */
const site = inject("siteUrl");
const BASE = join("tmp", "reader-truth-e2e");
const CONTENT = join(BASE, "content");
const WEEKS = join(CONTENT, "weeks");
const DIST = join(BASE, "dist");
const DRAFT = join(WEEKS, "2030-W02.mdx");
const env = siteBuildEnv({ contentDir: CONTENT });

const run = (script: string, args: string[] = []) => {
  const r = spawnSync(process.execPath, [script, ...args], { env, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

let server: StaticServer;
let browser: Browser;
const steps: Record<string, { status: number | null; out: string }> = {};

beforeAll(() => {
  rmSync(BASE, { recursive: true, force: true });
  writeCorpus(CONTENT, { count: 12, seed: 7, startWeek: "2020-W02" });

  // 2024-W18 as an author writes it: scaffold, fill in, tick one plan, drop the draft flag.
  steps.newW18 = run("scripts/new-week.ts", ["2024-W18"]);
  const w18 = join(WEEKS, "2024-W18.mdx");
  const filled = readFileSync(w18, "utf8")
    .replace("draft: true\n", "")
    .replace(/（待填写）次/g, "0次")
    .replace(/：（待填写）/g, "：99.995%")
    .replace(/（待填写）/g, "本周推进中")
    .replace("- [ ] ", "- [x] ");
  writeFileSync(w18, filled);

  steps.newDraft = run("scripts/new-week.ts", ["2030-W02"]);
  steps.checkDraft = run("scripts/check.ts");
  const build = siteBuildCommand({ contentDir: CONTENT, outDir: DIST });
  steps.build = run(build.args[0]!, build.args.slice(1));
  // The same draft with its flag removed and the placeholders left.
  const draft = readFileSync(DRAFT, "utf8");
  writeFileSync(DRAFT, draft.replace("draft: true\n", ""));
  steps.checkUndrafted = run("scripts/check.ts");
  writeFileSync(DRAFT, draft);
}, 900_000);

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every byte a visitor can fetch, gzip files unpacked. */
function publishedText(dir: string): { file: string; text: string }[] {
  return filesUnder(dir)
    .filter((f) => /\.(html|xml|json|txt|gz|js)$/.test(f))
    .map((file) => ({ file, text: (file.endsWith(".gz") ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString("utf8") }));
}

describe("a draft week", () => {
  it("is written by npm run new as a draft that passes the check", () => {
    expect(steps.newDraft!.status, steps.newDraft!.out).toBe(0);
    expect(readFileSync(DRAFT, "utf8")).toMatch(/^---\n(?:.*\n)*draft: true\n(?:.*\n)*---\n/);
    expect(steps.checkDraft!.status, steps.checkDraft!.out).toBe(0);
    expect(steps.checkDraft!.out).toMatch(/2030-W02\.mdx:\d+:\d+ warning \[template\]/);
  });

  it("is skipped by the build, which names its file", () => {
    expect(steps.build!.status, steps.build!.out.slice(-3000)).toBe(0);
    expect(steps.build!.out).toContain("跳过 1 份草稿");
    expect(steps.build!.out).toContain("tmp/reader-truth-e2e/content/weeks/2030-W02.mdx");
  });

  it("appears in no page, feed, sitemap, search file or latest-week slot", () => {
    const leaks = publishedText(DIST)
      .filter(({ text }) => /2030-W02/i.test(text))
      .map((f) => f.file);
    expect(leaks).toEqual([]);
    expect(readFileSync(join(DIST, "index.html"), "utf8")).toContain("/weeks/2024-w18/");
  });

  it("fails the check at file:line once the draft flag is removed with placeholders left", () => {
    expect(steps.checkUndrafted!.status).toBe(1);
    expect(steps.checkUndrafted!.out).toMatch(/content\/weeks\/2030-W02\.mdx:\d+:\d+ error \[template\]/);
  });

  it("was written and published normally once filled in and undrafted (2024-W18)", () => {
    expect(steps.newW18!.status, steps.newW18!.out).toBe(0);
    expect(statSync(join(DIST, "weeks", "2024-w18", "index.html")).isFile()).toBe(true);
  });
});

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

describe("a draft in npm run dev", () => {
  it("is shown with a visible draft banner", async () => {
    const port = await freePort();
    const dev = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "dev", "--port", String(port), "--host", "127.0.0.1"], {
      // Without the test runner's own variables: under VITEST the dev server answered every page with 404.
      env: { ...Object.fromEntries(Object.entries(env).filter(([k]) => !/^(VITEST|VITE_|TEST$)/.test(k))), NODE_ENV: "development" },
      stdio: "ignore",
    });
    try {
      const url = `http://127.0.0.1:${port}/weeks/2030-w02/`;
      let html = "";
      for (let i = 0; i < 240 && !html; i++) {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
          if (res.ok) html = await res.text();
        } catch {
          // Not listening yet.
        }
        if (!html) await new Promise((r) => setTimeout(r, 1000));
      }
      expect(html).toContain("data-draft");
      const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
      await page.goto(url, { waitUntil: "load", timeout: 120_000 });
      const banner = page.locator("[data-draft]");
      // The dev server may reload the page once while it optimizes dependencies.
      await banner.waitFor({ state: "visible", timeout: 120_000 });
      expect(await banner.innerText()).toContain("草稿");
      expect((await banner.boundingBox())!.y).toBeLessThan(400);
      await page.close();
    } finally {
      dev.kill();
    }
  }, 600_000);
});

describe("neighbours and comparisons on an archive with a four-year gap", () => {
  it("calls no non-adjacent week 上一周 or 下一周, and names the distance instead", async () => {
    const pages = readdirSync(join(DIST, "weeks")).filter((d) => /^\d{4}-w\d{2}$/.test(d));
    expect(pages.length).toBe(14);
    let far = 0;
    for (const slug of pages) {
      const { page } = await openPage(browser, `${server.url}weeks/${slug}/`);
      for (const rel of ["prev", "next"]) {
        const link = page.locator(`.pager a[rel="${rel}"]`);
        if ((await link.count()) === 0) continue;
        const text = await link.innerText();
        const target = /weeks\/(\d{4}-w\d{2})\//.exec((await link.getAttribute("href"))!)![1]!.toUpperCase();
        const adjacent = Math.abs(weeksBetween(slug.toUpperCase() as WeekId, target as WeekId)) === 1;
        if (adjacent) expect(text, slug).toMatch(rel === "prev" ? /上一周/ : /下一周/);
        else {
          far++;
          expect(text, slug).not.toMatch(/上一周|下一周/);
          expect(text, slug).toMatch(/(上一篇|下一篇)：\d{4}-W\d{2}（\d+ (?:个月|年|周)[前后]）/);
        }
      }
      await page.close();
    }
    expect(far).toBeGreaterThanOrEqual(2);
    const { page } = await openPage(browser, `${server.url}weeks/2024-w17/`);
    expect(await page.locator('.pager a[rel="prev"]').innerText()).toMatch(/上一篇：2020-W\d\d（4 年前）/);
    // The metric table compares with the 2020 week and says so.
    expect(await page.locator("#week-metrics").innerText()).toMatch(/上期 2020-W\d\d（4 年前）/);
    await page.close();
  });
});

describe("one 上周计划 block per week page", () => {
  it("shows the site's review and the author's checklist as one block with one heading and one contents entry", async () => {
    const { page } = await openPage(browser, `${server.url}weeks/2024-w18/`);
    expect(await page.locator("h1, h2, h3", { hasText: "上周计划完成情况" }).count()).toBe(1);
    for (const toc of [".toc--inline", ".toc--side"]) expect(await page.locator(`${toc} a`, { hasText: "上周计划" }).count(), toc).toBe(1);
    const block = page.locator("#plan-review");
    expect(await block.locator("li[data-status]").count()).toBeGreaterThan(0);
    expect(await block.locator("li[data-status='done']").count()).toBeGreaterThanOrEqual(1);
    // The author's ticks are there too, folded.
    expect(await block.locator("details.plan-checklist input[type=checkbox]").count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe("reader pages carry no maintainer hints", () => {
  for (const [name, dir] of [
    ["the shipped site", "dist"],
    ["the gap archive", DIST],
  ] as const)
    it(`no HTML page of ${name} mentions content/ or a .yaml file`, () => {
      const html = filesUnder(dir).filter((f) => f.endsWith(".html"));
      expect(html.length).toBeGreaterThan(5);
      const hits = html.flatMap((file) => {
        const text = readFileSync(file, "utf8");
        return [...text.matchAll(/.{0,30}(?:content\/|\.ya?ml\b).{0,30}/g)].map((m) => `${file}: ${m[0]}`);
      });
      expect(hits).toEqual([]);
    });
});

describe("the shipped site's targets", () => {
  it("shows 年度可用性's target as ≥ 99.99% on /metrics/ and on its chart page, in the summary, the chart label and the legend", async () => {
    const { page } = await openPage(browser, site + "metrics/");
    const text = await page.locator("#yearly-availability").innerText();
    expect(text).toContain("≥ 99.99%");
    expect(text).not.toContain("≥ 100%");
    expect(text).toContain("+0.01个百分点");
    await page.goto(site + "metrics/yearly-availability/");
    const main = page.locator("main");
    expect(await main.innerText()).not.toContain("≥ 100%");
    expect(await main.locator(".chart-y--target").innerText()).toBe("≥ 99.99%");
    expect(await main.locator(".metric-chart__legend").innerText()).toContain("≥ 99.99%");
    await page.close();
  });
});

/** Pairs of visible labels whose boxes intersect, and labels beyond the viewport's width. */
async function labelProblems(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const problems: string[] = [];
    for (const frame of document.querySelectorAll(".chart-frame")) {
      const boxes = [...frame.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => getComputedStyle(el).display !== "none")
        .map((el) => ({ text: el.textContent ?? "", r: el.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++) {
        const a = boxes[i]!;
        if (a.r.left < 0 || a.r.right > document.documentElement.clientWidth) problems.push(`${a.text} outside the page`);
        for (let j = i + 1; j < boxes.length; j++) {
          const b = boxes[j]!;
          if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) problems.push(`${a.text} × ${b.text}`);
        }
      }
    }
    return problems;
  }, selector);
}

/** The smallest rendered text size among the chart labels and any SVG text (font size × the viewBox's scale). */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let min = Infinity;
    for (const el of document.querySelectorAll<HTMLElement>(".chart-x, .chart-y")) {
      if (getComputedStyle(el).display === "none") continue;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize), el.getBoundingClientRect().height);
    }
    for (const text of document.querySelectorAll<SVGTextElement>("svg text")) {
      const svg = text.ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      min = Math.min(min, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return min;
  });
}

/** The first project page of the gap archive that draws a progress chart. */
async function projectWithChart(): Promise<string> {
  const { page } = await openPage(browser, server.url + "projects/");
  const hrefs = await page.locator("#project-table tbody th a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  await page.close();
  for (const href of hrefs) if (readFileSync(join(DIST, new URL(href).pathname, "index.html"), "utf8").includes(`class="chart-frame"`)) return href;
  throw new Error("no project page with a progress chart");
}

const series = (weeks: WeekId[]): MetricSeries => ({
  id: "yearly-availability",
  label: "年度可用性",
  unit: "%",
  direction: "higher",
  target: 99.99,
  registered: true,
  decimals: 3,
  missedCount: 0,
  points: weeks.map((week, i) => ({
    week,
    weekSlug: week.toLowerCase(),
    value: 99.98 + ((i * 37) % 30) / 1000,
    raw: "",
    source: "section",
    line: 1,
    missed: false,
    incidents: 0,
  })),
});

describe("charts on a phone and on a desktop", () => {
  for (const width of [390, 1366]) {
    it(`at ${width} px: the contents come before the report on a phone, the sticky column on a desktop`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}weeks/2024-w18/`, { waitUntil: "networkidle" });
      const inline = page.locator(".toc--inline");
      const report = page.locator("article.week-body");
      if (width < 640) {
        expect(await inline.isVisible()).toBe(true);
        expect(await page.locator(".toc--side").isVisible()).toBe(false);
        const [tocBox, reportBox] = [await inline.boundingBox(), await report.boundingBox()];
        expect(tocBox!.y + tocBox!.height).toBeLessThanOrEqual(reportBox!.y);
        expect(tocBox!.y).toBeLessThan(900);
        await inline.locator("summary").click();
        await inline.getByRole("link", { name: "上周计划完成情况" }).click();
        await page.waitForURL(/#plan-review$/);
      } else {
        expect(await inline.isVisible()).toBe(false);
        expect(await page.locator(".toc--side").isVisible()).toBe(true);
      }
      await page.close();
    });

    for (const [name, url] of [
      ["the shipped 年度可用性 chart", async () => site + "metrics/yearly-availability/"],
      ["the gap archive's 入金有效成功率 chart", async () => server.url + "metrics/deposit-success-rate/"],
      ["a project page with a progress chart", () => projectWithChart()],
    ] as const)
      it(`at ${width} px: chart text on ${name} is at least 11 px and no two labels overlap`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(await url(), { waitUntil: "networkidle" });
        expect(await page.locator(".chart-frame").count()).toBeGreaterThan(0);
        expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11);
        expect(await labelProblems(page, ".chart-x")).toEqual([]);
        expect(await labelProblems(page, ".chart-y")).toEqual([]);
        await page.close();
      });
  }

  // The site's chart model, labels and CSS for long generated series, laid out by Chromium.
  const css = readFileSync("src/styles/chart-frame.css", "utf8");
  for (const weeks of [52, 260, 520])
    for (const width of [320, 390, 640, 1366])
      it(`labels ${weeks} weeks at ${width} px with no overlapping tick labels`, async () => {
        const ids = Array.from({ length: weeks }, (_, i) => addWeeksToId("2015-W02" as WeekId, i));
        const model = metricChart(series(ids), ids, []);
        const html = `<!doctype html><meta name="viewport" content="width=device-width"><style>body{margin:0;font:16px sans-serif}main{padding:1rem}${css}</style>
          <main><div class="chart-frame"><svg viewBox="0 0 ${model.width} ${model.height}"></svg>${axisLabelsHtml({ ...model, target: { at: model.target!.at, text: "≥ 99.99%" } })}</div></main>`;
        const page = await browser.newPage({ viewport: { width, height: 700 } });
        await page.setContent(html);
        const shown = await page.locator(".chart-x").evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== "none").length);
        expect(shown).toBeGreaterThanOrEqual(2);
        expect(await labelProblems(page, ".chart-x")).toEqual([]);
        expect(await labelProblems(page, ".chart-y")).toEqual([]);
        expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11);
        await page.close();
      });
});

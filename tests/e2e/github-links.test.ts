import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSite } from "../../scripts/lib/corpus-site.ts";
import { readRepositorySetting } from "../../src/lib/github/repository.ts";
import { weekIdOfDate } from "../../src/lib/week-id.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

// The site's own content, built once more as if in the Actions run of acme/weekly.
const BASE = join("tmp", "github-links-e2e");
const DIST = join(BASE, "dist");
let server: StaticServer;
let browser: Browser;
const weeksDuringBuild = new Set<string>();

/** The environment without any repository setting of the machine (CI sets GITHUB_* itself). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("GITHUB_") || k.startsWith("SITE_") || k === "WEEKLY_ARCHIVE_CONTENT") delete env[k];
  return env;
}

beforeAll(async () => {
  weeksDuringBuild.add(weekIdOfDate(new Date()));
  if (!(process.env.SKIP_BUILD === "1" && existsSync(join(DIST, "index.html")))) {
    rmSync(BASE, { recursive: true, force: true });
    buildSite({ contentDir: "content", outDir: DIST, env: { GITHUB_REPOSITORY: "acme/weekly" } });
  }
  weeksDuringBuild.add(weekIdOfDate(new Date()));
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function hrefs(url: string, selector: string): Promise<string[]> {
  const { page } = await openPage(browser, url);
  const found = await page.locator(selector).evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
  await page.close();
  return found;
}

describe("with GITHUB_REPOSITORY=acme/weekly at build time", () => {
  it("the home page links 写本周周报 to GitHub's new-file page, and the scaffold in it passes npm run check", async () => {
    const { page } = await openPage(browser, server.url);
    const link = page.getByRole("link", { name: "写本周周报" });
    expect(await link.count()).toBe(1);
    const href = (await link.getAttribute("href"))!;
    await page.close();

    const week = /filename=content\/weeks\/(\d{4}-W\d{2})\.mdx&value=/.exec(href)?.[1];
    expect(href.startsWith(`https://github.com/acme/weekly/new/main?filename=content/weeks/${week}.mdx&value=`)).toBe(true);
    expect(weeksDuringBuild.has(week!)).toBe(true);
    const value = new URL(href).searchParams.get("value")!;
    expect(value).toMatch(new RegExp(`^---\\nweek: ${week}\\n`));
    // The scaffold is npm run new's: the seed's projects, and its plans as a checklist to tick.
    expect(value).toContain("- 【贝易转（C转）】");
    expect(value).toContain("- [ ] 贝易转研发和测试进度、质量跟进");

    // Next to the seed in a copy of the content, as the pull request would add it.
    const content = join(BASE, "content");
    rmSync(content, { recursive: true, force: true });
    cpSync("content", content, { recursive: true });
    writeFileSync(join(content, "weeks", `${week}.mdx`), value);
    const r = spawnSync("node_modules/.bin/node", ["scripts/check.ts"], {
      encoding: "utf8",
      env: { ...cleanEnv(), WEEKLY_ARCHIVE_CONTENT: content },
      timeout: 120_000,
    });
    expect(r.stdout + r.stderr).toMatch(/^通过：/m);
    expect(r.stdout).not.toContain(`${week}.mdx:` + " error");
    expect(r.status).toBe(0);
  });

  it("the archive page has the same 写本周周报 link", async () => {
    const home = await hrefs(server.url, "[data-github=write] a");
    const archive = await hrefs(server.url + "weeks/", "[data-github=write] a");
    expect(archive).toHaveLength(1);
    expect(archive).toEqual(home);
  });

  it("each week page links 在 GitHub 上编辑 and 查看历史 to its file", async () => {
    const { page } = await openPage(browser, server.url + "weeks/2024-w17/");
    expect(await page.getByRole("link", { name: "在 GitHub 上编辑" }).getAttribute("href")).toBe(
      "https://github.com/acme/weekly/edit/main/content/weeks/2024-W17.mdx",
    );
    expect(await page.getByRole("link", { name: "查看历史" }).getAttribute("href")).toBe(
      "https://github.com/acme/weekly/commits/main/content/weeks/2024-W17.mdx",
    );
    await page.close();
  });
});

describe("the site built by the e2e setup", () => {
  // Locally no repository is set, so no link may appear; under Actions the build saw GITHUB_REPOSITORY.
  const setting = readRepositorySetting(process.env);
  const site = inject("siteUrl");

  it(setting ? `links to ${setting.repository}, as the build environment says` : "shows no GitHub link without the setting", async () => {
    for (const path of ["", "weeks/", "weeks/2024-w17/"]) {
      const links = await hrefs(site + path, 'a[href*="github.com"], [data-github] a');
      if (setting) expect(links.every((l) => l.startsWith(`${setting.server}/${setting.repository}/`))).toBe(true);
      else expect(links).toEqual([]);
    }
  });
});

/**
 * A built site with the allowed inline HTML and the hostile weeks the check lets through (the
 * sanitizer's cases) carries no executable vector in any file it publishes: pages, feed, sitemap,
 * search records. And the allowed HTML renders as elements a reader sees, not as literal tags.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Element } from "hast";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findExecutableVectors, type Vector } from "../support/executable-vectors.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { buildCorpusSite, type CorpusSite } from "./corpus.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

const HOSTILE = "tests/fixtures/hostile/html";
interface Case {
  file: string;
  expect: "rejected" | "safe";
}

/** The corpus's safe hostile weeks, renumbered into 2016 so they sit beside the generated weeks. */
function safeWeeks(): Record<string, string> {
  const cases = (JSON.parse(readFileSync(join(HOSTILE, "cases.json"), "utf8")) as Case[]).filter((c) => c.expect === "safe");
  const weeks: Record<string, string> = {};
  cases.forEach((c, i) => {
    const week = `2016-W${String(i + 1).padStart(2, "0")}`;
    let source = readFileSync(join(HOSTILE, c.file), "utf8").replace("week: 2024-W18", `week: ${week}`);
    // The feed's description is the summary: markup there must reach RSS readers as text.
    if (c.file === "escaped-tags.mdx")
      source = source.replace(`week: ${week}\n`, `week: ${week}\nsummary: "<img src=x onerror=alert(1)> <script>alert(2)</script>"\n`);
    weeks[`${week}.mdx`] = source;
  });
  return weeks;
}

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(parseInt(e.slice(e[1] === "x" || e[1] === "X" ? 2 : 1), e[1] === "x" || e[1] === "X" ? 16 : 10))
      : (XML_ENTITIES[e] ?? m),
  );
}

/**
 * The site's own scripts (Astro's module scripts, the inline search highlighter) are the ones outside
 * every container that receives a week's HTML: `set:html` is used only in `article.week-body` and `.prose`.
 */
const siteScript = (_el: Element, ancestors: readonly Element[]) =>
  !ancestors.some((a) => a.tagName === "article" || (Array.isArray(a.properties.className) && a.properties.className.includes("prose")));

const SCRIPT_URL = /^[\u0000-\u0020]*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t|d\s*a\s*t\s*a)\s*:/i;

/** Every vector in one published file, by its kind. */
function scanFile(path: string): Vector[] {
  const bytes = readFileSync(path);
  if (path.endsWith(".html")) return findExecutableVectors(bytes.toString("utf8"), siteScript);
  if (path.endsWith(".xml")) {
    const xml = bytes.toString("utf8");
    const vectors: Vector[] = [];
    // RSS readers read a description as HTML (entity-decoded once from the XML).
    for (const m of xml.matchAll(/<description>([\s\S]*?)<\/description>/g)) vectors.push(...findExecutableVectors(decodeXml(m[1]!)));
    for (const m of xml.matchAll(/<(link|loc|guid)>([\s\S]*?)<\/\1>/g))
      if (SCRIPT_URL.test(decodeXml(m[2]!))) vectors.push({ what: `<${m[1]}> script URL`, near: m[2]! });
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(xml)) vectors.push({ what: "on*= in XML", near: path });
    return vectors;
  }
  if (path.endsWith(".json") || path.endsWith(".json.gz")) {
    const data: unknown = JSON.parse((path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8"));
    const vectors: Vector[] = [];
    // Records hold text the search page inserts as text nodes; a URL among them must not be a script.
    const walk = (v: unknown, key: string): void => {
      if (typeof v === "string") {
        if (SCRIPT_URL.test(v)) vectors.push({ what: `script URL in "${key}"`, near: v.slice(0, 80) });
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(data, "");
    return vectors;
  }
  return [];
}

let site: CorpusSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = buildCorpusSite("e2e-hostile-html", { count: 12, seed: 5, extraWeeks: safeWeeks() }, { WEEKLY_ARCHIVE_PUBLIC: "1", SITE: "https://archive.example" });
  server = await serveStatic(site.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a built site with allowed HTML and the sanitizer's hostile weeks", () => {
  it("publishes no script URL, on* handler or foreign <script> in any page, feed or search record", () => {
    const files = (readdirSync(site.dist, { recursive: true }) as string[]).map((f) => join(site.dist, f));
    const scanned = files.filter((f) => /\.(html|xml|json|json\.gz)$/.test(f));
    // The scan must have seen the kinds of file it is about.
    expect(scanned.some((f) => f.endsWith("rss.xml"))).toBe(true);
    expect(scanned.some((f) => f.endsWith(".json.gz"))).toBe(true);
    expect(scanned.filter((f) => f.endsWith(".html")).length).toBeGreaterThan(20);
    const found = scanned.flatMap((f) => scanFile(f).map((v) => `${f}: ${v.what} ${v.near}`));
    expect(found).toEqual([]);
    // …and the feed did carry the hostile summary, as text.
    expect(readFileSync(join(site.dist, "rss.xml"), "utf8")).toContain("&amp;#x3C;img src=x onerror=alert(1)&gt;");
  });

  it("renders <details><summary> as a disclosure and <u> underlined, not as literal tags", async () => {
    const { page } = await openPage(browser, `${server.url}weeks/2016-w01/`);
    const seen = await page.evaluate(() => {
      const article = document.querySelector("article.week-body")!;
      const details = article.querySelector("details");
      const summary = details?.querySelector(":scope > summary");
      const u = article.querySelector("u");
      return {
        literal: /<\/?(u|details|summary|kbd|mark|br|sup|sub|ins|del|s|img)\b/.test(article.textContent ?? ""),
        summary: summary?.textContent,
        open: details?.open,
        underline: u ? getComputedStyle(u).textDecorationLine : "",
        mark: !!article.querySelector("mark"),
        kbd: article.querySelector("kbd")?.textContent,
        img: article.querySelector("img")?.getAttribute("src"),
      };
    });
    expect(seen).toEqual({
      literal: false,
      summary: "展开看细节",
      open: true,
      underline: "underline",
      mark: true,
      kbd: "Ctrl",
      img: "https://a.example/chart.png",
    });
    // The project timeline shows the same item with its HTML rendered.
    const href = await page.locator("article.week-body a.project-link").first().getAttribute("href");
    await page.close();
    const timeline = await openPage(browser, new URL(href!, server.url).href);
    expect(await timeline.page.locator(".prose u", { hasText: "下划线" }).count()).toBeGreaterThan(0);
    expect(await timeline.page.locator(".prose mark", { hasText: "重点" }).count()).toBeGreaterThan(0);
    await timeline.page.close();
  });
});

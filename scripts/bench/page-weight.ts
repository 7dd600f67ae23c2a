/**
 * What a page costs a reader before search is used: its HTML, and every script it runs on load —
 * external scripts fetched (module imports included) plus inline scripts — measured in Chromium.
 */
import type { Browser } from "playwright-core";

export interface PageWeight {
  path: string;
  htmlBytes: number;
  /** External script bytes fetched plus inline script bytes, after load and a quiet second. */
  jsBytes: number;
  scripts: string[];
}

/** Loads `path` under `siteUrl` in a fresh context (empty cache) and adds up its scripts. */
export async function measurePageWeight(browser: Browser, siteUrl: string, path: string, htmlBytes: number): Promise<PageWeight> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pending: Promise<number>[] = [];
    const scripts: string[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script") return;
      scripts.push(new URL(res.url()).pathname);
      pending.push(
        res.body().then(
          (b) => b.length,
          () => 0,
        ),
      );
    });
    await page.goto(new URL(path, siteUrl).href, { waitUntil: "networkidle" });
    // Scripts loaded on idle still count; search loads only on focus or typing, which never happens here.
    await page.waitForTimeout(1000);
    const inline = await page.evaluate(() =>
      [...document.scripts].filter((s) => !s.src).reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? "").length, 0),
    );
    const external = (await Promise.all(pending)).reduce((a, b) => a + b, 0);
    return { path, htmlBytes, jsBytes: external + inline, scripts };
  } finally {
    await context.close();
  }
}

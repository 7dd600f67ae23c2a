/**
 * Reads a built site from its files: what a crawler or a reader following links would find, with no
 * browser and none of the site's own code. Truth about which weeks exist comes from the week files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import { expect } from "vitest";

/** The hrefs of a built page's `<a>` elements whose `rel` names `rel`, in document order. */
export function linksWithRel(dist: string, page: string, rel: string): string[] {
  const tree = fromHtml(readFileSync(join(dist, page, "index.html"), "utf8"));
  const hrefs: string[] = [];
  visit(tree, "element", (el: Element) => {
    const rels = el.properties.rel;
    if (el.tagName === "a" && Array.isArray(rels) && rels.map(String).includes(rel)) hrefs.push(String(el.properties.href));
  });
  return hrefs;
}

/** `2024-W17` from a week page link such as `/base/weeks/2024-w17/#p-x`. */
export function weekOfHref(href: string): string {
  const m = /\/weeks\/(\d{4}-w\d{2})\/?(?:#.*)?$/i.exec(href);
  expect(m, `${href} links a week page`).not.toBeNull();
  return m![1]!.toUpperCase();
}

/** The weeks a content folder publishes: its week files, drafts left out, in ISO order. */
export function publishedWeeks(weeksDir: string): string[] {
  return readdirSync(weeksDir)
    .filter((f) => /^\d{4}-W\d{2}\.mdx$/.test(f))
    .filter((f) => !/^draft:\s*true\s*$/m.test(readFileSync(join(weeksDir, f), "utf8").split(/^---\s*$/m)[1] ?? ""))
    .map((f) => f.replace(/\.mdx$/, ""))
    .sort();
}

/**
 * Every week page links its neighbours in the archive and nothing else: the first week has no
 * previous link, the last no next one, every other week exactly one of each, to the weeks before
 * and after it (which need not be the adjacent ISO weeks).
 */
export function expectWeekChain(dist: string, weeks: readonly string[]): void {
  expect(weeks.length).toBeGreaterThan(0);
  weeks.forEach((week, i) => {
    const page = join("weeks", week.toLowerCase());
    expect(existsSync(join(dist, page, "index.html")), `${week} has a page`).toBe(true);
    expect(linksWithRel(dist, page, "prev").map(weekOfHref), `${week}'s previous link`).toEqual(i > 0 ? [weeks[i - 1]] : []);
    expect(linksWithRel(dist, page, "next").map(weekOfHref), `${week}'s next link`).toEqual(i < weeks.length - 1 ? [weeks[i + 1]] : []);
  });
}

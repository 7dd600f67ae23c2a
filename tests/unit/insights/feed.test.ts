import { describe, expect, it } from "vitest";
import { feedItems, publishedAt, publishesFeeds } from "../../../src/lib/insights/feed.ts";
import { week } from "./helpers.ts";

describe("feeds", () => {
  it.each([
    [{ private: true, site: "https://weeks.example.test" }, false],
    [{ private: true, site: undefined }, false],
    [{ private: false, site: undefined }, false],
    [{ private: false, site: "https://weeks.example.test" }, true],
  ])("publishes a feed and sitemap for %j: %s", (config, expected) => {
    expect(publishesFeeds(config)).toBe(expected);
  });

  const weeks = [
    week("2024-W16", "- 【贝易转】\n    1. 联调完成\n", 'created: "2024-04-19T18:00+08:00"\n'),
    week("2024-W17", "- 【贝易转】\n    1. 上线准备\n", 'summary: "贝易转上线准备"\n'),
  ];

  it("lists the newest weeks first with a link, a date and a summary", () => {
    const items = feedItems(weeks, (slug) => `/weeks/${slug}/`);
    expect(items.map((i) => [i.title, i.link, i.description])).toEqual([
      ["2024-W17", "/weeks/2024-w17/", "贝易转上线准备"],
      ["2024-W16", "/weeks/2024-w16/", "【贝易转】 联调完成"],
    ]);
    expect(feedItems(weeks, (s) => s, 1)).toHaveLength(1);
  });

  it("gives RSS readers the text as escaped HTML, so markup in a summary stays text", () => {
    const hostile = week("2024-W18", "- 正文\n", 'summary: "<img src=x onerror=alert(1)> & <script>alert(2)</script>"\n');
    const [item] = feedItems([hostile], (s) => s);
    expect(item!.description).toBe("&#x3C;img src=x onerror=alert(1)> &#x26; &#x3C;script>alert(2)&#x3C;/script>");
  });

  it("dates a week by its created time, else its Friday", () => {
    expect(publishedAt(weeks[0]!).toISOString()).toBe("2024-04-19T10:00:00.000Z");
    const friday = publishedAt(weeks[1]!);
    expect([friday.getFullYear(), friday.getMonth() + 1, friday.getDate()]).toEqual([2024, 4, 26]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildNewWeek } from "../../../src/lib/import/new-week-template.ts";
import { editUrl, encodePath, historyUrl, MAX_URL_LENGTH, newFileUrl, writeWeekLink } from "../../../src/lib/github/links.ts";
import { buildSiteGitHubLinks, repositoryPath } from "../../../src/lib/github/site-links.ts";
import type { RepositorySetting } from "../../../src/lib/github/repository.ts";
import type { WeekId } from "../../../src/lib/week-id.ts";

const repo: RepositorySetting = { server: "https://github.com", repository: "acme/weekly", branch: "main", from: "GITHUB_REPOSITORY" };
const SEED = readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8");

describe("GitHub URLs", () => {
  it("edit and history point at the file on the branch", () => {
    expect(editUrl(repo, "content/weeks/2024-W17.mdx")).toBe("https://github.com/acme/weekly/edit/main/content/weeks/2024-W17.mdx");
    expect(historyUrl(repo, "content/weeks/2024-W17.mdx")).toBe("https://github.com/acme/weekly/commits/main/content/weeks/2024-W17.mdx");
  });

  it("encodes every path segment and keeps the slashes between them", () => {
    expect(encodePath("content/weeks/2024 W17#?%.mdx")).toBe("content/weeks/2024%20W17%23%3F%25.mdx");
    expect(editUrl({ ...repo, branch: "release/周报" }, "内容/weeks/a b.mdx")).toBe(
      "https://github.com/acme/weekly/edit/release/%E5%91%A8%E6%8A%A5/%E5%86%85%E5%AE%B9/weeks/a%20b.mdx",
    );
  });

  it("the new-file URL carries the name and the text, which decodes back exactly", () => {
    const value = "---\nweek: 2024-W18\n---\n\n- 【贝易转】 50% & <b> #1 ?a=b\n";
    const url = new URL(newFileUrl(repo, "content/weeks/2024-W18.mdx", value));
    expect(url.origin + url.pathname).toBe("https://github.com/acme/weekly/new/main");
    expect(url.searchParams.get("filename")).toBe("content/weeks/2024-W18.mdx");
    expect(url.searchParams.get("value")).toBe(value);
  });
});

describe("writeWeekLink", () => {
  const input = { week: "2024-W18", path: "content/weeks/2024-W18.mdx", exists: false };

  it("prefills the seed-based scaffold, which fits in a URL", () => {
    const scaffold = buildNewWeek({ week: "2024-W18" as WeekId, latest: { week: "2024-W17", source: SEED }, now: new Date("2024-04-27T10:00:00+08:00") });
    const link = writeWeekLink(repo, { ...input, scaffold });
    expect(link.kind).toBe("new");
    expect(link.href.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(new URL(link.href).searchParams.get("value")).toBe(scaffold);
  });

  it("falls back to the name only, keeping the whole scaffold to show, when the URL would pass the limit", () => {
    const scaffold = "- 【项目】\n    1. （待填写）\n".repeat(200);
    const link = writeWeekLink(repo, { ...input, scaffold });
    expect(link).toMatchObject({ kind: "new-without-value", scaffold });
    expect(link.href).toBe("https://github.com/acme/weekly/new/main?filename=content/weeks/2024-W18.mdx");
  });

  it("opens the editor when the week's file exists already", () => {
    expect(writeWeekLink(repo, { ...input, scaffold: "x", exists: true })).toEqual({
      kind: "edit",
      week: "2024-W18",
      href: "https://github.com/acme/weekly/edit/main/content/weeks/2024-W18.mdx",
    });
  });
});

describe("buildSiteGitHubLinks", () => {
  const weeks = [{ week: "2024-W17", slug: "2024-w17", file: "content/weeks/2024-W17.mdx", source: SEED }];
  const now = new Date(2024, 3, 24, 12); // local Wednesday of 2024-W17

  it("is absent without a repository setting", () => {
    expect(buildSiteGitHubLinks({ setting: undefined, weeks, contentDir: "content", root: "/repo", now })).toBeUndefined();
  });

  it("links the build's week and each week's file by its path in the repository", () => {
    const links = buildSiteGitHubLinks({ setting: repo, weeks, contentDir: "content", root: "/repo", now: new Date(2024, 4, 1, 12) })!;
    expect(links.write).toMatchObject({ kind: "new", week: "2024-W18" });
    const url = new URL(links.write.href);
    expect(url.searchParams.get("filename")).toBe("content/weeks/2024-W18.mdx");
    // The same scaffold npm run new writes: last week's projects and its plans as a checklist.
    expect(url.searchParams.get("value")).toBe(
      buildNewWeek({ week: "2024-W18" as WeekId, latest: { week: "2024-W17", source: SEED }, now: new Date(2024, 4, 1, 12) }),
    );
    expect(links.weeks.get("2024-w17")).toEqual({
      edit: "https://github.com/acme/weekly/edit/main/content/weeks/2024-W17.mdx",
      history: "https://github.com/acme/weekly/commits/main/content/weeks/2024-W17.mdx",
    });
  });

  it("offers to edit this week when its file exists, also when the site does not show it (a draft)", () => {
    expect(buildSiteGitHubLinks({ setting: repo, weeks, contentDir: "content", root: "/repo", now })!.write.kind).toBe("edit");
    const may = new Date(2024, 4, 1, 12);
    expect(buildSiteGitHubLinks({ setting: repo, weeks, contentDir: "content", root: "/repo", now: may })!.write.kind).toBe("new");
    const draft = buildSiteGitHubLinks({ setting: repo, weeks, contentDir: "content", root: "/repo", now: may, filesOnDisk: ["2024-W17.mdx", "2024-W18.mdx"] });
    expect(draft!.write).toEqual({ kind: "edit", week: "2024-W18", href: "https://github.com/acme/weekly/edit/main/content/weeks/2024-W18.mdx" });
  });

  it("gives no links for content outside the repository", () => {
    expect(repositoryPath("/elsewhere/weeks/a.mdx", "/repo")).toBeUndefined();
    expect(repositoryPath("../x/a.mdx", "/repo")).toBeUndefined();
    expect(repositoryPath("tmp/c/weeks/a.mdx", "/repo")).toBe("tmp/c/weeks/a.mdx");
    expect(buildSiteGitHubLinks({ setting: repo, weeks, contentDir: "/elsewhere", root: "/repo", now })).toBeUndefined();
  });
});

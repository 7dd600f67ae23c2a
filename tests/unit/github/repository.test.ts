import { describe, expect, it } from "vitest";
import { isBranchName, readRepositorySetting, RepositorySettingError } from "../../../src/lib/github/repository.ts";

describe("readRepositorySetting", () => {
  it("is absent without SITE_REPOSITORY or GITHUB_REPOSITORY, so no GitHub links are shown", () => {
    expect(readRepositorySetting({})).toBeUndefined();
    expect(readRepositorySetting({ GITHUB_REPOSITORY: "", SITE_REPOSITORY: "  " })).toBeUndefined();
    expect(readRepositorySetting({ SITE_BRANCH: "main" })).toBeUndefined();
  });

  it("takes GITHUB_REPOSITORY from Actions, and SITE_REPOSITORY over it", () => {
    expect(readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly" })).toEqual({
      server: "https://github.com",
      repository: "acme/weekly",
      branch: "main",
      from: "GITHUB_REPOSITORY",
    });
    expect(readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly", SITE_REPOSITORY: "pay-team/reports.zh" })).toMatchObject({
      repository: "pay-team/reports.zh",
      from: "SITE_REPOSITORY",
    });
  });

  it("SITE_REPOSITORY=off turns the links off even under Actions", () => {
    expect(readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly", SITE_REPOSITORY: "off" })).toBeUndefined();
  });

  it.each([
    [{ SITE_BRANCH: "release/2024", GITHUB_BASE_REF: "main", GITHUB_REF_NAME: "x" }, "release/2024"],
    // On a pull request GITHUB_REF_NAME is `12/merge`; the links must open the base branch.
    [{ GITHUB_BASE_REF: "develop", GITHUB_REF_NAME: "12/merge" }, "develop"],
    [{ GITHUB_BASE_REF: "", GITHUB_REF_NAME: "trunk" }, "trunk"],
    [{ GITHUB_REF_NAME: "v1.0", GITHUB_REF_TYPE: "tag" }, "main"],
    [{}, "main"],
  ])("branch from %o is %s", (env, branch) => {
    expect(readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly", ...env })!.branch).toBe(branch);
  });

  it.each([
    "acme",
    "acme/weekly/extra",
    "/weekly",
    "acme/",
    "-acme/weekly",
    "ac--me/weekly",
    "acme/..",
    "acme/week ly",
    "acme/weekly?x=1",
    "acme/weekly#a",
    'acme/"><script>',
    "https://github.com/acme/weekly",
    "a".repeat(40) + "/weekly",
  ])("refuses %j with an error naming the variable and the expected shape", (value) => {
    expect(() => readRepositorySetting({ SITE_REPOSITORY: value })).toThrow(RepositorySettingError);
    expect(() => readRepositorySetting({ SITE_REPOSITORY: value })).toThrow(/SITE_REPOSITORY.*owner\/name/);
  });

  it("refuses a branch or server that would break the URLs", () => {
    expect(() => readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly", SITE_BRANCH: "a b" })).toThrow(/SITE_BRANCH/);
    expect(() => readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly", SITE_BRANCH: "x?y" })).toThrow(/SITE_BRANCH/);
    expect(() => readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly", GITHUB_SERVER_URL: "javascript:alert(1)" })).toThrow(/GITHUB_SERVER_URL/);
    expect(readRepositorySetting({ GITHUB_REPOSITORY: "acme/weekly", GITHUB_SERVER_URL: "https://git.example.com" })!.server).toBe("https://git.example.com");
  });

  it.each([
    ["main", true],
    ["feature/周报", true],
    ["a..b", false],
    ["a/.hidden", false],
    ["x.lock", false],
    ["-x", false],
    ["a%20b", false],
    ["", false],
  ])("isBranchName(%j) is %s", (name, ok) => {
    expect(isBranchName(name)).toBe(ok);
  });
});

/**
 * Which GitHub repository and branch hold the content, read once from the environment. The values
 * end up inside URLs on every page, so anything that is not a plain `owner/name` is refused loudly.
 */

/** Where the content lives on GitHub; absent when the site does not know, and then no GitHub links are shown. */
export interface RepositorySetting {
  /** `https://github.com`, or a GitHub Enterprise origin from `GITHUB_SERVER_URL`. */
  server: string;
  /** `owner/name`. */
  repository: string;
  /** Branch the links open and pull requests target, e.g. `main`. */
  branch: string;
  /** Which variable the repository came from, named in errors. */
  from: "SITE_REPOSITORY" | "GITHUB_REPOSITORY";
}

export class RepositorySettingError extends Error {
  override name = "RepositorySettingError";
}

type Env = Readonly<Record<string, string | undefined>>;

// GitHub's own rules: owners are alphanumeric with single inner hyphens (≤ 39), names [A-Za-z0-9._-] (≤ 100).
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function isRepositoryName(value: string): boolean {
  const [owner, name, ...rest] = value.split("/");
  return rest.length === 0 && !!owner && !!name && OWNER.test(owner) && NAME.test(name) && name !== "." && name !== "..";
}

/** A branch name git itself would accept (git check-ref-format), without control or URL-breaking characters. */
export function isBranchName(value: string): boolean {
  if (value.length === 0 || value.length > 255) return false;
  if (/[\u0000-\u0020\u007f~^:?*[\\#%]/.test(value)) return false;
  if (value.startsWith("/") || value.endsWith("/") || value.endsWith(".") || value.startsWith("-")) return false;
  if (value.includes("..") || value.includes("//") || value.includes("@{") || value === "@") return false;
  return value.split("/").every((part) => part.length > 0 && !part.startsWith(".") && !part.endsWith(".lock"));
}

const nonEmpty = (v: string | undefined) => (v && v.trim() !== "" ? v.trim() : undefined);

/**
 * `SITE_REPOSITORY` (explicit, wins; `off` turns the links off) or `GITHUB_REPOSITORY` (set by Actions).
 * Branch: `SITE_BRANCH`, else the pull request's base (`GITHUB_BASE_REF`; `GITHUB_REF_NAME` is `N/merge`
 * there), else the pushed branch (`GITHUB_REF_NAME`, not a tag), else `main`.
 */
export function readRepositorySetting(env: Env): RepositorySetting | undefined {
  const explicit = nonEmpty(env.SITE_REPOSITORY);
  if (explicit?.toLowerCase() === "off") return undefined;
  const repository = explicit ?? nonEmpty(env.GITHUB_REPOSITORY);
  if (!repository) return undefined;
  const from = explicit ? "SITE_REPOSITORY" : "GITHUB_REPOSITORY";
  if (!isRepositoryName(repository))
    throw new RepositorySettingError(
      `${from}=${JSON.stringify(repository)} 不是 GitHub 仓库名：应为 owner/name，例如 acme/weekly；` +
        `要关闭 GitHub 链接，设 SITE_REPOSITORY=off ` +
        `(${from} must look like owner/name, e.g. acme/weekly; set SITE_REPOSITORY=off to turn the GitHub links off)`,
    );

  const refName = env.GITHUB_REF_TYPE === "tag" ? undefined : nonEmpty(env.GITHUB_REF_NAME);
  const [branchFrom, branch] = nonEmpty(env.SITE_BRANCH)
    ? ["SITE_BRANCH", nonEmpty(env.SITE_BRANCH)!]
    : nonEmpty(env.GITHUB_BASE_REF)
      ? ["GITHUB_BASE_REF", nonEmpty(env.GITHUB_BASE_REF)!]
      : refName
        ? ["GITHUB_REF_NAME", refName]
        : ["default", "main"];
  if (!isBranchName(branch))
    throw new RepositorySettingError(
      `${branchFrom}=${JSON.stringify(branch)} 不是有效的分支名：例如 main 或 release/2024 ` + `(${branchFrom} is not a valid branch name, e.g. main)`,
    );

  const server = nonEmpty(env.GITHUB_SERVER_URL) ?? "https://github.com";
  if (!/^https:\/\/[A-Za-z0-9.-]+(?::\d+)?$/.test(server))
    throw new RepositorySettingError(
      `GITHUB_SERVER_URL=${JSON.stringify(server)} 应为 https://主机名，例如 https://github.com ` +
        `(GITHUB_SERVER_URL must be an https origin without a path)`,
    );
  return { server, repository, branch, from };
}

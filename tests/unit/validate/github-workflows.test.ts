import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { renderJobSummary } from "../../../src/lib/github/job-summary.ts";

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  id?: string;
  if?: string;
  "continue-on-error"?: boolean | string;
};
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
};

const load = (file: string) => parse(readFileSync(file, "utf8")) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const uses = (w: Workflow) => steps(w).flatMap((s) => (s.uses ? [s.uses] : []));
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));

/** The README's "two commands on a fresh machine" block, one command a line, comments dropped. */
function readmeCommands(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const block = /^## 两条命令[^\n]*\n[\s\S]*?```sh\n([\s\S]*?)```/m.exec(readme)?.[1];
  expect(block, "README has the two-commands block").toBeDefined();
  return block!
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean);
}

/**
 * Where in the workflow's steps `command` runs (a line of a step's `run:`, arguments allowed), asserting
 * that it is there and that its failure fails the job.
 */
function gatingStepAt(w: Workflow, command: string): number {
  const all = steps(w);
  const i = all.findIndex((s) => s.run?.split("\n").some((line) => line.trim() === command || line.trim().startsWith(`${command} `)));
  expect(i, `the workflow runs ${command}`).toBeGreaterThanOrEqual(0);
  expect(all[i]!["continue-on-error"] ?? false, `${command} must fail the job`).toBe(false);
  expect(all[i]!.if ?? "success()", `${command} runs whenever the steps before it passed`).toMatch(/^(success\(\)|\$\{\{\s*success\(\)\s*\}\})$/);
  return i;
}

describe(".github/workflows", () => {
  const ci = load(".github/workflows/ci.yml");
  const pages = load(".github/workflows/pages.yml");

  it("use only GitHub's own actions, each at a fixed release", () => {
    // A third-party action would run with the Pages deploy token; a branch ref would change under us.
    for (const u of [...uses(ci), ...uses(pages)]) {
      expect(u, `${u} is one of GitHub's actions/*`).toMatch(/^actions\/[a-z0-9-]+@/);
      expect(u.split("@")[1], `${u} names a release tag or a commit`).toMatch(/^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    }
  });

  it("CI runs on every pull request and on pushes to main: install, check, build, then the README's test command", () => {
    expect(ci.on).toHaveProperty("pull_request");
    // No branch or path filter: a pull request that only adds a week must still be checked.
    expect((ci.on.pull_request as { branches?: unknown; paths?: unknown } | null)?.branches).toBeUndefined();
    expect((ci.on.pull_request as { branches?: unknown; paths?: unknown } | null)?.paths).toBeUndefined();
    expect(ci.on).toMatchObject({ push: { branches: expect.arrayContaining(["main"]) } });

    const commands = readmeCommands();
    const install = commands[0]!.split("&&")[0]!.trim();
    const test = commands.find((c) => /^npm (run )?test\b/.test(c))!;
    expect(install).toBe("npm ci");
    expect(test, "README names a test command").toBeDefined();
    const order = [install, "npm run check", "npm run build", test].map((c) => gatingStepAt(ci, c));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs(ci).join("\n")).toMatch(/apt-get install[^\n]*chromium[^\n]*fonts-noto-cjk/);
    expect(steps(ci).find((s) => s.uses?.startsWith("actions/setup-node"))!.with!["node-version-file"]).toBe(".nvmrc");
    expect(steps(ci).find((s) => s.uses?.startsWith("actions/upload-artifact"))!.with!.path).toBe("dist/");
    expect(ci.permissions).toEqual({ contents: "read" });
  });

  it("CI gives the check the history to diff a pull request, and uploads the artifact the summary tells reviewers to open", () => {
    const checkout = steps(ci).find((s) => s.uses?.startsWith("actions/checkout"))!;
    // With the default shallow clone origin/<base> is missing and the summary falls back to all weeks.
    expect(String(checkout.with?.["fetch-depth"])).toBe("0");
    const checkout_i = steps(ci).indexOf(checkout);
    expect(steps(ci).findIndex((s) => s.run === "npm run check")).toBeGreaterThan(checkout_i);
    const upload = steps(ci).find((s) => s.uses?.startsWith("actions/upload-artifact"))!;
    const md = renderJobSummary({ scope: { kind: "all", reason: "x" }, weeks: [], otherProblems: [], checkedFiles: 0 });
    // GitHub hands an artifact out as <name>.zip holding the uploaded folder's contents.
    expect(md).toContain(`unzip ${upload.with!.name}.zip -d dist && npx --yes serve dist`);
  });

  it("Pages rebuilds as each week starts, in the team's time zone, so 写本周周报 moves to the new week", () => {
    const schedule = (pages.on as { schedule?: { cron: string }[] }).schedule;
    expect(schedule?.length).toBeGreaterThan(0);
    const build = (pages.jobs.build as unknown as { env: Record<string, string> }).env;
    expect(build.TZ).toBeTruthy();
    // cron runs in UTC: the hour it names, shifted into TZ, must be early on a Monday.
    const [min, hour, , , dow] = schedule![0]!.cron.split(" ").map(Number) as number[];
    const at = new Date(Date.UTC(2024, 3, 14 + dow!, hour, min)); // 2024-04-14 is a Sunday
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: build.TZ, weekday: "short", hour: "2-digit", hourCycle: "h23" }).formatToParts(at);
    expect(local.find((p) => p.type === "weekday")!.value).toBe("Mon");
    expect(Number(local.find((p) => p.type === "hour")!.value)).toBeLessThan(6);
  });

  it("Pages deploys main with SITE and BASE_PATH from configure-pages", () => {
    expect(pages.on).toMatchObject({ push: { branches: ["main"] } });
    expect(pages.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const configure = steps(pages).find((s) => s.uses?.startsWith("actions/configure-pages"))!;
    const build = steps(pages).find((s) => s.run === "npm run build")!;
    expect(build.env).toEqual({
      SITE: `\${{ steps.${configure.id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${configure.id}.outputs.base_path }}`,
    });
    // A week the check rejects never reaches the public site.
    expect(gatingStepAt(pages, "npm run check")).toBeLessThan(gatingStepAt(pages, "npm run build"));
    expect(steps(pages).find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))!.with!.path).toBe("dist/");
    expect(pages.jobs.deploy!.needs).toBe("build");
    expect(pages.jobs.deploy!.environment!.name).toBe("github-pages");
  });

  it("the pull request template and CONTRIBUTING.md exist and point at the check", () => {
    expect(existsSync(".github/pull_request_template.md")).toBe(true);
    expect(readFileSync(".github/pull_request_template.md", "utf8")).toContain("npm run check");
    const contributing = readFileSync("CONTRIBUTING.md", "utf8");
    for (const s of ["npm run new", "npm run import", "npm run check", "English summary", "【O1 业务服务】", "- [x]"]) expect(contributing).toContain(s);
  });
});

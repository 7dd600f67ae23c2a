import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { renderJobSummary } from "../../../src/lib/github/job-summary.ts";

type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string>; id?: string };
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
};

const load = (file: string) => parse(readFileSync(file, "utf8")) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const uses = (w: Workflow) => steps(w).flatMap((s) => (s.uses ? [s.uses] : []));
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));

/** Current majors of the official actions (checked against their release history, 2026). */
const MAJORS: Record<string, number> = {
  "actions/checkout": 7,
  "actions/setup-node": 7,
  "actions/upload-artifact": 7,
  "actions/configure-pages": 6,
  "actions/upload-pages-artifact": 5,
  "actions/deploy-pages": 5,
};

describe(".github/workflows", () => {
  const ci = load(".github/workflows/ci.yml");
  const pages = load(".github/workflows/pages.yml");

  it("are valid YAML using current majors of official actions only", () => {
    for (const u of [...uses(ci), ...uses(pages)]) {
      const [name, version] = u.split("@");
      expect(MAJORS[name!], `${u} is not an expected action`).toBeDefined();
      expect(version).toBe(`v${MAJORS[name!]}`);
    }
  });

  it("CI runs on pull requests and pushes: npm ci, check, build, test, then uploads dist/", () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["pull_request", "push"]));
    const commands = runs(ci).join("\n");
    const order = ["npm ci", "npm run check", "npm run build", "npm test"].map((c) => commands.indexOf(c));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(commands).toMatch(/apt-get install[^\n]*chromium[^\n]*fonts-noto-cjk/);
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
    expect(runs(pages)).toContain("npm run check");
    expect(steps(pages).find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))!.with!.path).toBe("dist/");
    expect(pages.jobs.deploy!.needs).toBe("build");
    expect(pages.jobs.deploy!.environment!.name).toBe("github-pages");
  });

  it("the pull request template and CONTRIBUTING.md exist and point at the check", () => {
    expect(existsSync(".github/pull_request_template.md")).toBe(true);
    expect(readFileSync(".github/pull_request_template.md", "utf8")).toContain("npm run check");
    const contributing = readFileSync("CONTRIBUTING.md", "utf8");
    for (const s of ["npm run new", "npm run import", "npm run check", "English summary", "【O1 业务服务】", "- [x]"])
      expect(contributing).toContain(s);
  });
});

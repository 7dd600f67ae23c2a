import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { validateWeeksIntegration } from "../../../src/integrations/validate-weeks.ts";
import { currentBuildSession, endBuildSession } from "../../../src/lib/build-session.ts";

const cacheDir = mkdtempSync(join(tmpdir(), "weekly-integration-cache-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function runSetup(contentDir: string) {
  const logs: string[] = [];
  const logger = {
    info: (m: string) => logs.push(`info ${m}`),
    warn: (m: string) => logs.push(`warn ${m}`),
    error: (m: string) => logs.push(`error ${m}`),
    debug: () => {},
    fork: () => logger,
    label: "test",
  };
  const integration = validateWeeksIntegration({ contentDir });
  const hook = integration.hooks["astro:config:setup"]!;
  const config = { root: pathToFileURL(process.cwd() + "/"), base: "/", cacheDir: pathToFileURL(`${cacheDir}/`) };
  const run = () => (hook as (o: unknown) => void)({ config, logger, command: "build" });
  return { run, logs };
}

describe("validateWeeksIntegration", () => {
  it("lets clean content through", () => {
    const { run, logs } = runSetup("content");
    expect(run).not.toThrow();
    expect(logs.at(-1)).toMatch(/^info 通过/);
  });

  it("hands a build the checked weeks, parsed, and their search records", () => {
    runSetup("content").run();
    const prefetched = currentBuildSession()?.prefetched;
    endBuildSession();
    expect(prefetched?.base).toBe("/");
    expect(prefetched?.files.map((f) => f.path)).toEqual([`${process.cwd()}/content/weeks/2024-W17.mdx`]);
    expect(prefetched?.files[0]!.parsed.report.projects.map((p) => p.name)).toContain("贝易转（C转）");
    expect(prefetched?.records.map((r) => r.week)).toEqual(["2024-W17"]);
  });

  it.each(["esm-import", "expression", "broken-brace", "bad-week", "broken-yaml", "name-mismatch", "duplicate"])(
    "stops the build on %s with every problem in the message",
    (fixture) => {
      const { run } = runSetup(`tests/fixtures/invalid/${fixture}`);
      expect(run).toThrow(new RegExp(`周报检查未通过[\\s\\S]*tests/fixtures/invalid/${fixture}/weeks/\\S+\\.mdx:\\d+:\\d+ error`));
    },
  );
});

describe("validateWeeksIntegration in astro dev", () => {
  it("answers pages with the check's message while an edited week fails, and recovers when it is fixed", async () => {
    const { cpSync, writeFileSync } = await import("node:fs");
    const { EventEmitter } = await import("node:events");
    const dir = mkdtempSync(join(tmpdir(), "weekly-dev-"));
    cpSync("content", dir, { recursive: true });
    const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: "test" };
    const integration = validateWeeksIntegration({ contentDir: dir });
    const config = { root: pathToFileURL(process.cwd() + "/"), base: "/", cacheDir: pathToFileURL(`${cacheDir}/`) };
    (integration.hooks["astro:config:setup"] as (o: unknown) => void)({ config, logger, command: "dev" });
    const watcher = Object.assign(new EventEmitter(), { add() {} });
    const sent: { type: string; err?: { message: string } }[] = [];
    const middlewares: ((req: unknown, res: unknown, next: () => void) => void)[] = [];
    const server = { watcher, hot: { send: (m: (typeof sent)[number]) => sent.push(m) }, middlewares: { use: (f: (typeof middlewares)[number]) => middlewares.push(f) } };
    (integration.hooks["astro:server:setup"] as (o: unknown) => void)({ server, logger });
    const request = () => {
      const res = { statusCode: 200, body: "", setHeader() {}, end(b: string) { this.body = b; } };
      let passed = false;
      for (const m of middlewares) m({ headers: { accept: "text/html" } }, res, () => (passed = true));
      return { passed, ...res };
    };
    expect(request().passed).toBe(true);

    const file = join(dir, "weeks/2024-W17.mdx");
    writeFileSync(file, "---\nweek: 2024-W17\n---\n\n- 【贝易转（C转）】规则引擎 {Drools}\n");
    watcher.emit("change", file);
    const page = request();
    expect(page.passed).toBe(false);
    expect(page.statusCode).toBe(500);
    expect(page.body).toMatch(/2024-W17\.mdx:5:\d+ error/);
    expect(sent.at(-1)?.type).toBe("error");
    expect(sent.at(-1)?.err?.message).toMatch(/2024-W17\.mdx:5/);

    writeFileSync(file, "---\nweek: 2024-W17\n---\n\n- 【贝易转（C转）】规则引擎 Drools\n");
    watcher.emit("change", file);
    expect(request().passed).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { validateWeeksIntegration } from "../../../src/integrations/validate-weeks.ts";
import type { SearchWeekRecord } from "../../../src/lib/search/records.ts";
import { reportContextKey, takeCachedReports } from "../../../src/data/week-cache.ts";
import { sortedRegistry } from "../../../src/lib/registry.ts";
import { loadRegistry } from "../../../src/lib/validate/load.ts";
import { FIXTURE_CONTENT, SEED_FILE } from "../../support/fixture-content.ts";

const cacheDir = mkdtempSync(join(tmpdir(), "weekly-integration-cache-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function runSetup(contentDir: string, onPublishedRecords?: (records: SearchWeekRecord[]) => void) {
  const logs: string[] = [];
  const logger = {
    info: (m: string) => logs.push(`info ${m}`),
    warn: (m: string) => logs.push(`warn ${m}`),
    error: (m: string) => logs.push(`error ${m}`),
    debug: () => {},
    fork: () => logger,
    label: "test",
  };
  const integration = validateWeeksIntegration({ contentDir, onPublishedRecords });
  const hook = integration.hooks["astro:config:setup"]!;
  const config = { root: pathToFileURL(process.cwd() + "/"), base: "/", cacheDir: pathToFileURL(`${cacheDir}/`) };
  const plugins: { load(id: string): string | undefined; resolveId(id: string): string | undefined }[] = [];
  const updateConfig = (c: { vite: { plugins: typeof plugins } }) => plugins.push(...c.vite.plugins);
  const run = () => (hook as (o: unknown) => Promise<void>)({ config, logger, command: "build", updateConfig });
  /** The build-context module the pages import, as the Vite plugin serves it. */
  const buildContext = () => {
    const id = plugins.map((p) => p.resolveId("virtual:weekly-archive/build-context")).find(Boolean)!;
    const code = plugins.map((p) => p.load(id)).find(Boolean)!;
    return JSON.parse(code.replace(/^export default /, "").replace(/;$/, "")) as { command: string; weekCache: { file: string; version: string } | null };
  };
  return { run, logs, buildContext };
}

describe("validateWeeksIntegration", () => {
  it("lets clean content through", async () => {
    const { run, logs } = runSetup(FIXTURE_CONTENT);
    await expect(run()).resolves.toBeUndefined();
    expect(logs.at(-1)).toMatch(/^info 通过/);
  });

  it("hands the pages the checked weeks, parsed, through the build-context module, and the search its records", async () => {
    const handed: SearchWeekRecord[][] = [];
    const { run, buildContext } = runSetup(FIXTURE_CONTENT, (records) => handed.push(records));
    await run();
    const context = buildContext();
    expect(context.command).toBe("build");
    const lines = readFileSync(context.weekCache!.file, "utf8").split("\n");
    expect(lines.filter((l) => l.startsWith("r ")).length).toBe(1);
    expect(lines.find((l) => l.startsWith("r "))).toContain("贝易转（C转）");
    const seed = readFileSync(SEED_FILE, "utf8");
    const [report] = takeCachedReports(context.weekCache!.file, context.weekCache!.version, [
      [reportContextKey(sortedRegistry(loadRegistry(FIXTURE_CONTENT)), "/"), SEED_FILE, seed],
    ]);
    expect(report?.week).toBe("2024-W17");
    expect(handed.map((records) => records.map((r) => r.week))).toEqual([["2024-W17"]]);
  });

  it.each(["esm-import", "expression", "broken-brace", "bad-week", "broken-yaml", "name-mismatch", "duplicate"])(
    "stops the build on %s with every problem in the message",
    async (fixture) => {
      const handed: unknown[] = [];
      const { run } = runSetup(`tests/fixtures/invalid/${fixture}`, (r) => handed.push(r));
      await expect(run()).rejects.toThrow(new RegExp(`周报检查未通过[\\s\\S]*tests/fixtures/invalid/${fixture}/weeks/\\S+\\.mdx:\\d+:\\d+ error`));
      expect(handed).toEqual([]);
    },
  );
});

describe("validateWeeksIntegration in astro dev", () => {
  it("answers pages with the check's message while an edited week fails, and recovers when it is fixed", async () => {
    const { cpSync, writeFileSync } = await import("node:fs");
    const { EventEmitter } = await import("node:events");
    const dir = mkdtempSync(join(tmpdir(), "weekly-dev-"));
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const logger = { info() {}, warn() {}, error() {}, debug() {}, fork: () => logger, label: "test" };
    const integration = validateWeeksIntegration({ contentDir: dir });
    const config = { root: pathToFileURL(process.cwd() + "/"), base: "/", cacheDir: pathToFileURL(`${cacheDir}/`) };
    await (integration.hooks["astro:config:setup"] as (o: unknown) => Promise<void>)({ config, logger, command: "dev", updateConfig: () => {} });
    const watcher = Object.assign(new EventEmitter(), { add() {} });
    const sent: { type: string; err?: { message: string } }[] = [];
    const middlewares: ((req: unknown, res: unknown, next: () => void) => void)[] = [];
    const server = {
      watcher,
      hot: { send: (m: (typeof sent)[number]) => sent.push(m) },
      middlewares: { use: (f: (typeof middlewares)[number]) => middlewares.push(f) },
    };
    (integration.hooks["astro:server:setup"] as (o: unknown) => void)({ server, logger });
    const request = () => {
      const res = {
        statusCode: 200,
        body: "",
        setHeader() {},
        end(b: string) {
          this.body = b;
        },
      };
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

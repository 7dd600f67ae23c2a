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

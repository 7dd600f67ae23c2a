import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The real `astro build` with astro.config.mjs: the validate-weeks integration must stop it before any week
// is rendered. Each fixture's week would write a marker file if its code ever ran.
const MARKERS = ["/tmp/weekly-archive-pwned-esm", "/tmp/weekly-archive-pwned-expression"];

function build(contentDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn("node_modules/.bin/node", ["node_modules/astro/bin/astro.mjs", "build"], {
      env: { ...process.env, WEEKLY_ARCHIVE_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: "1" },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => done({ code, out }));
  });
}

describe("npm run build with a rejected week", () => {
  it("stops before rendering, naming the file, and nothing in the week runs", { timeout: 240_000 }, async () => {
    for (const m of MARKERS) rmSync(m, { force: true });
    const fixtures = ["expression", "esm-import"];
    const results = await Promise.all(fixtures.map((f) => build(`tests/fixtures/invalid/${f}`)));
    results.forEach(({ code, out }, i) => {
      expect(code, out).not.toBe(0);
      expect(out).toContain("周报检查未通过");
      expect(out).toContain(`tests/fixtures/invalid/${fixtures[i]}/weeks/2024-W17.mdx:`);
    });
    for (const m of MARKERS) expect(existsSync(m)).toBe(false);
  });
});

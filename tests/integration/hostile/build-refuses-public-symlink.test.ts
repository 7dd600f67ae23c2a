import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The real `astro build` of a copy of this project whose public/ holds a symlink to a file outside
// it: Astro copied it into dist/ as it was. The build's week check must refuse it, naming it.
const repo = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), "weekly-build-public-"));
const site = join(scratch, "site");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm run build with a symlink out of the repository in public/", () => {
  it("stops naming public/leak.txt, and dist/ gets nothing", { timeout: 240_000 }, async () => {
    for (const entry of ["astro.config.mjs", "package.json", "tsconfig.json", "src", "content", "public"])
      if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(site, entry), { recursive: true });
    symlinkSync(resolve(repo, "node_modules"), join(site, "node_modules"));
    writeFileSync(join(scratch, "outside.txt"), "OUTSIDE-BYTES\n");
    symlinkSync(join(scratch, "outside.txt"), join(site, "public/leak.txt"));
    const { code, out } = await new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(join(repo, "node_modules/.bin/node"), ["node_modules/astro/bin/astro.mjs", "build"], {
        cwd: site,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", WEEKLY_ARCHIVE_CONTENT: "" },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("close", (code) => done({ code, out }));
    });
    expect(code, out).not.toBe(0);
    expect(out).toContain("public/leak.txt");
    expect(out).toContain("symlink points outside the repository");
    expect(out).not.toContain("OUTSIDE-BYTES");
    expect(existsSync(join(site, "dist/leak.txt"))).toBe(false);
  });
});

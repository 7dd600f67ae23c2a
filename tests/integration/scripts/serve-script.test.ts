import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npm run preview` is scripts/serve.ts: `astro preview` answered /..%2fpackage.json with a stack trace of absolute paths.
const outer = mkdtempSync(join(tmpdir(), "weekly-serve-"));
const dist = join(outer, "dist");
mkdirSync(join(dist, "weeks/2024-w17"), { recursive: true });
writeFileSync(join(dist, "index.html"), "<h1>home</h1>");
writeFileSync(join(dist, "404.html"), "<h1>没有这一页</h1>");
writeFileSync(join(dist, "weeks/2024-w17/index.html"), "<h1>W17</h1>");
writeFileSync(join(outer, "secret.json"), '{"secret":true}');
const port = 20000 + Math.floor(Math.random() * 20000);
const child = spawn(process.execPath, ["scripts/serve.ts", "--port", String(port), "--dir", dist], { stdio: ["ignore", "pipe", "pipe"] });
const ready = new Promise<void>((done) => child.stdout.on("data", () => done()));
afterAll(() => {
  child.kill();
  rmSync(outer, { recursive: true, force: true });
});

async function get(path: string) {
  await ready;
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: await res.text() };
}

describe("npm run preview (scripts/serve.ts)", () => {
  it("serves pages from dist/ like a static host", async () => {
    expect(await get("/")).toEqual({ status: 200, body: "<h1>home</h1>" });
    expect(await get("/weeks/2024-w17/")).toEqual({ status: 200, body: "<h1>W17</h1>" });
    expect(await get("/nope/")).toEqual({ status: 404, body: "<h1>没有这一页</h1>" });
  });

  it.each(["/..%2fsecret.json", "/%2e%2e/secret.json", "/..%2f..%2fetc%2fpasswd", "/%ff", "/%00", "/weeks/..%2f..%2f..%2fsecret.json"])(
    "answers %s with the 404 page, never a file outside dist/ or a stack trace",
    async (path) => {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(body).toBe("<h1>没有这一页</h1>");
    },
  );
}, 60_000);

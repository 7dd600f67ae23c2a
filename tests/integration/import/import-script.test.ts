import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const out = mkdtempSync(join(tmpdir(), "weekly-import-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const runImport = (...args: string[]) => {
  const r = spawnSync("node_modules/.bin/node", ["scripts/import.ts", ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
};

describe("npm run import (child process)", () => {
  it("writes the seed as the canonical week and prints what it did", () => {
    const r = runImport("tests/fixtures/import/2024-W17-notion.md", "--out", out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "2024-W17.mdx"), "utf8")).toBe(readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8"));
    expect(r.out).toContain("标题 “# 2024-W17” → week: 2024-W17");
    expect(r.out).toContain('created: "2024-04-20T09:27+08:00"');
    expect(r.out).toContain("npm run check");
  });

  it("never overwrites a different week without --force", () => {
    writeFileSync(join(out, "2024-W18.mdx"), "---\nweek: 2024-W18\n---\n\n作者已改过的内容\n");
    const refused = runImport("tests/fixtures/import/hostile.md", "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/2024-W18\.mdx 已存在，未覆盖.*--force/);
    expect(readFileSync(join(out, "2024-W18.mdx"), "utf8")).toContain("作者已改过的内容");

    const forced = runImport("tests/fixtures/import/hostile.md", "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("已用 --force 覆盖");
    expect(forced.out).toMatch(/转义 \{ → \\\{ ×\d+/);
    expect(forced.out).toContain("images/missing.png 找不到");
  });

  it("copies local images into public/images/<week>/ and points the week at them", () => {
    const src = join(out, "export");
    mkdirSync(join(src, "图片"), { recursive: true });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    writeFileSync(join(src, "图片", "架构 图.png"), png);
    writeFileSync(join(src, "图片", "假.png"), "not an image");
    writeFileSync(
      join(src, "w19.md"),
      "# 2024-W19\n\n- 【贝易转（C转）】\n    1. 见 ![架构](%E5%9B%BE%E7%89%87/%E6%9E%B6%E6%9E%84%20%E5%9B%BE.png)\n    2. ![p](../../../../../../../../etc/passwd) ![f](图片/假.png)\n",
    );
    const pub = join(out, "public");
    const r = runImport(join(src, "w19.md"), "--out", out, "--public", pub);
    expect(r.code).toBe(0);
    expect(readFileSync(join(pub, "images/2024-W19/架构 图.png"))).toEqual(png);
    // Nothing from outside the export's folder, nothing that is not an image by its bytes.
    expect(readdirSync(join(pub, "images/2024-W19"))).toEqual(["架构 图.png"]);
    expect(r.out).toMatch(/w19\.md:5 图片 \.\.\/.*etc\/passwd 未复制：文件在导出文件夹 .* 之外/);
    expect(r.out).toMatch(/w19\.md:5 图片 图片\/假\.png 未复制：文件内容不是 PNG、JPEG、GIF 或 WebP 图片/);
    expect(readFileSync(join(out, "2024-W19.mdx"), "utf8")).toContain("![架构](/images/2024-W19/%E6%9E%B6%E6%9E%84%20%E5%9B%BE.png)");
  });

  it("fails with a fix when the week is missing", () => {
    const file = join(out, "untitled.md");
    writeFileSync(file, "正文\n");
    const r = runImport(file, "--out", out);
    expect(r.code).toBe(1);
    expect(r.out).toContain("--week 2024-W17");
    const ok = runImport(file, "--out", out, "--week", "2024-W20");
    expect(ok.code).toBe(0);
    expect(readFileSync(join(out, "2024-W20.mdx"), "utf8")).toBe("---\nweek: 2024-W20\n---\n\n正文\n");
  });

  it("imports a directory of history in one process, with a summary by kind", () => {
    const dest = join(out, "history");
    const r = runImport("tests/fixtures/import/status-series", "--out", dest);
    expect(r.code).toBe(0);
    expect(readdirSync(dest).sort()).toEqual(["2023-W32.mdx", "2023-W33.mdx", "2023-W34.mdx"]);
    expect(r.out).toContain("导入完成：写入 3，未变 0，拒绝 0");
    expect(r.out).toMatch(/补上 https:\/\/：1/);
    expect(r.out).toMatch(/相对链接改为周页面：2/);
    expect(r.out).toMatch(/HTML 注释未发布：1/);
  });

  it("writes nothing when two exports fall in one week, naming both", () => {
    const src = join(out, "clash");
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, "2024-04-15-周报.md"), "# 周报\n\n正文 a\n");
    writeFileSync(join(src, "2024-04-18-周报.md"), "# 周报\n\n正文 b\n");
    const dest = join(out, "clash-out");
    const r = runImport(src, "--out", dest);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/2024-W16：\n.*2024-04-15-周报\.md.*\n.*2024-04-18-周报\.md/);
    expect(existsSync(dest)).toBe(false);
    const map = join(out, "weeks.tsv");
    writeFileSync(map, "2024-04-18-周报.md\t2024-W17\n");
    expect(runImport(src, "--out", dest, "--weeks", map).code).toBe(0);
    expect(readdirSync(dest).sort()).toEqual(["2024-W16.mdx", "2024-W17.mdx"]);
  });
});

/** The importer copies only real image files from inside the export's own folder. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkLocalImage, sniffImage } from "../../../src/lib/import/local-image.ts";
import { importWeek } from "../../../src/lib/import/import-week.ts";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const GIF = Buffer.from("GIF89a\x01\x00", "latin1");
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);

const base = mkdtempSync(join(tmpdir(), "import-images-"));
const exportDir = join(base, "export");
const outside = join(base, "outside");
mkdirSync(join(exportDir, "img"), { recursive: true });
mkdirSync(outside);
writeFileSync(join(exportDir, "week.md"), "# 2024-W18\n");
writeFileSync(join(exportDir, "img", "a.png"), PNG);
writeFileSync(join(exportDir, "img", "b.jpg"), JPEG);
writeFileSync(join(exportDir, "img", "c.gif"), GIF);
writeFileSync(join(exportDir, "img", "d.webp"), WEBP);
writeFileSync(join(exportDir, "img", "fake.png"), "root:x:0:0:root:/root:/bin/bash\n");
writeFileSync(join(exportDir, "img", "x.svg"), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
writeFileSync(join(outside, "secret.png"), PNG);
symlinkSync(join(outside, "secret.png"), join(exportDir, "img", "link.png"));
symlinkSync(outside, join(exportDir, "outdir"));
const week = join(exportDir, "week.md");
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("local images of an export", () => {
  it.each([
    ["img/a.png", "png"],
    ["img/b.jpg", "jpeg"],
    ["./img/c.gif", "gif"],
    ["img/d.webp", "webp"],
  ])("copies %s, a %s by its bytes", (url, format) => {
    const r = checkLocalImage(week, url);
    expect(r.ok && r.format).toBe(format);
  });

  it.each([
    ["../../../../../../etc/passwd", "之外"],
    ["../outside/secret.png", "之外"],
    ["img/link.png", "符号链接"],
    ["outdir/secret.png", "之外"],
    ["img/fake.png", "不是 PNG"],
    ["img/x.svg", "SVG"],
    ["img", "不是普通文件"],
  ])("refuses %s, naming why", (url, why) => {
    const r = checkLocalImage(week, url);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.missing).toBe(false);
      expect(r.reason).toContain(why);
      expect(r.hint.length).toBeGreaterThan(0);
    }
  });

  it("says a missing file is missing", () => {
    const r = checkLocalImage(week, "img/none.png");
    expect(!r.ok && r.missing).toBe(true);
  });

  it("sniffs by content, not by name", () => {
    expect(sniffImage(Buffer.from("<svg onload=alert(1)>"))).toEqual({ refused: expect.stringContaining("SVG") });
    expect(sniffImage(Buffer.from("\uFEFF  <svg>"))).toEqual({ refused: expect.stringContaining("SVG") });
    expect(sniffImage(Buffer.from("GIF88a"))).toEqual({ refused: expect.stringContaining("不是") });
  });

  it("finds local images written as HTML <img> too, and rewrites them", () => {
    const source = '# 2024-W18\n\n<img src="img/a.png" alt="图" width="10">\n';
    expect(importWeek(source).images).toEqual([{ url: "img/a.png", line: 3 }]);
    const out = importWeek(source, { imageUrls: { "img/a.png": "/images/2024-W18/a.png" } }).output;
    expect(out).toContain('<img src="/images/2024-W18/a.png" alt="图" />');
  });
});

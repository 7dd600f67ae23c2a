/**
 * Which local image of an export the importer may copy into public/: a regular file inside the
 * export's own folder (real paths, so a symlink or `../` out of it is refused), whose first bytes are
 * those of a PNG, JPEG, GIF or WebP image. SVG is refused: it can carry script.
 */
import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, resolve, sep } from "node:path";

export type ImageFormat = "png" | "jpeg" | "gif" | "webp";

export type LocalImageCheck =
  { ok: true; path: string; format: ImageFormat; bytes: Buffer; name: string } | { ok: false; missing: boolean; reason: string; hint: string };

/** Larger files are not screenshots of a week; refusing them keeps an import's work bounded. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** The format the first bytes say, or why they are not an image we copy. */
export function sniffImage(head: Uint8Array): ImageFormat | { refused: string } {
  const b = (i: number) => head[i];
  const ascii = (from: number, to: number) => String.fromCharCode(...head.slice(from, to));
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return "png";
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpeg";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  const text = new TextDecoder()
    .decode(head)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.includes("<svg")) || text.startsWith("<!doctype svg"))
    return { refused: "SVG 图片可以带脚本，不复制 (SVG can carry script)" };
  return { refused: "文件内容不是 PNG、JPEG、GIF 或 WebP 图片 (not an image by its bytes)" };
}

function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** `url` as written in `exportFile` (already percent-decoded by the caller). */
export function checkLocalImage(exportFile: string, url: string): LocalImageCheck {
  const folder = dirname(resolve(exportFile));
  const candidate = resolve(folder, url);
  let root: string;
  let real: string;
  try {
    root = realpathSync(folder);
    real = realpathSync(candidate);
  } catch {
    return { ok: false, missing: true, reason: "找不到这个文件 (not found)", hint: "把图片放到 public/images/ 下并改成 /images/… 路径" };
  }
  const outside = { ok: false as const, missing: false, hint: "把图片复制进导出文件所在的文件夹再导入，或放到 public/images/ 下并改成 /images/… 路径" };
  if (!within(root, real))
    return {
      ...outside,
      reason: `文件在导出文件夹 ${root} 之外${real !== candidate ? `（经符号链接指向 ${real}）` : ""}，不复制 (outside the export's folder)`,
    };
  const stat = statSync(real);
  if (!stat.isFile()) return { ...outside, reason: "不是普通文件，不复制 (not a regular file)" };
  if (stat.size > MAX_IMAGE_BYTES) return { ...outside, reason: `文件超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB，不复制 (too large)`, hint: "压缩图片后再导入" };
  const head = Buffer.alloc(512);
  const fd = openSync(real, "r");
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const format = sniffImage(head.subarray(0, read));
  if (typeof format !== "string") return { ...outside, reason: format.refused, hint: "换成 PNG、JPEG、GIF 或 WebP 图片再导入" };
  // Copy the bytes that were checked, not whatever the path holds a moment later.
  const bytes = readFileSync(real);
  if (sniffImage(bytes.subarray(0, 512)) !== format) return { ...outside, reason: "文件在检查时被改动，不复制", hint: "重新导入" };
  return { ok: true, path: real, format, bytes, name: basename(candidate).replace(/^\.+/, "") || `image.${format}` };
}

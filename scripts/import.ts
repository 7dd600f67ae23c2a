/**
 * `npm run import -- FILE... [--week 2024-W17] [--force] [--out DIR]`: Notion/Markdown exports → canonical
 * week files in <contentDir>/weeks/. Never overwrites without --force; prints every change it made.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { siteConfig } from "../src/site.config.ts";
import { describeChanges, importWeek, ImportError, type ImportedWeek } from "../src/lib/import/import-week.ts";
import { displayPath } from "../src/lib/validate/load.ts";
import { decodeWeekBytes } from "../src/lib/report/week-source.ts";
import { formatProblem, validateWeekFiles } from "../src/lib/validate/index.ts";

const USAGE = `用法 (usage): npm run import -- 文件... [--week 2024-W17] [--force] [--out 目录]
  文件      Notion 导出的 Markdown（第一行 “# 2024-W17”，然后 “Created: 2024年4月20日 09:27”）
  --week    指定周号（标题里没有周号时必需；只能配合一个文件）
  --force   覆盖已存在的周报
  --out     输出目录，默认 ${siteConfig.contentDir}/weeks
  --public  本地图片复制到 <目录>/images/<周>/，默认 public`;

// 1. Arguments.
let args: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      week: { type: "string" },
      force: { type: "boolean", default: false },
      out: { type: "string" },
      public: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
try {
  args = parseOptions();
} catch (e) {
  console.error(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals: files } = args;
if (values.help || files.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (values.week && files.length > 1) {
  console.error("--week 只能配合一个文件使用 (--week takes a single file)");
  process.exit(2);
}
const outDir = resolve(values.out ?? join(siteConfig.contentDir, "weeks"));
const publicDir = resolve(values.public ?? "public");

// 2. Import each file; refuse to overwrite, report everything that changed.
let failed = false;
const written = new Set<string>();
for (const file of files) {
  const shown = displayPath(file);
  if (!existsSync(file)) {
    console.error(`✗ ${shown}：文件不存在`);
    failed = true;
    continue;
  }
  // A folder, a device or bytes that are not UTF-8: a named refusal, not a stack trace.
  if (!statSync(file).isFile()) {
    console.error(`✗ ${shown}：不是文件（是目录或设备），请给出导出的 .md 文件 (not a file)`);
    failed = true;
    continue;
  }
  const decoded = decodeWeekBytes(readFileSync(file));
  if (!decoded.ok) {
    console.error(`✗ ${shown}:${decoded.problem.line}：${decoded.problem.message}。${decoded.problem.hint}`);
    failed = true;
    continue;
  }
  let result: ImportedWeek;
  try {
    result = importWeek(decoded.text, { week: values.week });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    console.error(`✗ ${shown}：${e.message}`);
    failed = true;
    continue;
  }
  // Local images: copied into public/images/<week>/ and referenced as /images/<week>/<name>.
  const imageUrls: Record<string, string> = {};
  const imageNotes: string[] = [];
  for (const img of result.images) {
    const local = resolve(dirname(file), safeDecode(img.url.split(/[?#]/)[0]!));
    if (!existsSync(local)) {
      imageNotes.push(`⚠ 第 ${img.line} 行的图片 ${img.url} 找不到（相对 ${displayPath(dirname(file))}）：把它放到 public/images/ 下并改成 /images/… 路径，否则 npm run check 会报错`);
      continue;
    }
    const name = basename(local);
    const copy = join(publicDir, "images", result.week, name);
    if (existsSync(copy) && !readFileSync(copy).equals(readFileSync(local)) && !values.force) {
      imageNotes.push(`⚠ ${displayPath(copy)} 已存在且内容不同，未复制第 ${img.line} 行的图片（加 --force 覆盖）`);
      continue;
    }
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(local, copy);
    imageUrls[img.url] = `/images/${result.week}/${encodeURI(name)}`;
    imageNotes.push(`图片已复制：${displayPath(local)} → ${displayPath(copy)}`);
  }
  if (Object.keys(imageUrls).length > 0) result = importWeek(decoded.text, { week: values.week, imageUrls });

  const target = join(outDir, `${result.week}.mdx`);
  const targetShown = displayPath(target);
  if (written.has(target)) {
    console.error(`✗ ${shown}：本次已有另一个文件导入为 ${result.week}，跳过（每周只能有一个文件）`);
    failed = true;
    continue;
  }
  if (existsSync(target)) {
    if (readFileSync(target, "utf8") === result.output) {
      console.log(`= ${shown} → ${targetShown}：已存在且内容相同，未改动`);
      written.add(target);
      continue;
    }
    if (!values.force) {
      console.error(`✗ ${shown}：${targetShown} 已存在，未覆盖。确认要替换时加 --force`);
      failed = true;
      continue;
    }
  }

  // 3. The result must pass the same check as the build before it is written.
  const knownWeeks = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith(".mdx")).map((f) => f.slice(0, -4)) : [];
  const problems = validateWeekFiles([{ path: targetShown, source: result.output }], { knownWeeks });
  // Links and images the author has to repoint (another Notion page, a missing file) are theirs to fix;
  // the file is written and the check insists.
  const errors = problems.filter((p) => p.severity === "error" && p.field !== "link" && p.field !== "image");
  if (errors.length > 0) {
    console.error(`✗ ${shown}：导入结果未通过检查，未写入：\n${errors.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    failed = true;
    continue;
  }
  const replaced = existsSync(target);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.output);
  written.add(target);

  console.log(`✓ ${shown} → ${targetShown}${replaced ? "（已用 --force 覆盖）" : ""}`);
  for (const note of result.notes) console.log(`  ${note}`);
  const changes = describeChanges(result.changes);
  if (changes.length === 0) console.log("  正文无需转义，原样保留");
  else for (const line of changes) console.log(`  转义 ${line}`);
  for (const note of imageNotes) console.log(`  ${note}`);
  for (const w of result.warnings) console.log(`  ⚠ ${w}`);
  for (const p of problems) console.log(`  ⚠ ${p.severity === "error" ? "需手动修改（npm run check 会拦下）：" : ""}${formatProblem(p)}`);
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

// 4. Next step for the author.
if (written.size > 0) console.log("\n下一步：npm run check，然后 npm run dev 预览，确认无误后提交 pull request。");
process.exit(failed ? 1 : 0);

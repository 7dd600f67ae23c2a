/**
 * `npm run import -- FILE|DIR... [--week 2024-W17] [--weeks MAP] [--link-base URL] [--force] [--out DIR]`:
 * Notion/Markdown exports, one or years of them, → canonical week files in <contentDir>/weeks/, in one
 * process. Never overwrites without --force; writes nothing when two exports fall in one week.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { siteConfig } from "../src/site.config.ts";
import { collectInputs, parseWeekMap, planImport, type BatchInput, type PlannedWeek } from "../src/lib/import/batch.ts";
import { describeChanges } from "../src/lib/import/import-week.ts";
import { checkLocalImage } from "../src/lib/import/local-image.ts";
import { displayPath } from "../src/lib/validate/load.ts";
import { decodeWeekBytes } from "../src/lib/report/week-source.ts";
import { formatProblem, validateWeekFiles } from "../src/lib/validate/index.ts";
import { ImportTally } from "../src/lib/import/tally.ts";

const USAGE = `用法 (usage): npm run import -- 文件或目录... [--week 2024-W17] [--weeks 对照表] [--link-base 网址] [--force] [--out 目录]
  文件或目录  Notion/Markdown 导出；目录里的 .md/.mdx 按文件名顺序全部导入
              周号依次取自 frontmatter 的 week/date、标题、Created: 行、文件名里的第一个日期
  --week      指定周号（只能配合一个文件）
  --weeks     对照表文件：每行 “文件名<Tab>周号”，为没有日期或同在一周的导出指定周号
  --link-base 源仓库的网址：指向其他文件（.pdf、.csv、未导入的 .md）的相对链接改成这个网址下的完整地址；
              不给时这些链接只保留文字
  --force     覆盖已存在的周报
  --out       输出目录，默认 ${siteConfig.contentDir}/weeks
  --public    本地图片复制到 <目录>/images/<周>/，默认 public
  --verbose   导入多个文件时也逐个列出每处改动`;

// 1. Arguments.
let args: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      week: { type: "string" },
      weeks: { type: "string" },
      "link-base": { type: "string" },
      force: { type: "boolean", default: false },
      out: { type: "string" },
      public: { type: "string" },
      verbose: { type: "boolean", default: false },
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
const { values, positionals } = args;
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (values["link-base"] !== undefined && !/^https?:\/\/\S+$/.test(values["link-base"])) {
  console.error(`--link-base 应是 http(s):// 网址，收到 ${values["link-base"]} (--link-base must be an http(s) URL)`);
  process.exit(2);
}
const outDir = resolve(values.out ?? join(siteConfig.contentDir, "weeks"));
const publicDir = resolve(values.public ?? "public");

// 2. Inputs: files and walked directories; a missing one is refused, the rest still read.
const { files, skipped } = collectInputs(positionals);
for (const s of skipped) console.error(`✗ ${s}`);
if (values.week && files.length > 1) {
  console.error("--week 只能配合一个文件使用 (--week takes a single file)；多个文件请用 --weeks 对照表");
  process.exit(2);
}
// Bytes that are not UTF-8 are a named refusal for that file, as the check would say it.
const inputs: BatchInput[] = [];
const undecodable: string[] = [];
for (const f of files) {
  const decoded = decodeWeekBytes(readFileSync(f.path));
  if (decoded.ok) inputs.push({ ...f, source: decoded.text });
  else undecodable.push(`${displayPath(f.path)}:${decoded.problem.line}：${decoded.problem.message}。${decoded.problem.hint}`);
}
for (const u of undecodable) console.error(`✗ ${u}`);
const weekMap = values.weeks ? parseWeekMap(readFileSync(values.weeks, "utf8")) : undefined;
const verbose = values.verbose || inputs.length <= 20;
const progress = (done: number, what: string, total = inputs.length) => {
  if (inputs.length > 20 && (done % 50 === 0 || done === total)) console.error(`${what} ${done}/${total}…`);
};
const PASS_LABEL = { read: "读取日期", convert: "转换" } as const;

// 3. Plan every week before writing any; a clash stops the whole import.
const options = {
  week: values.week,
  weekMap,
  linkBase: values["link-base"],
  onProgress: (done: number, total: number, pass: "read" | "convert") => progress(done, PASS_LABEL[pass], total),
};
let plan = planImport(inputs, options);
if (plan.clashes.length > 0) {
  console.error("✗ 下列导出落在同一个 ISO 周，未写入任何文件 (two exports in one week; nothing written)：");
  for (const c of plan.clashes) {
    console.error(`  ${c.week}：`);
    for (const f of c.files) console.error(`    ${displayPath(f.path)}（日期取自 “${f.from}”）`);
  }
  console.error("  用 --weeks 对照表为其中一个指定别的周（单个文件可用 --week），或只导入其中一个。");
  for (const r of plan.refused) console.error(`✗ ${displayPath(r.input.path)}：${r.message}`);
  process.exit(1);
}

// 4. Local images: copied into public/images/<week>/ and referenced as /images/<week>/<name>.
const imageNotes = new Map<string, string[]>();
const imageUrls = new Map<string, Record<string, string>>();
for (const { input, result } of plan.weeks) {
  const notes: string[] = [];
  const urls: Record<string, string> = {};
  for (const img of result.images) {
    // Only a real image file inside the export's own folder is copied (see checkLocalImage).
    const checked = checkLocalImage(input.path, safeDecode(img.url.split(/[?#]/)[0]!));
    if (!checked.ok) {
      notes.push(
        checked.missing
          ? `⚠ 第 ${img.line} 行的图片 ${img.url} 找不到（相对 ${displayPath(dirname(input.path))}）：把它放到 public/images/ 下并改成 /images/… 路径，否则 npm run check 会报错`
          : `⚠ ${displayPath(input.path)}:${img.line} 图片 ${img.url} 未复制：${checked.reason}。修复：${checked.hint}`,
      );
      continue;
    }
    const copy = join(publicDir, "images", result.week, checked.name);
    if (existsSync(copy) && !readFileSync(copy).equals(checked.bytes) && !values.force) {
      notes.push(`⚠ ${displayPath(copy)} 已存在且内容不同，未复制第 ${img.line} 行的图片（加 --force 覆盖）`);
      continue;
    }
    mkdirSync(dirname(copy), { recursive: true });
    writeFileSync(copy, checked.bytes);
    urls[img.url] = `/images/${result.week}/${encodeURI(checked.name)}`;
    notes.push(`图片已复制：${displayPath(checked.path)} → ${displayPath(copy)}`);
  }
  imageNotes.set(input.path, notes);
  if (Object.keys(urls).length > 0) imageUrls.set(input.path, urls);
}
if (imageUrls.size > 0) plan = planImport(inputs, { ...options, imageUrls });

// 5. Each result must pass the same check as the build before it is written.
const tally = new ImportTally();
for (const r of plan.refused) tally.refuse(displayPath(r.input.path), r.message);
const existing = existsSync(outDir)
  ? readdirSync(outDir)
      .filter((f) => f.endsWith(".mdx"))
      .map((f) => f.slice(0, -4))
  : [];
const knownWeeks = [...new Set([...existing, ...plan.weeks.map((p) => p.result.week)])];
plan.weeks.forEach((planned, n) => {
  writeWeek(planned);
  progress(n + 1, "检查并写入", plan.weeks.length);
});

function writeWeek({ input, result }: PlannedWeek): void {
  const shown = displayPath(input.path);
  const target = join(outDir, `${result.week}.mdx`);
  const targetShown = displayPath(target);
  if (existsSync(target)) {
    if (readFileSync(target, "utf8") === result.output) {
      tally.unchanged();
      if (verbose) console.log(`= ${shown} → ${targetShown}：已存在且内容相同，未改动`);
      return;
    }
    if (!values.force) {
      tally.refuse(shown, `${targetShown} 已存在，未覆盖。确认要替换时加 --force`);
      return;
    }
  }
  const problems = validateWeekFiles([{ path: targetShown, source: result.output }], { knownWeeks });
  // Links and images the author has to repoint are theirs to fix; the file is written and the check insists.
  const errors = problems.filter((p) => p.severity === "error" && p.field !== "link" && p.field !== "image");
  if (errors.length > 0) {
    tally.refuse(shown, `导入结果未通过检查，未写入：\n${errors.map((p) => `    ${formatProblem(p)}`).join("\n")}`);
    return;
  }
  const replaced = existsSync(target);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.output);
  tally.written(result, problems);

  const warnings = [
    ...result.warnings.map((w) => `⚠ ${w}`),
    ...result.linkRepairs
      .filter((r) => r.kind === "link-to-text")
      .map((r) => `⚠ 第 ${r.line} 行的链接 ${r.from} 没有可指向的页面，只保留文字 “${r.to}”（可用 --link-base 改成源仓库地址）`),
    ...problems.map((p) => `⚠ ${p.severity === "error" ? "需手动修改（npm run check 会拦下）：" : ""}${formatProblem(p)}`),
  ];
  if (!verbose) {
    if (warnings.length > 0) console.log(`✓ ${shown} → ${targetShown}\n${warnings.map((w) => `  ${w}`).join("\n")}`);
    return;
  }
  console.log(`✓ ${shown} → ${targetShown}${replaced ? "（已用 --force 覆盖）" : ""}`);
  for (const note of result.notes) console.log(`  ${note}`);
  for (const note of result.dropped) console.log(`  未发布：${note}`);
  for (const r of result.linkRepairs.filter((r) => r.kind !== "link-to-text")) console.log(`  链接 第 ${r.line} 行 ${r.from} → ${r.to}`);
  const changes = describeChanges(result.changes);
  if (changes.length === 0) console.log("  正文无需转义，原样保留");
  else for (const line of changes) console.log(`  转义 ${line}`);
  for (const note of imageNotes.get(input.path) ?? []) console.log(`  ${note}`);
  for (const w of warnings) console.log(`  ${w}`);
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

// 6. Summary, then the next step for the author.
console.log(`\n${tally.summary().join("\n")}`);
if (tally.writtenCount > 0) console.log("\n下一步：npm run check，然后 npm run dev 预览，确认无误后提交 pull request。");
process.exit(tally.refusedCount > 0 || skipped.length > 0 || undecodable.length > 0 ? 1 : 0);

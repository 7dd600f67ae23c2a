/**
 * Writes a generated corpus of weeks for tests and benchmarks.
 *   npm run generate -- --count 60 --out tmp/corpus [--seed 7] [--start 2019-W01] [--with-seed] [--prose]
 * `--prose` adds paragraphs of prose (spaces, Latin words, numbers, punctuation) to every week.
 * Output: <out>/weeks/<week>.mdx. Never writes into content/ — that folder holds only real weeks.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCorpus } from "./lib/generate-corpus.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SEED_WEEK = "2024-W17";

function fail(message: string): never {
  console.error(`generate: ${message}`);
  process.exit(1);
}

// 1. Read and check the arguments.
const { values } = parseArgs({
  options: {
    count: { type: "string" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
    start: { type: "string", default: "2019-W01" },
    "with-seed": { type: "boolean", default: false },
    prose: { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!values.count || !Number.isInteger(count) || count < 0) fail("--count 需为非负整数 (--count must be a whole number), e.g. --count 60");
if (!values.out) fail("缺少 --out 目录 (--out is required), e.g. --out tmp/corpus");
if (!Number.isInteger(seed)) fail(`--seed 需为整数 (--seed must be an integer), got ${values.seed}`);

// 2. Refuse to touch the real archive.
const out = resolve(values.out);
const fromContent = relative(join(ROOT, "content"), out);
if (!fromContent.startsWith("..") && !isAbsolute(fromContent)) fail(`拒绝写入 content/（只放真实周报）: ${values.out} — choose a folder such as tmp/corpus`);

// 3. Generate, then replace the previous corpus in <out>/weeks.
let weeks;
try {
  weeks = generateCorpus({
    count,
    seed,
    startWeek: values.start,
    skipWeeks: values["with-seed"] ? [SEED_WEEK] : [],
    prose: values.prose,
  });
} catch (error) {
  fail((error as Error).message);
}
const dir = join(out, "weeks");
mkdirSync(dir, { recursive: true });
for (const old of readdirSync(dir)) if (old.endsWith(".mdx")) rmSync(join(dir, old));
for (const w of weeks) writeFileSync(join(dir, w.fileName), w.source);
if (values["with-seed"]) copyFileSync(join(ROOT, "content", "weeks", `${SEED_WEEK}.mdx`), join(dir, `${SEED_WEEK}.mdx`));

// 4. One line saying what was written.
const range = weeks.length ? `${weeks[0]!.week}…${weeks.at(-1)!.week}` : "none";
const extra = values["with-seed"] ? ` + real ${SEED_WEEK}` : "";
console.log(`generate: wrote ${weeks.length} weeks (${range}, seed ${seed})${extra} to ${relative(process.cwd(), dir) || dir}`);

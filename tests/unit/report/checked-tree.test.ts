/**
 * The build parses each week's MDX once: the week check (startContentCheck, then checkWeekBody per
 * week, on the build's worker threads) hands the tree it read to the site's parser. The hand-over is
 * only sound if the check and the parser cut the frontmatter at the same place — a check that reads a
 * different body lets unchecked MDX onto the page. So this drives the real check over files whose
 * frontmatter is easy to misread, and asks the parser to take each handed-over tree: it must use it
 * (not quietly parse again) and read the same week; the build's own job runner must agree.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import { weekJobRunner } from "../../../src/integrations/week-job.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { checkWeekBody, type ParsedWeekTree } from "../../../src/lib/validate/validate-week-files.ts";
import { startContentCheck } from "../../../src/lib/validate/load.ts";
import { parseWeekFile, weekLinks } from "../../../src/lib/week-files.ts";
import { createRoutes } from "../../../src/lib/routes.ts";
import { FIXTURE_CONTENT, fixtureRegistry as registry } from "../../support/fixture-content.ts";

const BODY = "- 【贝易转（C转）】\n    1. 系统研发：整体进度80%\n\n## 【O1 业务服务】\n\n- 存管路由，二期启动\n";
const crlf = (s: string) => s.replace(/\n/g, "\r\n");

/** Week files whose frontmatter a second splitter would close somewhere else, by week. */
const tricky: Record<string, string> = {
  "2024-W18": `\uFEFF---\nweek: 2024-W18\ntitle: 带 BOM 的一周\n---\n\n${BODY}`,
  "2024-W19": crlf(`---\nweek: 2024-W19\ntitle: Windows 换行\nauthor: 张三\n---\n\n${BODY}`),
  "2024-W20": `---\rweek: 2024-W20\rtitle: 只有 CR\r---\r\r${BODY.replace(/\n/g, "\r")}`,
  "2024-W21": `---\r\nweek: 2024-W21\rtitle: 混合换行\n---\r\n${BODY}`,
  "2024-W22": `---\nweek: 2024-W22\nsummary: |\n  x---\n  第二行\n---\n\n${BODY}`,
  "2024-W23": `---\nweek: 2024-W23\nsummary: |\n  ---\n  块里的分隔线\n---\n\n${BODY}`,
  "2024-W24": `---\nweek: 2024-W24\ntitle: 第二十四周 ---\nauthor: 张三\n---\n\n${BODY}`,
  "2024-W25": `---\nweek: 2024-W25\ntitle: "---"\n---\n\n${BODY}`,
  "2024-W26": `---\nweek: 2024-W26\ntitle: 正文里还有一段\n---\n\n${BODY}\n---\ntitle: 不是 frontmatter\n---\n\n- 【AI创新与多栈】正文里的第二段\n`,
  "2024-W27": `\uFEFF---\r\nweek: 2024-W27\r\nsummary: |\r\n  ---\r\n  BOM、CRLF 与块里的分隔线\r\n---\r\n${crlf(BODY)}`,
};

const scratch = mkdtempSync(join(tmpdir(), "weekly-checked-tree-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A repository whose content/ is the fixture content, the tricky weeks and a few generated ones. */
function contentWithTrickyWeeks(): string {
  const content = join(scratch, "content");
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
  for (const [week, source] of Object.entries(tricky)) writeFileSync(join(content, "weeks", `${week}.mdx`), source);
  for (const w of generateCorpus({ count: 12, seed: 3, startWeek: "2023-W30", skipWeeks: ["2024-W17", ...Object.keys(tricky)] }))
    writeFileSync(join(content, "weeks", w.fileName), w.source);
  return content;
}

const content = contentWithTrickyWeeks();
const run = startContentCheck(content, scratch);
const bodies = run.bodies.map((job) => ({ job, ...checkWeekBody(job, run.weeks, run.context) }));
const check = run.finish(bodies.map((b) => b.problems));
const handed: ParsedWeekTree[] = bodies.flatMap((b) => (b.tree ? [b.tree] : []));
// A fresh parse of the same text, to tell a tree the parser worked on from one it left alone.
const mdx = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

describe("a week tree handed over by the week check", () => {
  it("comes for every week file the check passed, with the file's bytes", () => {
    expect(check.problems.filter((p) => p.severity === "error")).toEqual([]);
    const weekFiles = check.checked.filter((f) => f.endsWith(".mdx"));
    expect(weekFiles.length).toBe(1 + Object.keys(tricky).length + 12);
    expect(handed.map((h) => h.path).sort()).toEqual([...weekFiles].sort());
  });

  it.each(Object.keys(tricky).concat("2024-W17"))("%s: the parser takes the check's tree and reads the week it reads alone", (week) => {
    const given = handed.find((h) => h.path.endsWith(`/${week}.mdx`))!;
    expect(given, `${week} was handed over`).toBeDefined();
    const fresh = parseWeekSource(given.source, { file: given.path, registry });
    const untouched = mdx.parse(given.text) as Root;
    expect(given.tree, "the handed-over tree is the check's reading of its text").toEqual(untouched);
    const viaCheck = parseWeekSource(given.source, { file: given.path, registry, checked: { text: given.text, tree: given.tree } });
    // The parser anchors the nodes of the tree it works on: a tree left equal to a fresh parse was not used.
    expect(given.tree, `${week}: the parser used the check's tree (the check cut the frontmatter where the parser does)`).not.toEqual(untouched);
    expect(viaCheck).toEqual(fresh);
    expect(viaCheck.week).toBe(week);
    expect(viaCheck.projects.map((p) => p.name)).toContain("贝易转（C转）");
  });

  it("gives the reports of the generated weeks, lines included, through the check's trees", () => {
    for (const given of handed.filter((h) => h.path.includes("/2023-"))) {
      const fresh = parseWeekSource(given.source, { file: given.path, registry });
      expect(parseWeekSource(given.source, { file: given.path, registry, checked: { text: given.text, tree: given.tree } }), given.path).toEqual(fresh);
    }
  });

  it("gives, through the build's own job runner (check, then parse on the same thread), what parsing alone gives", () => {
    const runJob = weekJobRunner({ weeks: [...run.weeks], context: run.context, registry, base: "/" });
    const links = weekLinks(createRoutes("/"));
    for (const { job } of bodies) {
      const result = runJob({ path: job.path, source: job.source, check: job, parse: true });
      expect(
        result.problems.filter((p) => p.severity === "error"),
        job.path,
      ).toEqual([]);
      expect(result.parsed, job.path).toEqual(parseWeekFile(job.source, { file: job.path, registry, links }));
    }
  });

  it("is ignored when it was parsed from other text", () => {
    const seed = handed.find((h) => h.path.endsWith("/2024-W17.mdx"))!;
    const staleText = "- 【旧项目】过时的内容\n";
    const stale = mdx.parse(staleText) as Root;
    const report = parseWeekSource(seed.source, { file: seed.path, registry, checked: { text: staleText, tree: stale } });
    expect(report.projects.map((p) => p.name)).not.toContain("旧项目");
    expect(stale, "the stale tree was left alone").toEqual(mdx.parse(staleText));
  });
});

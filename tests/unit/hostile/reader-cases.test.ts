/**
 * The reader half of the hostile corpus (tests/fixtures/hostile/reader/README.md): each case is
 * checked as a whole content folder, as `npm run check` does, and must be rejected naming the file
 * (and line) or accepted with the page showing what the check read and nothing executable. Cases that
 * git cannot keep (symlinks, FIFOs) or that are too big to commit are made here, in a temp folder.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseWeekSource, WeekParseError } from "../../../src/lib/report/parse-week.ts";
import { checkContentDir, loadRegistry, loadWeekFiles } from "../../../src/lib/validate/load.ts";
import type { Problem } from "../../../src/lib/validate/problem.ts";
import { parseWeekFile, withDistinctProjectSlugs } from "../../../src/lib/week-files.ts";
import type { WeekReport } from "../../../src/lib/report/model.ts";

const CORPUS = new URL("../../fixtures/hostile/reader/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "weekly-hostile-reader-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Bytes outside the repository that must never show up in a check message. */
const OUTSIDE_MARKER = "OUTSIDE-SECRET-7c1f";
const outsideFile = join(scratch, "outside.txt");
writeFileSync(outsideFile, `---\nweek: 2024-W19\ntitle: ${OUTSIDE_MARKER}\n---\n\n${OUTSIDE_MARKER} {broken\n`);

const fm = "---\nweek: 2024-W18\n---\n\n";

type Expect = { rejected: { file: string; line?: number; field?: string } } | { accepted: (reports: WeekReport[], problems: Problem[]) => void };

interface Case {
  name: string;
  /** Builds the case inside `repo` (content/weeks exists); defaults to copying the corpus folder. */
  make?: (repo: string) => void;
  expect: Expect;
}

const week = (repo: string, name: string, text: string | Buffer) => writeFileSync(join(repo, "content/weeks", name), text);

const cases: Case[] = [
  {
    name: "xss-block-scalar-fence",
    expect: {
      accepted: ([r]) => {
        // The check read `x---` as part of the summary; so does the page, as text.
        expect(r!.summary).toBe('x---\n<u autofocus tabindex="0" ONFOCUS="alert(document.domain)">x</u>\n');
        expect(r!.html).not.toMatch(/onfocus|<u\b/i);
        expect(r!.html).toContain("正文");
      },
    },
  },
  { name: "title-ends-in-fence", expect: { accepted: ([r]) => expect([r!.title, r!.author]).toEqual(["第十八周 ---", "张三"]) } },
  {
    name: "bom-crlf",
    expect: {
      accepted: ([r]) => {
        expect(r!.title).toBe("第十八周");
        expect(r!.projects.map((p) => [p.name, p.line])).toEqual([["贝易转", 6]]);
      },
    },
  },
  { name: "cr-only", expect: { accepted: ([r]) => expect([r!.title, r!.html.includes("正文")]).toEqual(["第十八周", true]) } },
  { name: "fence-trailing-space", expect: { rejected: { file: "2024-W18.mdx", line: 4, field: "frontmatter" } } },
  { name: "yaml-document-end", expect: { rejected: { file: "2024-W18.mdx", field: "frontmatter" } } },
  { name: "unclosed-frontmatter", expect: { rejected: { file: "2024-W18.mdx", line: 1, field: "frontmatter" } } },
  { name: "yaml-alias-bomb", expect: { rejected: { file: "2024-W18.mdx", line: 2, field: "frontmatter" } } },
  { name: "nul-in-title", expect: { rejected: { file: "2024-W18.mdx", line: 3, field: "encoding" } } },
  { name: "nul-escape-in-title", expect: { rejected: { file: "2024-W18.mdx", line: 3, field: "frontmatter" } } },
  { name: "escape-char-in-body", expect: { rejected: { file: "2024-W18.mdx", line: 5, field: "encoding" } } },
  { name: "invalid-utf8", expect: { rejected: { file: "2024-W18.mdx", line: 6, field: "encoding" } } },
  { name: "hidden-week", expect: { rejected: { file: ".2024-W19.mdx", field: "file" } } },
  {
    name: "dot-folder",
    expect: { accepted: (_r, problems) => expect(problems.some((p) => p.severity === "warning" && p.file.endsWith("weeks/.drafts"))).toBe(true) },
  },
  { name: "other-extension", expect: { rejected: { file: "2024-W19.md", field: "file" } } },
  {
    name: "slug-collisions",
    expect: {
      accepted: (reports, problems) => {
        const slugs = new Map(reports.flatMap((r) => r.projects.map((p) => [p.name, p.slug] as const)));
        expect(slugs.size).toBe(9);
        expect(new Set(slugs.values()).size).toBe(9);
        expect(slugs.get("x")).toBe("x");
        expect(slugs.get("期中考核")).toMatch(/^qi-zhong-kao-he-[0-9a-z]{6}$/);
        expect(problems.filter((p) => p.severity === "warning" && p.field === "project").length).toBeGreaterThanOrEqual(6);
      },
    },
  },
  { name: "registry-conflicts", expect: { rejected: { file: "projects.yaml", line: 3, field: "slug" } } },
  // Too big to commit.
  {
    name: "one-megabyte-line",
    make: (repo) => week(repo, "2024-W18.mdx", fm + "- 【贝易转】" + "进展顺利，整体进度50%，".repeat(80_000) + "\n"),
    expect: { accepted: ([r]) => expect(r!.projects[0]!.name).toBe("贝易转") },
  },
  {
    name: "progress-200k-item",
    make: (repo) => week(repo, "2024-W18.mdx", fm + "- 【贝易转】" + "进".repeat(200_000) + "度\n"),
    expect: { accepted: ([r]) => expect(r!.projects.length).toBe(1) },
  },
  {
    name: "5000-emphasis-markers",
    make: (repo) => week(repo, "2024-W18.mdx", fm + "- 【贝易转】" + "*a ".repeat(5000) + "x" + " b*".repeat(5000) + "\n"),
    expect: { rejected: { file: "2024-W18.mdx", line: 5, field: "nesting" } },
  },
  {
    name: "500-level-nested-list",
    make: (repo) => week(repo, "2024-W18.mdx", fm + Array.from({ length: 500 }, (_, i) => "  ".repeat(i) + "- a").join("\n") + "\n"),
    expect: { rejected: { file: "2024-W18.mdx", field: "nesting" } },
  },
  {
    name: "3000-nested-tags",
    make: (repo) => week(repo, "2024-W18.mdx", fm + "<u>".repeat(3000) + "x" + "</u>".repeat(3000) + "\n"),
    expect: { rejected: { file: "2024-W18.mdx", line: 5 } },
  },
  // Symlinks, loops and FIFOs: made here, git does not keep them well.
  {
    name: "symlinked-week-outside",
    make: (repo) => symlinkSync(outsideFile, join(repo, "content/weeks/2024-W19.mdx")),
    expect: { rejected: { file: "2024-W19.mdx", field: "file" } },
  },
  {
    name: "symlinked-folder-named-like-a-week",
    make: (repo) => symlinkSync(scratch, join(repo, "content/weeks/2024-W19.mdx")),
    expect: { rejected: { file: "2024-W19.mdx", field: "file" } },
  },
  {
    name: "folder-named-like-a-week",
    make: (repo) => mkdirSync(join(repo, "content/weeks/2024-W19.mdx")),
    expect: { rejected: { file: "2024-W19.mdx", field: "file" } },
  },
  {
    name: "symlink-loop-in-weeks",
    make: (repo) => {
      symlinkSync("2024-W20.mdx", join(repo, "content/weeks/2024-W19.mdx"));
      symlinkSync("2024-W19.mdx", join(repo, "content/weeks/2024-W20.mdx"));
    },
    expect: { rejected: { file: "2024-W19.mdx", field: "file" } },
  },
  {
    name: "fifo-named-like-a-week",
    make: (repo) => execFileSync("mkfifo", [join(repo, "content/weeks/2024-W19.mdx")]),
    expect: { rejected: { file: "2024-W19.mdx", field: "file" } },
  },
  {
    name: "public-symlink-outside",
    make: (repo) => symlinkSync(outsideFile, join(repo, "public/leak.txt")),
    expect: { rejected: { file: "public/leak.txt", field: "file" } },
  },
  {
    name: "public-symlink-loop",
    make: (repo) => {
      mkdirSync(join(repo, "public/files"));
      symlinkSync("..", join(repo, "public/files/up"));
      symlinkSync("b", join(repo, "public/a"));
      symlinkSync("a", join(repo, "public/b"));
    },
    expect: { rejected: { file: "public/files/up", field: "file" } },
  },
];

/** A repository with the case's content/ and an empty public/. */
function makeRepo(c: Case): string {
  const repo = join(scratch, c.name);
  mkdirSync(join(repo, "content/weeks"), { recursive: true });
  mkdirSync(join(repo, "public"));
  if (c.make) {
    // A clean week beside the hostile entry (the generated cases overwrite it).
    week(repo, "2024-W18.mdx", fm + "正文\n");
    c.make(repo);
    return repo;
  }
  const from = join(CORPUS, c.name);
  const copy = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = relative(from, full);
      if (statSync(full).isDirectory()) copy(full);
      else if (name.endsWith(".yaml")) cpSync(full, join(repo, "content", rel));
      else {
        mkdirSync(join(repo, "content/weeks", relative(from, dir)), { recursive: true });
        cpSync(full, join(repo, "content/weeks", rel));
      }
    }
  };
  copy(from);
  return repo;
}

describe("hostile weeks, reader half", () => {
  it("has a README line for every corpus folder", () => {
    const readme = readFileSync(join(CORPUS, "README.md"), "utf8");
    for (const name of readdirSync(CORPUS).filter((n) => n !== "README.md")) expect(readme).toContain(`\`${name}\``);
    for (const name of readdirSync(CORPUS).filter((n) => n !== "README.md")) expect(cases.map((c) => c.name)).toContain(name);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    "%s",
    (_name, c) => {
      const repo = makeRepo(c);
      const { problems } = checkContentDir(join(repo, "content"), repo, { deep: true });
      const errors = problems.filter((p) => p.severity === "error");
      // Never quote a byte of a file outside the repository.
      for (const p of problems) expect(`${p.message} ${p.hint}`).not.toContain(OUTSIDE_MARKER);

      if ("rejected" in c.expect) {
        const want = c.expect.rejected;
        const hit = errors.find((p) => p.file.endsWith(want.file) && (want.field === undefined || p.field === want.field));
        expect(hit, JSON.stringify(errors, null, 1)).toBeDefined();
        if (want.line !== undefined) expect(hit!.line).toBe(want.line);
        expect(hit!.message).toMatch(/[\u4e00-\u9fff].*\(.+\)/);
        // The page parser refuses what the check refused, naming the file, without a stack-trace-only error.
        for (const f of loadWeekFiles(join(repo, "content/weeks"), repo).filter(
          (f) => !f.unreadable && f.path.endsWith(want.file) && f.path.endsWith(".mdx"),
        )) {
          expect(() => parseWeekSource(f.source, { file: f.path })).toThrow(WeekParseError);
        }
        return;
      }

      expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
      const registry = loadRegistry(join(repo, "content"));
      const files = loadWeekFiles(join(repo, "content/weeks"), repo).filter((f) => f.path.endsWith(".mdx") && !f.unreadable);
      const parsed = files.map((f) => parseWeekFile(f.source, { file: f.path, registry }));
      const reports = withDistinctProjectSlugs(files, parsed, (f, derivedSlugs) => parseWeekFile(f.source, { file: f.path, registry, derivedSlugs }), registry);
      for (const r of reports) {
        // No executable vector in the HTML the page injects; no control character anywhere (text fields are escaped on render).
        expect(r.html).not.toMatch(/javascript:|<script|\son[a-z]+\s*=/i);
        const page = [r.title, r.summary ?? "", r.author ?? "", r.html, ...r.sections.map((s) => s.text)].join("\n");
        expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      }
      c.expect.accepted(reports, problems);
    },
    300_000,
  ); // the 1 MB line takes ~11 s alone and ~40 s on a loaded 2-core machine
});

/**
 * The hostile HTML/URL corpus (tests/fixtures/hostile/html/, expectations in cases.json): each week is
 * either rejected by the check at the line and column the table names, or passes and renders with no
 * executable vector. Every case is also rendered with the check bypassed, so the sanitizer alone is
 * shown to hold when the check misses something.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseWeekSource, WeekParseError } from "../../../src/lib/report/parse-week.ts";
import { formatProblem, validateWeekFiles } from "../../../src/lib/validate/index.ts";
import { findExecutableVectors } from "../../support/executable-vectors.ts";

interface Case {
  file: string;
  what: string;
  /** `sanitizer`: whether the check rejects it is the reader's business (the frontmatter splitter); the renderer must hold alone. */
  expect: "rejected" | "safe" | "sanitizer";
  line?: number;
  column?: number;
  field?: string;
  /** Text the error message or hint must contain. */
  includes?: string;
  /** HTML the week page must contain. */
  renders?: string[];
  /** Text a warning must contain. */
  warning?: string;
}

const DIR = "tests/fixtures/hostile/html";
const cases = JSON.parse(readFileSync(join(DIR, "cases.json"), "utf8")) as Case[];
// The name the check sees: a week file must be named after its week.
const PATH = "content/weeks/2024-W18.mdx";

/** Every HTML fragment the model carries: week page, project and objective timelines, incidents. */
function fragments(source: string): string[] {
  try {
    const r = parseWeekSource(source, { file: PATH });
    return [r.html, ...r.projects.map((p) => p.html), ...r.objectives.flatMap((o) => o.items.map((i) => i.html)), ...r.incidents.map((i) => i.html)];
  } catch (e) {
    if (e instanceof WeekParseError) return [];
    throw e;
  }
}

describe("hostile HTML and URLs", () => {
  it("has a fixture for every row and a row for every fixture", () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith(".mdx"))
      .sort();
    expect(cases.map((c) => c.file).sort()).toEqual(files);
  });

  it.each(cases.filter((c) => c.expect === "rejected").map((c) => [c.what, c] as const))("%s: rejected by the check at file:line:col", (_what, c) => {
    const source = readFileSync(join(DIR, c.file), "utf8");
    const errors = validateWeekFiles([{ path: PATH, source }]).filter((p) => p.severity === "error");
    const at = errors.filter((p) => p.line === c.line && p.column === c.column && p.field === c.field);
    expect(at.map(formatProblem), errors.map(formatProblem).join("\n")).not.toEqual([]);
    const shown = at.map(formatProblem).join("\n");
    expect(shown.startsWith(`${PATH}:${c.line}:${c.column} error`)).toBe(true);
    expect(shown).toContain(c.includes!);
    expect(at.every((p) => p.hint.length > 0)).toBe(true);
  });

  it.each(cases.filter((c) => c.expect === "safe").map((c) => [c.what, c] as const))("%s: passes the check and renders", (_what, c) => {
    const source = readFileSync(join(DIR, c.file), "utf8");
    const problems = validateWeekFiles([{ path: PATH, source }]);
    expect(problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([]);
    if (c.warning)
      expect(
        problems
          .filter((p) => p.severity === "warning")
          .map((p) => p.message)
          .join("\n"),
      ).toContain(c.warning);
    const html = fragments(source).join("\n");
    for (const piece of c.renders ?? []) expect(html).toContain(piece);
  });

  it.each(cases.map((c) => [c.what, c] as const))("%s: rendered without the check, no executable vector", (_what, c) => {
    const source = readFileSync(join(DIR, c.file), "utf8");
    const html = fragments(source);
    for (const piece of html) expect(findExecutableVectors(piece), piece).toEqual([]);
    if (c.expect === "sanitizer") for (const piece of c.renders ?? []) expect(html.join("\n")).toContain(piece);
  });
});

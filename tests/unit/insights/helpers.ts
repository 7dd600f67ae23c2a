import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import type { WeekReport } from "../../../src/lib/report/model.ts";
import { fixtureMetricRegistry, fixtureRegistry, SEED_SOURCE } from "../../support/fixture-content.ts";

// The fixture content (tests/fixtures/content), never the site's own content/.
export const projectRegistry = fixtureRegistry;
export const metricRegistry = fixtureMetricRegistry;
export { SEED_SOURCE };

/** A week written inline for a test: frontmatter added, body dedented. */
export function week(label: string, body: string, frontmatter = ""): WeekReport {
  return parseWeekSource(weekSource(label, body, frontmatter), { file: `${label}.mdx`, registry: projectRegistry });
}

export function weekSource(label: string, body: string, frontmatter = ""): string {
  const lines = body.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  const dedented = lines.map((l) => l.slice(indent)).join("\n");
  return `---\nweek: ${label}\n${frontmatter}---\n\n${dedented}\n`;
}

/** Truth from the MDX text alone: the 系统运行数据 lines as the generator and the seed write them. */
export function metricTruthFromSource(source: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of source.matchAll(/^- (入金有效成功率|出金有效成功率|年度可用性)\s*[：:]\s*(\d+(?:\.\d+)?)%\s*$/gm)) found.set(m[1]!, Number(m[2]));
  for (const m of source.matchAll(/^- 事故数AB级(\d+)次，CD级(\d+)次\s*$/gm)) {
    found.set("AB级事故数", Number(m[1]));
    found.set("CD级事故数", Number(m[2]));
  }
  return found;
}

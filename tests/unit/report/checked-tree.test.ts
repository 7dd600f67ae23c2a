import { readFileSync } from "node:fs";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { generateCorpus } from "../../../scripts/lib/generate-corpus.ts";
import { objectivesFileSchema, projectsFileSchema, type Registry } from "../../../src/lib/registry.ts";
import { splitWeekSource } from "../../../src/lib/report/week-source.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";

const root = new URL("../../../", import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), "utf8");
const registry: Registry = {
  projects: projectsFileSchema.parse(parseYaml(read("content/projects.yaml"))),
  objectives: objectivesFileSchema.parse(parseYaml(read("content/objectives.yaml"))),
};
// The week check's pipeline (src/lib/validate/mdx.ts).
const checkProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);
const weeks = [
  { file: "content/weeks/2024-W17.mdx", source: read("content/weeks/2024-W17.mdx") },
  ...generateCorpus({ count: 40, seed: 3, skipWeeks: ["2024-W17"] }).map((w) => ({ file: w.fileName, source: w.source })),
];

/** What the check parses: the file with its frontmatter blanked line for line. */
function checkText(source: string): string {
  return splitWeekSource(source).paddedBody;
}

describe("a week tree handed over by the check", () => {
  it("gives the same report, lines included, as parsing from scratch", () => {
    for (const { file, source } of weeks) {
      const fresh = parseWeekSource(source, { file, registry });
      const text = checkText(source);
      const tree = checkProcessor.parse(text) as Root;
      const handedOver = parseWeekSource(source, { file, registry, checked: { text, tree } });
      // The parser anchors the nodes of the tree it works on: this one, not a fresh parse.
      expect(tree, `${file}: the check's tree was used`).not.toEqual(checkProcessor.parse(text));
      expect(handedOver, file).toEqual(fresh);
    }
  });

  it("is ignored when it was parsed from other text", () => {
    const { source } = weeks[0]!;
    const stale = checkProcessor.parse("- 【旧项目】过时的内容\n") as Root;
    const report = parseWeekSource(source, { file: "w.mdx", registry, checked: { text: "- 【旧项目】过时的内容\n", tree: stale } });
    expect(report.projects.map((p) => p.name)).not.toContain("旧项目");
    expect(stale, "the stale tree was left alone").toEqual(checkProcessor.parse("- 【旧项目】过时的内容\n"));
  });
});

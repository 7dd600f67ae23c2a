import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { emptyRegistry } from "../../../src/lib/registry.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { stripStatusWords } from "../../../src/lib/report/text.ts";
import { nearDuplicateProjects } from "../../../src/lib/validate/near-duplicates.ts";

const week = (id: string, body: string) => parseWeekSource(`---\nweek: ${id}\n---\n\n${body}`, { file: `${id}.mdx`, registry: emptyRegistry });

describe("objective subjects that change wording", () => {
  it.each([
    ["物保三期上线完成", "物保三期"],
    ["资金安全（一期）上线完毕", "资金安全（一期）"],
    ["存管路由已完成", "存管路由"],
    ["信用分接入进行中", "信用分接入"],
    ["一期启动完成", "一期"],
    ["物保三期", "物保三期"],
    // Never down to nothing: a subject that is only a status word stays.
    ["完成", "完成"],
    ["上线完成", "上线完成"],
  ])("%s → %s", (input, output) => {
    expect(stripStatusWords(input)).toBe(output);
  });

  it("stay one thread across weeks", () => {
    const archive = buildArchive(
      [
        week("2024-W16", "## O1 业务服务\n\n- 物保三期，联调中\n- 资金安全（一期），开发 60%"),
        week("2024-W17", "## O1 业务服务\n\n- 物保三期上线完成\n- 资金安全（一期）上线完毕"),
      ],
      emptyRegistry,
      { staleAfterWeeks: 4 },
    );
    const o1 = archive.objectives.find((o) => o.id === "O1")!;
    expect(o1.subjects.map((s) => [s.subject, s.entries.length]).sort()).toEqual([
      ["物保三期", 2],
      ["资金安全（一期）", 2],
    ]);
  });
});

describe("near-duplicate unregistered projects", () => {
  const reports = [
    { file: "2024-W16.mdx", report: week("2024-W16", "- 【信用分】 方案评审\n- 【存管】 上线") },
    { file: "2024-W17.mdx", report: week("2024-W17", "- 【信用分接入】 联调\n- 【存管路由】 灰度\n- 【支付】 稳定") },
  ];

  it("warn at the longer name, naming the shorter one", () => {
    const problems = nearDuplicateProjects(reports);
    expect(problems.map((p) => [p.file, p.line, p.severity])).toEqual([
      ["2024-W17.mdx", 5, "warning"],
      ["2024-W17.mdx", 6, "warning"],
    ]);
    expect(problems[0]!.message).toContain("「信用分接入」和「信用分」");
  });

  it("leave distinct names alone", () => {
    expect(nearDuplicateProjects([reports[0]!])).toEqual([]);
  });
});

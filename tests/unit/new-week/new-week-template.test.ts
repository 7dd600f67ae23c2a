import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildNewWeek, currentWeekId, PLAN_REVIEW_HEADING, pickTemplateWeek } from "../../../src/lib/import/new-week-template.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";
import { TEMPLATE_PLACEHOLDER, validateWeekFiles } from "../../../src/lib/validate/index.ts";
import type { WeekId } from "../../../src/lib/week-id.ts";

const seed = { week: "2024-W17", source: readFileSync("tests/fixtures/content/weeks/2024-W17.mdx", "utf8") };
const now = new Date(2030, 0, 8, 10, 5);
const errorsOf = (week: string, source: string) => validateWeekFiles([{ path: `content/weeks/${week}.mdx`, source }]).filter((p) => p.severity === "error");

describe("buildNewWeek from the seed", () => {
  const out = buildNewWeek({ week: "2030-W02" as WeekId, latest: seed, now });

  it("passes the check (placeholders are only a warning)", () => {
    expect(errorsOf("2030-W02", out)).toEqual([]);
    const warnings = validateWeekFiles([{ path: "content/weeks/2030-W02.mdx", source: out }]);
    expect(warnings.map((w) => w.field)).toEqual(["template"]);
  });

  it("fails the check once the draft flag is removed with the placeholders left, naming file and line", () => {
    const published = out.replace("draft: true\n", "");
    const errors = errorsOf("2030-W02", published);
    expect(errors.map((e) => e.field)).toEqual(["template"]);
    const firstLine = published.split("\n").findIndex((l) => l.includes(TEMPLATE_PLACEHOLDER)) + 1;
    expect(errors[0]).toMatchObject({ file: "content/weeks/2030-W02.mdx", line: firstLine });
    // The draft itself: a warning only.
    expect(validateWeekFiles([{ path: "content/weeks/2030-W02.mdx", source: out }]).map((p) => p.severity)).toEqual(["warning"]);
  });

  it("treats the half-width (待填写) and the default 【项目名称】 as placeholders too", () => {
    const src = (body: string) => `---\nweek: 2030-W02\n---\n\n${body}\n`;
    expect(errorsOf("2030-W02", src("- 【项目名称】\n    1. 写好了")).map((e) => e.line)).toEqual([5]);
    expect(errorsOf("2030-W02", src("## 其他\n\n1. (待填写)")).map((e) => e.line)).toEqual([7]);
    expect(errorsOf("2030-W02", src("## 其他\n\n1. 已写完"))).toEqual([]);
  });

  it("starts with the week and the local creation time", () => {
    expect(out).toMatch(/^---\nweek: 2030-W02\ncreated: "2030-01-08T10:05[+-]\d{2}:\d{2}"\ndraft: true\n---\n\n/);
  });

  it("keeps the 【project】 bullets, each with an empty-looking item", () => {
    expect(out).toContain(
      ["- 【贝易转（C转）】", "- 【54321技术战略落地】", "- 【AI创新与多栈】", "- 【聚合支付-现代金控】"]
        .map((p) => `${p}\n    1. ${TEMPLATE_PLACEHOLDER}`)
        .join("\n"),
    );
  });

  it("keeps every section heading as written, in order", () => {
    const headings = out.split("\n").filter((l) => l.startsWith("#"));
    expect(headings).toEqual([
      "## 【O1 业务服务】",
      "## 【O2 能力升级】",
      "## 【O3 平台治理】",
      "## 【O4 支付 × AI】",
      "## 【系统运行数据】",
      "## 【生产事件】",
      "## 【其他】",
      "## 收获与反思",
      PLAN_REVIEW_HEADING,
      "# 下周工作及目标",
    ]);
  });

  it("keeps metric labels without last week's numbers", () => {
    expect(out).toContain(`支付成功率：\n\n- 入金有效成功率：${TEMPLATE_PLACEHOLDER}\n- 出金有效成功率：${TEMPLATE_PLACEHOLDER}`);
    expect(out).not.toMatch(/99\.99/);
  });

  it("turns last week's 下周工作及目标 into a checklist to report against", () => {
    expect(out).toContain(
      `${PLAN_REVIEW_HEADING}\n\n- [ ] 贝易转研发和测试进度、质量跟进\n- [ ] 54321目标落地部分Owner沟通\n- [ ] 聚合支付与现代金控沟通试点\n- [ ] 重点项目汇报和评审辅导\n\n# 下周工作及目标\n\n1. ${TEMPLATE_PLACEHOLDER}\n`,
    );
  });

  it("is read by the site's parser as the same shape", () => {
    const report = parseWeekSource(out, { file: "content/weeks/2030-W02.mdx" });
    expect(report.projects.map((p) => p.name)).toEqual(["贝易转（C转）", "54321技术战略落地", "AI创新与多栈", "聚合支付-现代金控"]);
    expect(report.objectives.map((o) => o.id)).toEqual(["O1", "O2", "O3", "O4"]);
    // Unfilled （待填写） items are not content: no plans, no objective items until the author writes them.
    expect(report.plans).toHaveLength(0);
    expect(report.objectives.every((o) => o.items.length === 0)).toBe(true);
    expect(report.sections.some((s) => s.kind === "plans")).toBe(true);
  });
});

describe("other starting points", () => {
  it("uses a default shape when there is no week yet", () => {
    const out = buildNewWeek({ week: "2024-W01" as WeekId, now });
    expect(errorsOf("2024-W01", out)).toEqual([]);
    expect(out).toContain("## 下周工作及目标");
    expect(out).not.toContain(PLAN_REVIEW_HEADING);
  });

  it("leaves out the checklist when the latest week had no plans, and copies the author", () => {
    const latest = { week: "2024-W18", source: '---\nweek: 2024-W18\nauthor: "张三"\n---\n\n- 【新项目】 进展\n\n## O1 业务服务\n\n- 某事，完成\n' };
    const out = buildNewWeek({ week: "2024-W19" as WeekId, latest, now });
    expect(out).toContain('author: "张三"');
    expect(out).toContain(`- 【新项目】\n    1. ${TEMPLATE_PLACEHOLDER}\n\n## O1 业务服务\n\n- ${TEMPLATE_PLACEHOLDER}\n`);
    expect(out).not.toContain(PLAN_REVIEW_HEADING);
    expect(errorsOf("2024-W19", out)).toEqual([]);
  });
});

describe("pickTemplateWeek and currentWeekId", () => {
  const weeks = ["2024-W17", "2024-W20", "2023-W52", "notes"].map((week) => ({ week, source: "" }));
  it.each([
    ["2024-W19", "2024-W17"],
    ["2024-W21", "2024-W20"],
    ["2024-W01", "2023-W52"],
    ["2023-W01", "2024-W20"],
  ])("for %s copies %s", (target, expected) => {
    expect(pickTemplateWeek(weeks, target)?.week).toBe(expected);
  });

  it.each([
    [new Date(2024, 3, 20, 9, 27), "2024-W16"],
    [new Date(2021, 0, 3), "2020-W53"],
    [new Date(2024, 11, 30), "2025-W01"],
  ])("%s is in %s", (date, week) => {
    expect(currentWeekId(date)).toBe(week);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { objectivesFileSchema, projectsFileSchema, type Registry } from "../../../src/lib/registry.ts";
import { parseWeekSource } from "../../../src/lib/report/parse-week.ts";

const root = new URL("../../../", import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), "utf8");
const registry: Registry = {
  projects: projectsFileSchema.parse(parseYaml(read("tests/fixtures/content/projects.yaml"))),
  objectives: objectivesFileSchema.parse(parseYaml(read("tests/fixtures/content/objectives.yaml"))),
};
const seed = parseWeekSource(read("tests/fixtures/content/weeks/2024-W17.mdx"), { file: "content/weeks/2024-W17.mdx", registry });
const week = (body: string, fm = "week: 2024-W17") => parseWeekSource(`---\n${fm}\n---\n\n${body}`, { file: "t.mdx", registry });

describe("the seed week", () => {
  it("has the 4 top projects in order, with their nested items", () => {
    expect(seed.projects.map((p) => p.name)).toEqual(["贝易转（C转）", "54321技术战略落地", "AI创新与多栈", "聚合支付-现代金控"]);
    const byz = seed.projects[0]!;
    expect(byz.slug).toBe("bei-yi-zhuan");
    expect(byz.items.map((i) => i.text)).toEqual(["银行合作：", "业务合作：", expect.stringContaining("系统研发"), expect.stringContaining("交互设计")]);
    expect(byz.items[0]!.children).toHaveLength(3);
    expect(byz.items[0]!.children[2]!.text).toContain("工行 0.1%+50w");
    expect(byz.line).toBe(6);
  });

  it("keeps a paragraph under a project", () => {
    const jh = seed.projects[3]!;
    expect(jh.items).toHaveLength(1);
    expect(jh.items[0]!.text).toMatch(/^启动武汉加盟店东的沟通/);
  });

  it("has the 4 objectives with all their items and subjects", () => {
    expect(seed.objectives.map((o) => `${o.id} ${o.title}`)).toEqual(["O1 业务服务", "O2 能力升级", "O3 平台治理", "O4 支付 × AI"]);
    expect(seed.objectives.map((o) => o.items.length)).toEqual([7, 5, 5, 3]);
    expect(seed.objectives[0]!.items.map((i) => i.subject)).toEqual([
      "贝好家意向金",
      "物保三期",
      "存管路由",
      "存管衍生",
      "资金安全（一期）",
      "分账品质提升",
      "交易不成退代",
    ]);
    expect(seed.objectives[1]!.items[0]!.subject).toBe("POS收单系统建设");
    expect(seed.objectives[3]!.items[0]!.subject).toBe("贝小理");
  });

  it("attaches progress figures to their items", () => {
    const o2 = seed.objectives[1]!.items;
    expect(o2[0]!.progress.map((p) => p.percent)).toEqual([75, 90]);
    expect(o2[2]!.progress).toEqual([expect.objectContaining({ percent: 70, overall: true })]);
    const warehouse = o2[3]!.progress;
    expect(warehouse.find((p) => p.overall)?.percent).toBe(70);
    expect(warehouse.map((p) => p.percent)).toEqual([100, 70, 55, 70]);
    expect(seed.objectives[2]!.items[1]!.progress).toEqual([expect.objectContaining({ percent: 85, raw: "总迁移进度约85%" })]);
    // Ratios are not progress.
    expect(seed.objectives[0]!.items[5]!.progress).toEqual([]);
    expect(seed.objectives[3]!.items[0]!.progress).toEqual([]);
  });

  it("reads 2 metric groups with their 5 readings", () => {
    expect(seed.metrics.map((g) => g.title)).toEqual(["支付成功率", "系统可用性"]);
    const values = Object.fromEntries(seed.metrics.flatMap((g) => g.readings.map((r) => [r.label, r.value])));
    expect(values).toEqual({ 入金有效成功率: 99.997, 出金有效成功率: 99.984, 年度可用性: 100, AB级事故数: 0, CD级事故数: 0 });
  });

  it("reads 1 incident with date, time, impact and cause", () => {
    expect(seed.incidents).toHaveLength(1);
    const i = seed.incidents[0]!;
    expect(i).toMatchObject({ date: "2024-04-19", time: "16:36", impact: "影响了25笔下单" });
    expect(i.cause).toMatch(/^退款幂等性校验发现此退款单存在/);
  });

  it("reads 4 plans linked to projects where named", () => {
    expect(seed.plans.map((p) => p.text)).toEqual([
      "贝易转研发和测试进度、质量跟进",
      "54321目标落地部分Owner沟通",
      "聚合支付与现代金控沟通试点",
      "重点项目汇报和评审辅导",
    ]);
    expect(seed.plans.map((p) => p.projectSlug)).toEqual(["bei-yi-zhuan", "strategy-54321", "aggregated-payment", undefined]);
  });

  it("keeps other content: 其他 items and the reflections", () => {
    expect(seed.others.map((o) => o.text)).toEqual(["经纪&金融支付平台述职", "金融高P述职交流", "研发效能度量例会", "人员面试"]);
    expect(seed.reflections).toContain("没有度量，就没有改进");
  });

  it("loses no text: every body line is in the model's text", () => {
    const text = seed.text.replace(/\s+/g, " ");
    const body = read("tests/fixtures/content/weeks/2024-W17.mdx").split(/^---$/m)[2]!;
    for (const line of body.split("\n")) {
      const visible = line
        .replace(/^\s*(?:[-*]|\d+\.)\s+/, "")
        .replace(/^#+\s+/, "")
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\s+/g, " ")
        .trim();
      if (visible) expect(text).toContain(visible);
    }
  });

  it("puts anchors and links in the rendered HTML", () => {
    expect(seed.html).toContain('id="p-bei-yi-zhuan"');
    expect(seed.html).toContain('href="/projects/bei-yi-zhuan/"');
    expect(seed.html).toContain('href="/objectives/o1/"');
    expect(seed.sections.map((s) => s.anchor)).toEqual(["projects", "o1", "o2", "o3", "o4", "metrics", "incidents", "other", "reflections", "plans"]);
  });
});

describe("variants of the seed's shape", () => {
  it.each([
    ["## 【O1 业务服务】", "O1", "业务服务"],
    ["## O2 能力升级", "O2", "能力升级"],
    ["## O3：平台治理", "O3", "平台治理"],
    ["### O4:支付 × AI", "O4", "支付 × AI"],
    ["## 【O1业务服务】", "O1", "业务服务"],
    ["## Ｏ２　能力升级", "O2", "能力升级"],
  ])("reads objective heading %s", (heading, id, title) => {
    const r = week(`${heading}\n\n- 存管路由，二期启动\n`);
    expect(r.objectives).toHaveLength(1);
    expect(r.objectives[0]).toMatchObject({ id, title });
    expect(r.objectives[0]!.items[0]!.subject).toBe("存管路由");
  });

  it.each([
    ["## 系统运行数据", "metrics"],
    ["## 【生产事件】", "incidents"],
    ["## 其它", "other"],
    ["## 【收获与反思】", "reflections"],
    ["# 下周工作及目标", "plans"],
    ["## 下周计划：", "plans"],
    ["## 本周生产事件", "incidents"],
    ["## 随便写的标题", "unknown"],
  ])("classifies heading %s as %s", (heading, kind) => {
    expect(week(`${heading}\n\n正文\n`).sections[0]!.kind).toBe(kind);
  });

  it("reads projects with half-width text, bold markers and a lead on the same line", () => {
    const r = week("- **【贝易转】** 进度60%\n- 【新项目A】整体进度30%\n    1. 子项\n");
    expect(r.projects.map((p) => p.name)).toEqual(["贝易转", "新项目A"]);
    expect(r.projects[0]!.slug).toBe("bei-yi-zhuan");
    expect(r.projects[1]).toMatchObject({ slug: "xin-xiang-mu-a", registered: false, lead: "整体进度30%" });
    expect(r.projects[1]!.progress[0]!.percent).toBe(30);
  });

  it("groups an alias and the full name on one slug without a registry", () => {
    const noRegistry = (name: string) => parseWeekSource(`---\nweek: 2024-W17\n---\n\n- 【${name}】\n`, { file: "t.mdx" }).projects[0]!.slug;
    expect(noRegistry("测试项目（T项目）")).toBe(noRegistry("测试项目"));
  });

  it("survives missing sections and keeps unclassified text", () => {
    const r = week("一段开场白。\n\n## 杂项\n\n随手记\n");
    expect(r.projects).toEqual([]);
    expect(r.objectives).toEqual([]);
    expect(r.text).toContain("一段开场白。");
    expect(r.text).toContain("随手记");
  });

  it("reads several dated incidents in one paragraph and 无 as none", () => {
    const r = week("## 生产事件\n\n3/2 10:00 支付超时，影响了3笔。原因：网络抖动\n3/3 11:20 对账延迟\n");
    expect(r.incidents.map((i) => [i.date, i.time])).toEqual([
      ["2024-03-02", "10:00"],
      ["2024-03-03", "11:20"],
    ]);
    expect(week("## 生产事件\n\n无\n").incidents).toEqual([]);
  });

  it("puts a New Year's Eve incident in the previous year", () => {
    const r = parseWeekSource("---\nweek: 2025-W01\n---\n\n## 生产事件\n\n12/31 23:10 出金失败\n", { file: "t.mdx" });
    expect(r.incidents[0]!.date).toBe("2024-12-31");
  });

  it("reads task-list plans with their marks", () => {
    const r = week("## 下周工作及目标\n\n- [x] 贝易转联调\n- [ ] 机房双活演练\n- 普通计划\n");
    expect(r.plans.map((p) => p.checked)).toEqual([true, false, undefined]);
    expect(r.plans[0]!.projectSlug).toBe("bei-yi-zhuan");
  });

  it("keeps escaped MDX characters as text", () => {
    const r = week("- 【贝易转】\n    1. 成功率\\<0.1%，范围\\{A,B\\}\n");
    expect(r.text).toContain("成功率<0.1%，范围{A,B}");
    expect(r.html).toContain("成功率&#x3C;0.1%");
  });

  it("reports an MDX error with the file line", () => {
    expect(() => week("正文 {oops\n")).toThrow(/t\.mdx:5/);
  });
});

describe("links and template placeholders", () => {
  it("puts site-absolute links under the deploy base", () => {
    const r = parseWeekSource("---\nweek: 2024-W17\n---\n\n见[上周](/weeks/2024-w16/)与[外链](https://example.com/x)\n", {
      file: "t.mdx",
      links: { project: (s) => `/repo/projects/${s}/`, objective: (i) => `/repo/objectives/${i}/`, internal: (p) => `/repo${p}` },
    });
    expect(r.html).toContain('href="/repo/weeks/2024-w16/"');
    expect(r.html).toContain('href="https://example.com/x"');
  });

  it("does not count unfilled （待填写） items as content", () => {
    const r = week(
      "- 【贝易转】\n    1. （待填写）\n\n## 【O1 业务服务】\n\n- （待填写）\n\n## 【生产事件】\n\n（待填写）\n\n## 下周工作及目标\n\n1. （待填写）\n",
    );
    expect(r.projects[0]!.items).toEqual([]);
    expect(r.objectives[0]!.items).toEqual([]);
    expect(r.incidents).toEqual([]);
    expect(r.plans).toEqual([]);
  });
});

describe("the author's 上周计划完成情况 checklist and the draft flag", () => {
  const r = week("- 【贝易转】\n    1. 进展\n\n## 上周计划完成情况\n\n- [x] 贝易转研发\n- [ ] 54321目标落地\n\n## 下周工作及目标\n\n1. 继续\n");

  it("renders the checklist apart from the body, once, with its anchor", () => {
    expect(r.planChecklist?.title).toBe("上周计划完成情况");
    expect(r.planChecklist?.html).toContain("贝易转研发");
    expect(r.planChecklist?.html).not.toContain("<h2");
    expect(r.html).not.toContain("54321目标落地");
    expect(r.html).toContain("下周工作及目标");
    // Search still finds its words.
    expect(r.text).toContain("54321目标落地");
  });

  it("reads draft: true from the frontmatter, false by default", () => {
    expect(r.draft).toBe(false);
    expect(week("正文\n", "week: 2024-W17\ndraft: true").draft).toBe(true);
  });
});

describe("其他 with unfilled items", () => {
  it("anchors the filled items and skips the placeholders", () => {
    const r = week("## 其他\n\n1. （待填写）\n2. 人员面试\n\n（待填写）\n\n补充说明\n");
    expect(r.others.map((o) => [o.anchor, o.text])).toEqual([
      ["other-1", "人员面试"],
      ["other-2", "补充说明"],
    ]);
  });
});

describe("link references", () => {
  const links = { project: (s: string) => `/repo/projects/${s}/`, objective: (i: string) => `/repo/objectives/${i}/`, internal: (p: string) => `/repo${p}` };
  const parse = (body: string) => parseWeekSource(`---\nweek: 2024-W17\n---\n\n${body}`, { file: "t.mdx", links });

  it("resolves a reference to a definition further down, under the deploy base when site-absolute", () => {
    const r = parse(
      '- 【贝易转】见[方案][doc]与![图][img]\n\n## 其他\n\n1. 另见[外链][ext]\n\n[doc]: /files/plan.pdf\n[img]: /images/a.png "图一"\n[EXT]: https://example.com/x\n',
    );
    expect(r.html).toContain('href="/repo/files/plan.pdf"');
    expect(r.html).toContain('src="/repo/images/a.png"');
    expect(r.html).toContain('href="https://example.com/x"');
    expect(r.projects[0]!.html).toContain('href="/repo/files/plan.pdf"');
    expect(r.html).not.toContain("[doc]");
  });

  it("takes the first of two definitions of one label, as CommonMark does", () => {
    const r = parse("见[方案][doc]\n\n[doc]: /first/\n[doc]: /second/\n");
    expect(r.html).toContain('href="/repo/first/"');
    expect(r.html).not.toContain("/second/");
  });

  it("puts an <img src> under the deploy base too, and leaves protocol-relative URLs alone", () => {
    const r = parse('<img src="/images/b.png" alt="b" />\n\n见[外](//cdn.example.com/x)\n');
    expect(r.html).toContain('src="/repo/images/b.png"');
    expect(r.html).toContain('href="//cdn.example.com/x"');
  });
});

import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { listStaleWork } from "../../../src/lib/insights/stale-work.ts";
import { saysDone } from "../../../src/lib/staleness.ts";
import type { Registry } from "../../../src/lib/registry.ts";
import { projectRegistry, week } from "./helpers.ts";

describe("saysDone", () => {
  it.each([
    ["物保三期上线完成，4/7上线卖方支付物保金", true],
    ["资金安全（一期）上线完毕，业务UAT通过", true],
    ["已投产，进入运营观察期", true],
    ["一期全量投产，首周交易300笔", true],
    ["告警降噪结项，值班告警量下降明显", true],
    ["迁移完成，旧机房下线", true],
    ["开发进度100%，已上线", true],
    ["联调进度100%", true],
    ["结项资料编写完成，待结项", false],
    ["功能验证完成，计划4/18上线，4/22投产", false],
    ["协议配置联调测试，整体进展70%", false],
    ["A端成长体系及权益上线；本周新增办卡11张", false],
  ])("%s → %s", (text, done) => {
    const progress = /100%/.test(text) ? [{ percent: 100, label: "", overall: false, raw: "100%" }] : [];
    expect(saysDone(text, progress)).toBe(done);
  });
});

describe("stale work", () => {
  const project = (name: string, text: string) => `- 【${name}】\n    1. ${text}\n`;
  const weeks = [
    week(
      "2024-W10",
      project("贝易转", "联调进度60%") +
        project("信用分接入", "方案评审") +
        project("资金安全", "二期上线完毕") +
        "\n## O1 业务服务\n\n- 租金监管，方案沟通中\n- 存管路由，一期测试10%\n- 物保三期上线完成\n",
    ),
    week("2024-W12", project("存管路由", "灰度中") + project("聚合支付", "试点沟通")),
    week("2024-W13", project("54321技术战略落地", "宣导完成")),
    week("2024-W14", project("54321技术战略落地", "宣导完成") + "\n## O1 业务服务\n\n- 贝易转，联调中\n"),
  ];
  const registry: Registry = {
    ...projectRegistry,
    projects: projectRegistry.projects.map((p) => (p.slug === "aggregated-payment" ? { ...p, status: "done" as const } : p)),
  };
  const staleAfter = (staleAfterWeeks: number) => listStaleWork(buildArchive(weeks, registry, { staleAfterWeeks }));

  it("lists projects and subjects silent for N weeks that are not done, most recently quiet first", () => {
    expect(staleAfter(4).map((s) => [s.kind, s.name, s.lastWeek, s.weeksSilent])).toEqual([
      ["project", "信用分接入", "2024-W10", 4],
      ["subject", "租金监管", "2024-W10", 4],
    ]);
  });

  it("takes N from the archive's staleAfterWeeks", () => {
    expect(staleAfter(2).map((s) => s.name)).toEqual(["存管路由", "信用分接入", "租金监管"]);
    expect(staleAfter(5)).toEqual([]);
  });

  it("counts a project mentioned under an objective as not quiet", () => {
    expect(staleAfter(1).map((s) => s.name)).not.toContain("贝易转（C转）");
  });

  it("flags on the archive what it lists: quiet work whose last mention does not say finished", () => {
    const archive = buildArchive(weeks, registry, { staleAfterWeeks: 4 });
    const project = (slug: string) => archive.projectBySlug.get(slug)!;
    const subject = (name: string) => archive.objectives[0]!.subjects.find((s) => s.subject === name)!;
    expect([project("xin-yong-fen-jie-ru").stale, subject("租金监管").stale]).toEqual([true, true]);
    // 二期上线完毕, 物保三期上线完成: quiet as long, but finished.
    expect([project("zi-jin-an-quan").stale, subject("物保三期").stale]).toEqual([false, false]);
  });

  it("links the last mention", () => {
    expect(staleAfter(4)[0]).toMatchObject({ projectSlug: "xin-yong-fen-jie-ru", lastWeekSlug: "2024-w10", lastAnchor: "p-xin-yong-fen-jie-ru" });
    expect(staleAfter(4)[1]).toMatchObject({ objectiveId: "O1", lastAnchor: "o1-1" });
  });
});

import { describe, expect, it } from "vitest";
import { buildArchive } from "../../../src/lib/archive.ts";
import { buildInsights } from "../../../src/lib/insights/insights.ts";
import { doneBlocks, keyPhrases, longestShared, markFor, reviewPlan, reviewPlans, type PlanStatus } from "../../../src/lib/insights/plan-vs-done.ts";
import type { PlanItem } from "../../../src/lib/report/model.ts";
import { metricRegistry, projectRegistry, week, weekSource } from "./helpers.ts";

/** This week's report: what plans are judged against. */
const thisWeek = week(
  "2024-W18",
  `
  - 【贝易转（C转）】
      1. 系统研发：一期联调完成，遗留缺陷3个
      2. 交互设计：交互稿评审通过
  - 【54321技术战略落地】
      1. 降本：太乙下线降本11w/月
  - 【用户终端安全】
      1. 密码秘钥方案：评审通过，KMS接入中

  ## 【O1 业务服务】

  - 存管路由，路由流量切换30%，新银资金沉淀提升明显
  - 物保三期上线完成，4/7上线卖方支付物保金

  ## 【O3 平台治理】

  - 慢SQL治理，本周治理慢SQL 12条
  - AI+OCR，备件标注300张

  ## 【其他】

  1. 人员面试
  2. 重点项目汇报
  3. Q2OKR复盘
  `,
);

const plan = (text: string, extra: Partial<PlanItem> = {}): PlanItem => ({
  anchor: "plan-1",
  text,
  subject: text,
  line: 1,
  ...extra,
});

describe("plan vs. done", () => {
  const blocks = doneBlocks(thisWeek);

  it.each<[string, Partial<PlanItem>, PlanStatus, string | undefined]>([
    // Addressed: same project or subject, and a shared key phrase.
    ["贝易转研发和测试进度、质量跟进", { projectSlug: "bei-yi-zhuan" }, "addressed", "贝易转（C转）"],
    ["贝易转研发和测试进度、质量跟进", {}, "addressed", "贝易转（C转）"],
    ["C转交互设计评审", { projectSlug: "bei-yi-zhuan" }, "addressed", "贝易转（C转）"],
    ["终端安全密码秘钥方案评审", {}, "addressed", "用户终端安全"],
    ["存管路由流量切换", {}, "addressed", "存管路由"],
    ["慢SQL治理进度跟进，目标100%", {}, "addressed", "慢SQL治理"],
    ["人员面试", {}, "addressed", ""],
    // Unsure: the subject comes back but none of the planned work, or only part of the words do.
    ["54321目标落地部分Owner沟通", { projectSlug: "strategy-54321" }, "unsure", "54321技术战略落地"],
    ["AI+OCR复盘", {}, "unsure", "AI+OCR"],
    ["重点项目汇报和评审辅导", {}, "unsure", ""],
    ["Q2OKR对齐", {}, "unsure", ""],
    ["交互设计评审", {}, "unsure", "贝易转（C转）"],
    // Not mentioned: neither the subject nor its words are in this week.
    ["聚合支付与现代金控沟通试点", { projectSlug: "aggregated-payment" }, "not-mentioned", undefined],
    ["信用分方案评审", {}, "not-mentioned", undefined],
    ["稳定性周会", {}, "not-mentioned", undefined],
    ["支付稳定性治理宣导", {}, "not-mentioned", undefined],
    ["贝好家意向金投产", {}, "not-mentioned", undefined],
    ["研发效能度量例会", {}, "not-mentioned", undefined],
    ["告警降噪上线及投产验证", {}, "not-mentioned", undefined],
  ])("「%s」 %j → %s (evidence: %s)", (text, extra, status, evidenceName) => {
    const review = reviewPlan(plan(text, extra), blocks);
    expect(review.status).toBe(status);
    expect(review.explicit).toBe(false);
    if (evidenceName === undefined) expect(review.evidence).toEqual([]);
    else expect(review.evidence[0]!.name).toBe(evidenceName);
  });

  it.each<[boolean, PlanStatus]>([
    [true, "done"],
    [false, "open"],
  ])("honours an explicit task mark [%s] over the text", (checked, status) => {
    const review = reviewPlan(plan("信用分方案评审", { checked }), blocks);
    expect(review).toMatchObject({ status, explicit: true });
    const matched = reviewPlan(plan("人员面试", { checked }), blocks);
    expect(matched).toMatchObject({ status, explicit: true });
    expect(matched.evidence[0]!.kind).toBe("other");
  });

  it("says which phrases it found and where", () => {
    const review = reviewPlan(plan("贝易转研发和测试进度、质量跟进"), blocks);
    expect(review.evidence[0]).toMatchObject({ kind: "project", anchor: "p-bei-yi-zhuan", sameSubject: true, phrases: ["研发"] });
  });

  it.each([
    [
      "贝易转研发和测试进度、质量跟进",
      [
        ["贝易转研发", ["贝易转研发"]],
        ["测试进度", ["测试"]],
        ["质量跟进", ["质量"]],
      ],
    ],
    ["Q2OKR对齐", [["q2okr对齐", ["q2okr", "对齐"]]]],
    ["进度跟进，目标100%", []],
  ])("key phrases of %s", (text, expected) => {
    expect(keyPhrases(text).map((p) => [p.segment, p.parts])).toEqual(expected);
  });
});

describe("the longest shared run of a plan's words and a block", () => {
  it.each<[string, string, number, string]>([
    ["c转交互设计评审", "交互设计：交互稿评审通过", 2, "交互设计"],
    // Of two runs as long, the first in the plan.
    ["评审交互", "交互稿评审", 2, "评审"],
    ["ababab", "xbabx", 2, "bab"],
    // Nothing as long as asked for.
    ["密码秘钥", "秘密码", 3, ""],
    ["方案评审", "进度跟进", 2, ""],
    ["评", "评审", 1, ""],
  ])("%s in %s (at least %i) → %s", (needle, hay, min, expected) => {
    expect(longestShared(needle, hay, min)).toBe(expected);
  });

  it("takes only runs whose every pair of characters is in `pairsIn`", () => {
    // 管切 exists only where a name was cut out of the block: the run stops at the pair the whole text lacks.
    expect(longestShared("存管切换", "存管切换", 2, "存管 路由 切换")).toBe("存管");
    expect(longestShared("存管切换", "存管切换", 2)).toBe("存管切换");
  });
});

describe("plans read from a week's 下周工作及目标", () => {
  const previous = week(
    "2024-W17",
    `
    # 下周工作及目标

    - [x] 信用分方案评审
    - [ ] 人员面试
    - 存管路由流量切换
    `,
  );

  it("keeps the author's marks and judges the rest", () => {
    expect(reviewPlans(previous, thisWeek).map((r) => [r.plan.text, r.status, r.explicit])).toEqual([
      ["信用分方案评审", "done", true],
      ["人员面试", "open", true],
      ["存管路由流量切换", "addressed", false],
    ]);
  });

  it("shows each week the previous week's plans, and the first week none", () => {
    const archive = buildArchive([thisWeek, previous], projectRegistry, { staleAfterWeeks: 4 });
    const insights = buildInsights(archive, { metricRegistry });
    expect(insights.weeks.get("2024-w17")!.plans).toBeUndefined();
    expect(insights.weeks.get("2024-w18")!.plans).toMatchObject({ fromWeek: "2024-W17", fromSlug: "2024-w17" });
    expect(insights.weeks.get("2024-w18")!.plans!.reviews).toHaveLength(3);
  });
});

describe("this week's 上周计划完成情况 checklist", () => {
  const source = weekSource(
    "2024-W18",
    `
    - 【贝易转（C转）】
        1. 系统研发：一期联调完成

    ## 上周计划完成情况

    - [x] 信用分方案评审
    - [ ] 人员面试
    - [X] 存管路由流量切换（已切 30%）

    ## 【其他】

    1. 人员面试
    `,
  );
  const current = week("2024-W18", source.split("---\n")[2]!);
  const marks = current.planMarks;

  it("reads each tick with its file line", () => {
    expect(marks).toEqual([
      { text: "信用分方案评审", checked: true, line: 10 },
      { text: "人员面试", checked: false, line: 11 },
      { text: "存管路由流量切换（已切 30%）", checked: true, line: 12 },
    ]);
    expect(source.split("\n")[9]).toBe("- [x] 信用分方案评审");
  });

  it.each<[string, boolean | undefined]>([
    ["信用分方案评审", true],
    ["人员面试", false],
    ["存管路由流量切换", true],
    ["稳定性周会", undefined],
  ])("pairs 「%s」 with its tick → %s", (text, expected) => {
    expect(markFor({ text }, marks)).toBe(expected);
  });

  it("ignores an untouched list (nothing ticked): the template writes every box empty", () => {
    expect(
      markFor(
        { text: "人员面试" },
        marks.map((m) => ({ ...m, checked: false })),
      ),
    ).toBeUndefined();
  });

  it("finds no checklist in a week without one", () => {
    expect(week("2024-W18", "## 下周工作及目标\n\n- [x] 贝易转联调\n").planMarks).toEqual([]);
  });

  it("lets the checklist overrule the text and the plan's own box", () => {
    const previous = week("2024-W17", "# 下周工作及目标\n\n- [ ] 信用分方案评审\n- 人员面试\n- 稳定性周会\n");
    expect(reviewPlans(previous, current).map((r) => [r.plan.text, r.status, r.markedIn])).toEqual([
      ["信用分方案评审", "done", "review"],
      ["人员面试", "open", "review"],
      ["稳定性周会", "not-mentioned", undefined],
    ]);
  });
});

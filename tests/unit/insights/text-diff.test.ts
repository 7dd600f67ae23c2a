import { describe, expect, it } from "vitest";
import { diffHtml, diffText, hasChanges, progressChange, tokenize } from "../../../src/lib/insights/text-diff.ts";
import { extractProgress } from "../../../src/lib/report/progress.ts";

const marked = (before: string, after: string) => diffHtml(diffText(before, after));

describe("tokenize", () => {
  it("splits Chinese into words, not single characters", () => {
    expect(tokenize("完成联调测试")).not.toEqual([..."完成联调测试"]);
    expect(tokenize("完成联调测试").join("")).toBe("完成联调测试");
  });
  it("keeps a figure with its decimal point and percent sign as one token", () => {
    expect(tokenize("整体进度75.5%，完成")).toEqual(expect.arrayContaining(["75.5%", "，"]));
    expect(tokenize("影响1,200笔")).toContain("1,200");
    expect(tokenize("进度８０％")).toContain("８０％");
  });
  it.each([
    ["金额1,000.5元，较上周", ["金额", "1,000.5", "元", "，", "较", "上周"]],
    ["完成1，000笔，其余", ["完成", "1，000", "笔", "，", "其余"]],
    ["占比.5%以上", ["占", "比", ".", "5%", "以上"]],
    ["％与%不是数字", ["％", "与", "%", "不是", "数字"]],
    ["第３期，进度５０％。", ["第", "３", "期", "，", "进度", "５０％", "。"]],
  ])("joins figure pieces only to a figure with digits: %s", (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
  it("keeps Latin words whole", () => {
    expect(tokenize("open API v2 上线")).toEqual(expect.arrayContaining(["open", "API", "v2"]));
  });
});

describe("diffText", () => {
  it("marks nothing for identical texts", () => {
    const parts = diffText("整体进度70%，完成联调", "整体进度70%，完成联调");
    expect(hasChanges(parts)).toBe(false);
    expect(marked("整体进度70%，完成联调", "整体进度70%，完成联调")).toBe("整体进度70%，完成联调");
  });
  it("reads a changed figure as one change", () => {
    expect(marked("整体进度70%，完成联调", "整体进度75%，完成联调")).toBe("整体进度<del>70%</del><ins>75%</ins>，完成联调");
    expect(diffText("进度70%", "进度75.5%").filter((p) => p.kind !== "same")).toEqual([
      { kind: "del", text: "70%" },
      { kind: "ins", text: "75.5%" },
    ]);
  });
  it("diffs one line against another as it diffs the same lines inside longer texts", () => {
    const oneLine = diffText("进度70%，联调中", "进度75%，联调完成");
    expect(oneLine).toEqual([
      { kind: "same", text: "进度" },
      { kind: "del", text: "70%" },
      { kind: "ins", text: "75%" },
      { kind: "same", text: "，联调" },
      { kind: "del", text: "中" },
      { kind: "ins", text: "完成" },
    ]);
    expect(diffText("一行\n进度70%，联调中", "一行\n进度75%，联调完成")).toEqual([{ kind: "same", text: "一行\n进度" }, ...oneLine.slice(1)]);
  });
  it("marks an inserted Chinese phrase as whole words", () => {
    const html = marked("完成联调测试", "完成联调测试，启动灰度发布");
    expect(html).toBe("完成联调测试<ins>，启动灰度发布</ins>");
  });
  it("marks changed Latin words whole", () => {
    expect(marked("open API v1 上线", "open API v2 上线")).toBe("open API <del>v1</del><ins>v2</ins> 上线");
  });
  it("shows a complete rewrite as one deletion and one insertion", () => {
    const parts = diffText("需求评审完成", "灰度上线");
    expect(parts).toEqual([
      { kind: "del", text: "需求评审完成" },
      { kind: "ins", text: "灰度上线" },
    ]);
  });
  it("keeps every character of both texts: same+del gives the old, same+ins the new", () => {
    const before = "【存管路由】整体进度60%，完成A银行联调；B银行排期中";
    const after = "【存管路由】整体进度80%，完成A、B银行联调；C银行启动";
    const parts = diffText(before, after);
    expect(
      parts
        .filter((p) => p.kind !== "ins")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== "del")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
  });
  it("escapes week text: markup in a week never becomes markup in the diff", () => {
    const html = marked("说明 <b>旧</b>", "说明 <img src=x onerror=alert(1)> & 新");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&#x3C;");
    expect(html).toContain("onerror=alert(1)");
  });
  it("bounds the work on huge texts and still returns both sides", () => {
    const a = "甲乙丙丁".repeat(5000);
    const b = "子丑寅卯".repeat(5000);
    const parts = diffText(a, b);
    expect(parts.some((p) => p.kind === "del")).toBe(true);
    expect(parts.some((p) => p.kind === "ins")).toBe(true);
  });
});

describe("progressChange", () => {
  it("says 70% → 75% when the headline figure moved", () => {
    expect(progressChange(extractProgress("整体进度70%"), extractProgress("整体进度75%"))).toBe("70% → 75%");
  });
  it("says nothing when it did not move or one side has no figure", () => {
    expect(progressChange(extractProgress("整体进度70%"), extractProgress("整体进度70%"))).toBeUndefined();
    expect(progressChange([], extractProgress("整体进度70%"))).toBeUndefined();
  });
});

describe("diffText on long texts", () => {
  const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i} `).join("");
  it("treats two long unrelated texts as one rewrite", () => {
    expect(diffText(words("alpha", 40), words("omega", 40))).toEqual([
      { kind: "del", text: words("alpha", 40).trimEnd() },
      { kind: "ins", text: words("omega", 40).trimEnd() },
      { kind: "same", text: " " },
    ]);
  });
  it("still marks one changed word inside a long text", () => {
    const before = words("w", 60);
    const after = before.replace("w30 ", "changed ");
    expect(diffText(before, after).filter((p) => p.kind !== "same")).toEqual([
      { kind: "del", text: "w30" },
      { kind: "ins", text: "changed" },
    ]);
  });
});

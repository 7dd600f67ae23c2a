import { describe, expect, it } from "vitest";
import { weekFrontmatterSchema } from "../../src/lib/week-schema.ts";

describe("week frontmatter schema", () => {
  it("accepts a file with only week", () => {
    expect(weekFrontmatterSchema.parse({ week: "2024-W17" })).toEqual({ week: "2024-W17" });
  });

  it("keeps the author's label even when created lies in another ISO week", () => {
    const fm = weekFrontmatterSchema.parse({ week: "2024-W17", created: "2024-04-20T09:27+08:00" });
    expect(fm.week).toBe("2024-W17");
    expect(fm.created).toBe("2024-04-20T09:27+08:00");
  });

  it.each([
    [{ week: "2024-W60" }, "week"],
    [{ week: "2021-W53" }, "week"],
    [{}, "week"],
    [{ week: "2024-W17", created: "2024-04-20" }, "created"],
    [{ week: "2024-W17", tittle: "x" }, ""],
    [{ week: "2024-W17", title: "" }, "title"],
    [{ week: "2024-W17", metrics: { 入金有效成功率: "abc" } }, "metrics"],
  ])("rejects %j (field %s)", (data, field) => {
    const r = weekFrontmatterSchema.safeParse(data);
    expect(r.success).toBe(false);
    if (!r.success && field) expect(String(r.error.issues[0]!.path[0])).toBe(field);
  });

  it("accepts optional title, author, summary and metrics", () => {
    const fm = weekFrontmatterSchema.parse({ week: "2020-W53", title: "年终周报", author: "张三", summary: "s", metrics: { a: 99.9, b: "99.997%" } });
    expect(fm.title).toBe("年终周报");
  });
});

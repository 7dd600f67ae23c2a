import { describe, expect, it } from "vitest";
import { suggestProject } from "../../../src/lib/validate/projects.ts";
import type { Registry } from "../../../src/lib/registry.ts";

const registry = (names: string[]): Registry => ({
  projects: names.map((name, i) => ({ slug: `p${i}`, name, aliases: [] })) as unknown as Registry["projects"],
  objectives: [],
});

describe("suggestProject", () => {
  it("suggests the registered name a typo is close to, and nothing for a registered name", () => {
    const r = registry(["贝易转（C转）", "AI创新与多栈"]);
    expect(suggestProject("贝易转(C转", r)).toBe("贝易转（C转）");
    expect(suggestProject("AI创新与多", r)).toBe("AI创新与多栈");
    expect(suggestProject("AI创新与多栈", r)).toBeUndefined();
    expect(suggestProject("完全无关的名字", r)).toBeUndefined();
  });

  it("answers each registry for itself, also for a name asked before", () => {
    const first = registry(["支付网关升级"]);
    const second = registry(["支付网关迁移"]);
    expect(suggestProject("支付网关升", first)).toBe("支付网关升级");
    expect(suggestProject("支付网关升", second)).toBe("支付网关迁移");
    expect(suggestProject("支付网关升", first)).toBe("支付网关升级");
    // Registered in one registry, a typo in the other.
    expect(suggestProject("支付网关迁移", second)).toBeUndefined();
    expect(suggestProject("支付网关迁移", first)).toBe("支付网关升级");
  });
});

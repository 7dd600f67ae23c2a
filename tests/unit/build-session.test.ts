import { describe, expect, it } from "vitest";
import { prefetchLookup, type PrefetchedWeeks } from "../../src/lib/build-session.ts";
import type { ParsedWeekFile } from "../../src/lib/week-files.ts";

const parsed = { report: { week: "2024-W17" } } as unknown as ParsedWeekFile;
const registry = { projects: [{ slug: "a", name: "甲", aliases: [], status: "active" as const }], objectives: [] };
const prefetched: PrefetchedWeeks = {
  base: "/archive",
  registry,
  files: [{ path: "/repo/content/weeks/2024-W17.mdx", source: "---\nweek: 2024-W17\n---\n", parsed }],
  records: [],
};

describe("prefetchLookup", () => {
  it("gives a prefetched week only for the same path and the same text", () => {
    const lookup = prefetchLookup(prefetched, { base: "/archive/", registry: structuredClone(registry) });
    if (!lookup.ok) throw new Error(lookup.reason);
    expect(lookup.get("/repo/content/weeks/2024-W17.mdx", "---\nweek: 2024-W17\n---\n")).toBe(parsed);
    expect(lookup.get("/repo/content/weeks/2024-W17.mdx", "---\nweek: 2024-W17\n---\nedited\n")).toBeUndefined();
    expect(lookup.get("/repo/content/weeks/2024-W18.mdx", "---\nweek: 2024-W17\n---\n")).toBeUndefined();
  });

  it("refuses weeks parsed for another base URL or registry, saying which", () => {
    expect(prefetchLookup(prefetched, { base: "/", registry })).toMatchObject({ ok: false, reason: expect.stringContaining("base") });
    const renamed = { ...registry, projects: [{ ...registry.projects[0]!, name: "乙" }] };
    expect(prefetchLookup(prefetched, { base: "/archive", registry: renamed })).toEqual({ ok: false, reason: "registry differs" });
  });
});

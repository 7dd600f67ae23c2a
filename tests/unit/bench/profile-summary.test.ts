import { describe, expect, it } from "vitest";
import { ownerOf, summarizeProfile, type CpuProfile } from "../../../scripts/bench/profile-summary.ts";

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

describe("ownerOf", () => {
  it.each([
    [frame("subtokenize", "file:///r/node_modules/micromark-util-subtokenize/index.js"), "micromark-util-subtokenize"],
    [frame("x", "file:///r/node_modules/@astrojs/mdx/dist/index.js"), "@astrojs/mdx"],
    [frame("parseMdx", "file:///r/src/lib/validate/mdx.ts"), "src/lib/validate/mdx.ts"],
    [frame("loadAll", "file:///r/dist/.prerender/chunks/archive_x.mjs"), "project code (prerender bundle)"],
    [frame("get", "node:internal/modules/package_json_reader"), "node internals"],
    [frame("(garbage collector)", ""), "(garbage collector)"],
    [frame("ModuleWrap", ""), "(native)"],
  ])("%j belongs to %s", (f, owner) => {
    expect(ownerOf(f)).toBe(owner);
  });
});

describe("summarizeProfile", () => {
  it("adds self time per owner and per function, largest first", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)", "") },
        { id: 2, callFrame: frame("parse", "file:///r/node_modules/micromark/index.js") },
        { id: 3, callFrame: frame("(garbage collector)", "") },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [1000, 1000, 500, 1000],
    };
    const s = summarizeProfile(profile);
    expect(s.totalMs).toBe(3.5);
    expect(s.byOwner).toEqual([
      ["micromark", 3],
      ["(garbage collector)", 0.5],
    ]);
    expect(s.byFunction[0]).toEqual(["parse · micromark", 3]);
  });
});

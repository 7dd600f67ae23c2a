import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../../../scripts/bench/args.ts";

describe("parseBenchArgs", () => {
  it("defaults to 52, 260, 520 and 2,600 weeks (5,200 with --large), three build pairs and 100 queries", () => {
    expect(parseBenchArgs([])).toEqual({ sizes: [52, 260, 520, 2600], runs: 3, queries: 100, profile: false });
    expect(parseBenchArgs(["--large"]).sizes).toEqual([52, 260, 520, 2600, 5200]);
    expect(parseBenchArgs(["--sizes", "520", "--large"]).sizes).toEqual([520, 5200]);
  });
  it("takes a subset of sizes in any order, once each", () => {
    expect(parseBenchArgs(["--sizes", "260, 52,52", "--runs", "2"])).toMatchObject({ sizes: [52, 260], runs: 2 });
  });
  it("passes a config variant and the profiler switch through", () => {
    expect(parseBenchArgs(["--config", "tmp/x.mjs", "--profile"])).toMatchObject({ config: "tmp/x.mjs", profile: true });
  });
  it("benches a real content folder with --corpus", () => {
    expect(parseBenchArgs(["--corpus", "tmp/real/content"])).toMatchObject({ corpus: "tmp/real/content" });
    expect(parseBenchArgs([])).not.toHaveProperty("corpus");
  });
  it("turns the search step off with --no-search", () => {
    expect(parseBenchArgs(["--no-search"]).queries).toBe(0);
  });
  it.each([
    [["--sizes", "52,x"], /--sizes/],
    [["--runs", "0"], /--runs/],
    [["--queries", "-1"], /--queries/],
  ])("rejects %j naming the flag", (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

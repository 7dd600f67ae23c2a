import { describe, expect, it } from "vitest";
import { parseElapsed, parseProcStat, parseTimeVerbose, treeRss } from "../../../scripts/bench/process-memory.ts";

const TIME_V = `	Command being timed: "npm run build"
	User time (seconds): 18.82
	System time (seconds): 4.93
	Percent of CPU this job got: 72%
	Elapsed (wall clock) time (h:mm:ss or m:ss): 0:32.78
	Maximum resident set size (kbytes): 1095812
	Exit status: 0
`;

describe("parseTimeVerbose", () => {
  it("reads wall time, CPU time, the largest process and the exit status of GNU time -v", () => {
    expect(parseTimeVerbose(TIME_V)).toEqual({
      elapsedSeconds: 32.78,
      userSeconds: 18.82,
      systemSeconds: 4.93,
      maxRssBytes: 1095812 * 1024,
      exitStatus: 0,
    });
  });
  it("returns undefined for text that is not a time report", () => {
    expect(parseTimeVerbose("Command exited with non-zero status 1\n")).toBeUndefined();
  });
});

describe("parseElapsed", () => {
  it.each([
    ["0:32.78", 32.78],
    ["2:05.50", 125.5],
    ["1:02:03", 3723],
  ])("%s is %d seconds", (text, seconds) => {
    expect(parseElapsed(text)).toBeCloseTo(seconds, 6);
  });
});

describe("parseProcStat", () => {
  it("counts fields after the last parenthesis, so odd command names parse", () => {
    const line = "4242 (node (astro) x) S 4200 4242 4200 0 -1 4194560 1 0 0 0 5 1 0 0 20 0 11 0 100 2000000 1500 18446744073709551615";
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4200, rss: 1500 * 4096, cpu: 0.06 });
  });
  it("gives undefined for a malformed line", () => {
    expect(parseProcStat("garbage")).toBeUndefined();
  });
});

describe("treeRss", () => {
  it("sums the root and every descendant, not unrelated processes", () => {
    const procs = [
      { pid: 1, ppid: 0, rss: 1000, cpu: 0 },
      { pid: 10, ppid: 1, rss: 5, cpu: 0 },
      { pid: 11, ppid: 10, rss: 7, cpu: 0 },
      { pid: 12, ppid: 11, rss: 11, cpu: 0 },
      { pid: 20, ppid: 1, rss: 100, cpu: 0 },
    ];
    expect(treeRss(procs, 10)).toBe(23);
    expect(treeRss(procs, 99)).toBe(0);
  });
});

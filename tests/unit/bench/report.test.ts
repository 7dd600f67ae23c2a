import { describe, expect, it } from "vitest";
import { cpuRatios, ratios, resultRows, type SizeResult } from "../../../scripts/bench/report.ts";
import type { Measured } from "../../../scripts/bench/run-measured.ts";
import type { SiteStats } from "../../../scripts/bench/site-stats.ts";

const run = (seconds: number): Measured => ({ wallMs: seconds * 1000, peakTreeBytes: 1e9, treeCpuSeconds: seconds * 1.5 });
const stats = { pages: 1, distBytes: 1, pagefindBytes: 1, searchDataBytes: 1 } as SiteStats;

// Per run: a cold pair, then a warm pair.
const result: SizeResult = {
  weeks: 520,
  product: [run(16), run(12), run(20), run(13), run(15), run(14)],
  floor: [run(10), run(10), run(10), run(10), run(12), run(10)],
  cold: [true, false, true, false, true, false],
  productStats: stats,
  floorStats: stats,
};

describe("bench ratios", () => {
  it("take the median over the cold pairs and over the warm pairs separately", () => {
    // cold pairs 1.6, 2.0, 1.25 → 1.6; warm pairs 1.2, 1.3, 1.4 → 1.3
    expect(ratios(result).cold).toBeCloseTo(1.6);
    expect(ratios(result).warm).toBeCloseTo(1.3);
    expect(cpuRatios(result).cold).toBeCloseTo(1.6);
  });

  it("have no warm figure when only cold pairs ran", () => {
    const coldOnly = { ...result, product: [run(16)], floor: [run(10)], cold: [true] };
    expect(ratios(coldOnly)).toEqual({ cold: 1.6, warm: undefined });
    expect(resultRows([coldOnly]).find((row) => row[0] === "product, warm (median)")?.[1]).toBe("–");
  });

  it("print median wall times per cache state", () => {
    const rows = resultRows([result]);
    expect(rows.find((row) => row[0]!.startsWith("product `npm run build`, cold"))?.[1]).toBe("16.0 s");
    expect(rows.find((row) => row[0] === "floor, warm (median)")?.[1]).toBe("10.0 s");
  });
});

import { format } from "date-fns/format";
import { describe, expect, it } from "vitest";
import { formatCreated, formatWeekRange } from "../../src/lib/format.ts";
import { formatWeekId, parseWeekId, weekEnd, weekStart, weeksInYear } from "../../src/lib/week-id.ts";

describe("formatWeekRange", () => {
  it.each([
    ["2024-W17", "2024年4月22日", "4月28日"],
    ["2020-W53", "2020年12月28日", "2021年1月3日"],
    ["2025-W01", "2024年12月30日", "2025年1月5日"],
    ["1000-W01", "0999年12月30日", "1000年1月5日"],
  ])("%s runs from %s to %s", (id, from, to) => {
    expect(formatWeekRange(parseWeekId(id))).toEqual({ from, to });
  });

  it("says what date-fns' format says of the week's Monday and Sunday, 1990–2100", () => {
    for (let year = 1990; year <= 2100; year++)
      for (let week = 1; week <= weeksInYear(year); week++) {
        const id = formatWeekId(year, week);
        const [start, end] = [weekStart(id), weekEnd(id)];
        const expected = { from: format(start, "yyyy年M月d日"), to: format(end, start.getFullYear() === end.getFullYear() ? "M月d日" : "yyyy年M月d日") };
        const got = formatWeekRange(id);
        if (got.from !== expected.from || got.to !== expected.to) expect({ id, ...got }).toEqual({ id, ...expected });
      }
  });
});

describe("formatCreated", () => {
  it("writes the wall time as the author wrote it", () => {
    expect(formatCreated("2024-04-20T09:27+08:00")).toBe("2024年4月20日 09:27");
    expect(formatCreated("not a date")).toBe("not a date");
  });
});

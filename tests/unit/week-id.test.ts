import { setISOWeek } from "date-fns/setISOWeek";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { describe, expect, it } from "vitest";
import {
  addWeeksToId,
  explainWeekId,
  formatWeekId,
  isWeekId,
  parseWeekId,
  weekEnd,
  weekIdOfDate,
  weeksBetween,
  weeksInYear,
  weekStart,
} from "../../src/lib/week-id.ts";

const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

describe("ISO week maths", () => {
  it.each([
    [2015, 53],
    [2020, 53],
    [2026, 53],
    [2019, 52],
    [2021, 52],
    [2024, 52],
  ])("%i has %i ISO weeks", (year, n) => expect(weeksInYear(year)).toBe(n));

  it.each([
    ["2024-W17", true],
    ["2020-W53", true],
    ["2021-W53", false],
    ["2024-W60", false],
    ["2024-W00", false],
    ["2024-w17", false],
    ["2024-W7", false],
    ["24-W17", false],
  ])("isWeekId(%s) is %s", (label, ok) => expect(isWeekId(label)).toBe(ok));

  it.each([
    ["2024-W17", "2024-04-22", "2024-04-28"],
    ["2020-W53", "2020-12-28", "2021-01-03"],
    ["2021-W01", "2021-01-04", "2021-01-10"],
    ["2025-W01", "2024-12-30", "2025-01-05"],
    ["2026-W53", "2026-12-28", "2027-01-03"],
  ])("%s runs from %s to %s", (id, from, to) => {
    expect(ymd(weekStart(parseWeekId(id)))).toBe(from);
    expect(ymd(weekEnd(parseWeekId(id)))).toBe(to);
  });

  it.each([
    ["2024-04-20", "2024-W16"],
    ["2024-12-30", "2025-W01"],
    ["2021-01-03", "2020-W53"],
    ["2021-01-04", "2021-W01"],
    ["2027-01-01", "2026-W53"],
  ])("%s lies in %s", (date, id) => {
    const [y, m, d] = date.split("-").map(Number);
    expect(weekIdOfDate(new Date(y!, m! - 1, d!))).toBe(id);
  });

  it("adds weeks across 53-week years and year boundaries", () => {
    expect(addWeeksToId(parseWeekId("2020-W52"), 1)).toBe("2020-W53");
    expect(addWeeksToId(parseWeekId("2020-W53"), 1)).toBe("2021-W01");
    expect(addWeeksToId(parseWeekId("2021-W01"), -1)).toBe("2020-W53");
    expect(addWeeksToId(parseWeekId("2024-W52"), 1)).toBe("2025-W01");
    expect(weeksBetween(parseWeekId("2020-W50"), parseWeekId("2021-W02"))).toBe(5);
  });

  it("round-trips label ↔ dates for ten years", () => {
    let id = parseWeekId("2019-W01");
    for (let i = 0; i < 520; i++) {
      expect(weekIdOfDate(weekStart(id))).toBe(id);
      expect(weekIdOfDate(weekEnd(id))).toBe(id);
      id = addWeeksToId(id, 1);
    }
    expect(id).toBe("2028-W51"); // 2020 and 2026 have 53 weeks
  });

  it("starts every week of 1900–2100 on the Monday date-fns gives, at the same instant", () => {
    for (let year = 1900; year <= 2100; year++)
      for (let week = 1; week <= weeksInYear(year); week++) {
        const start = weekStart(formatWeekId(year, week));
        const expected = startOfISOWeek(setISOWeek(new Date(year, 0, 4), week));
        if (start.getTime() !== expected.getTime()) expect(`${year}-W${week}: ${ymd(start)}`).toBe(ymd(expected));
        if (start.getDay() !== 1) expect(start.toString()).toMatch(/^Mon /);
      }
  });

  it("explains a week that does not exist in Chinese", () => {
    expect(explainWeekId("2024-W60")).toContain("2024 年只有 52 个 ISO 周");
    expect(explainWeekId("2024W17")).toContain("YYYY-Www");
    expect(() => formatWeekId(2021, 53)).toThrow();
  });
});

import type { SearchWeekRecord } from "../../src/lib/search/records.ts";

/** A search record of one week with `text`, for tests of the search files (one section, optional). */
export function searchRecord(week: string, text: string, sections: SearchWeekRecord["sections"] = []): SearchWeekRecord {
  return { week, url: `/weeks/${week.toLowerCase()}/`, title: week, dates: "", text, sections, filters: { year: [week.slice(0, 4)] } };
}

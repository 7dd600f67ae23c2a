import { describe, expect, it } from "vitest";
import { parseQuery } from "../../../src/lib/search/query.ts";

describe("parseQuery", () => {
  it("splits on any whitespace into folded AND terms", () => {
    expect(parseQuery("  存管  路由\u3000OOM ")).toMatchObject({ terms: ["存管", "路由", "oom"], quoted: false });
  });

  it("drops duplicate terms but keeps the phrase as typed", () => {
    const q = parseQuery("存管 存管");
    expect(q.terms).toEqual(["存管"]);
    expect(q.phrase).toEqual(["存管", "存管"]);
  });

  it("does not ask the index for a term another term contains", () => {
    expect(parseQuery("存管 存管路由 路由").required).toEqual(["存管路由"]);
  });

  it("treats a query wrapped in ASCII quotes as one phrase", () => {
    expect(parseQuery('"存管 路由"')).toMatchObject({ phrase: ["存管", "路由"], quoted: true });
    expect(parseQuery('""').quoted).toBe(false);
  });

  it("keeps quotes inside a query as characters to find", () => {
    expect(parseQuery('a"b').terms).toEqual(['a"b']);
  });

  it("is empty for blank input", () => {
    expect(parseQuery(" \n ").terms).toEqual([]);
  });
});

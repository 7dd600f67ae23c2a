import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, problemAnnotation, workflowCommand } from "../../../src/lib/validate/github-actions.ts";
import type { Problem } from "../../../src/lib/validate/problem.ts";

describe("workflow command escaping", () => {
  it.each([
    ["100%", "100%25"],
    ["%0A already", "%250A already"],
    ["a\nb", "a%0Ab"],
    ["a\r\nb", "a%0D%0Ab"],
    ["a:b,c", "a:b,c"],
  ])("escapeData(%j) = %j", (input, out) => {
    expect(escapeData(input)).toBe(out);
  });

  it.each([
    ["content/weeks/2024-W17.mdx", "content/weeks/2024-W17.mdx"],
    ["C:/x,y.mdx", "C%3A/x%2Cy.mdx"],
    ["50%\n::", "50%25%0A%3A%3A"],
  ])("escapeProperty(%j) = %j", (input, out) => {
    expect(escapeProperty(input)).toBe(out);
  });

  it("a message cannot start a second command, and a property cannot add another property", () => {
    const cmd = workflowCommand("error", { file: "a,line=1.mdx", title: "t::x" }, "bad\n::error::injected");
    expect(cmd.split("\n")).toHaveLength(1);
    expect(cmd).toBe("::error file=a%2Cline=1.mdx,title=t%3A%3Ax::bad%0A::error::injected");
  });
});

describe("problemAnnotation", () => {
  const p: Problem = {
    file: "content/weeks/2024-W60.mdx",
    line: 2,
    column: 7,
    field: "week",
    severity: "error",
    message: "周号无效: 2024 年没有第 60 周",
    hint: "改成 2024-W52, 或更正文件名",
  };

  it("names the file from the repository root, the line, the column and the field", () => {
    expect(problemAnnotation(p, (f) => f)).toBe(
      "::error file=content/weeks/2024-W60.mdx,line=2,col=7,title=周报检查 (week check) [week]::" +
        "周号无效: 2024 年没有第 60 周%0A修复 (fix)：改成 2024-W52, 或更正文件名",
    );
  });

  it("warnings become ::warning, and a problem without a line has no line or col", () => {
    const cmd = problemAnnotation({ ...p, severity: "warning", line: undefined, column: 3, hint: "" }, (f) => `site/${f}`);
    expect(cmd).toMatch(/^::warning file=site\/content\/weeks\/2024-W60.mdx,title=/);
    expect(cmd).not.toMatch(/line=|col=/);
  });
});

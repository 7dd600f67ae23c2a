export { validateWeekFiles, type WeekFile, type ValidateContext, type KnownWeek } from "./validate-week-files.ts";
export { formatProblem, formatProblems, summarizeProblems, hasErrors, sortProblems, type Problem } from "./problem.ts";
export { ALLOWED_ELEMENTS } from "./mdx.ts";
export { STATIC_ROUTES } from "./links.ts";
export { TEMPLATE_PLACEHOLDER } from "./placeholder.ts";

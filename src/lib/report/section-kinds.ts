import type { SectionKind } from "./model.ts";
import { stripParenthetical } from "./text.ts";

/**
 * Heading variants for each known section, in one place.
 * Matched against the heading text with 【】, spaces and trailing colons removed.
 */
export const SECTION_HEADINGS: Record<Exclude<SectionKind, "objective" | "unknown">, string[]> = {
  projects: ["重点项目", "重点工作", "重点项目进展", "项目进展", "本周重点"],
  metrics: ["系统运行数据", "运行数据", "系统数据", "系统指标", "稳定性数据", "系统运行指标"],
  incidents: ["生产事件", "生产事故", "线上事件", "线上问题", "线上故障", "故障", "事故"],
  other: ["其他", "其它", "其他事项", "其它事项"],
  reflections: ["收获与反思", "收获和反思", "反思与收获", "反思", "收获", "心得", "思考"],
  plans: ["下周工作及目标", "下周工作与目标", "下周工作和目标", "下周计划", "下周工作", "下周目标", "下周重点"],
};

/**
 * The checklist of last week's plans that `npm run new` writes (`## 上周计划完成情况`, see
 * import/new-week-template.ts); the author ticks what got done. Its section stays kind `unknown`.
 */
export const PLAN_CHECKLIST_HEADINGS = [
  "上周计划完成情况",
  "上周计划回顾",
  "上周计划完成",
  "上周计划",
  "上周工作完成情况",
  "上周工作回顾",
  "上周工作完成",
  "上周工作",
];

/** `O1 业务服务`, `O2能力升级`, `O3：平台治理`, `O4-支付 × AI`, `OKR O1 …`. */
const OBJECTIVE_HEADING = /^(?:OKR\s*)?[OoＯｏ]\s*([0-9０-９]{1,2})(?:\s*[：:、.．\-—–]\s*|\s+|(?=[^\x00-\x7F]))(.*)$/;

export interface HeadingClass {
  kind: SectionKind;
  /** Heading text as shown, without 【】 wrappers. */
  title: string;
  objectiveId?: string;
  objectiveTitle?: string;
  /** A heading of kind `unknown` that names the 上周计划完成情况 checklist. */
  planChecklist?: true;
}

/** Heading text without its 【】 wrapper and trailing colon. */
export function cleanHeading(text: string): string {
  let t = text
    .trim()
    .replace(/[：:]\s*$/, "")
    .trim();
  const wrapped = /^【(.*)】$/.exec(t);
  if (wrapped) t = wrapped[1]!.trim();
  return t;
}

/** Comparable heading text: NFKC, no spaces or brackets, lower-case (`RUYISDK` = `RuyiSDK`). */
export function foldHeading(text: string): string {
  return cleanHeading(text)
    .normalize("NFKC")
    .replace(/[\s【】\[\]]/g, "")
    .toLowerCase();
}
const fold = foldHeading;
const PLAN_CHECKLIST = new Set(PLAN_CHECKLIST_HEADINGS.map(fold));

/**
 * The kind of a heading. `sections` are the heading variants per kind (content/shape.yaml's, see
 * shape.ts; the built-in lists above by default); `objectives: false` reads `O1 …` as a plain heading.
 */
export function classifyHeading(
  text: string,
  sections: Readonly<Record<Exclude<SectionKind, "objective" | "unknown">, readonly string[]>> = SECTION_HEADINGS,
  objectives = true,
): HeadingClass {
  const title = cleanHeading(text);
  const objective = objectives ? OBJECTIVE_HEADING.exec(title.normalize("NFKC")) : null;
  if (objective) {
    const id = `O${Number(objective[1])}`;
    return { kind: "objective", title, objectiveId: id, objectiveTitle: objective[2]!.trim() };
  }
  const folded = fold(title);
  for (const [kind, variants] of Object.entries(sections) as [SectionKind, string[]][]) {
    if (variants.some((v) => folded === fold(v))) return { kind, title };
  }
  // Looser second pass: `本周生产事件`, `下周工作及目标（4/22-4/26）`.
  for (const [kind, variants] of Object.entries(sections) as [SectionKind, string[]][]) {
    if (variants.some((v) => fold(v).length >= 3 && folded.includes(fold(v)))) return { kind, title };
  }
  // `上周计划完成情况（4/15-4/19）` too: the template's heading with the dates an author adds.
  const checklist = PLAN_CHECKLIST.has(folded) || PLAN_CHECKLIST.has(fold(stripParenthetical(title)));
  return checklist ? { kind: "unknown", title, planChecklist: true } : { kind: "unknown", title };
}

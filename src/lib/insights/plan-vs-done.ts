/**
 * Plan vs. done: last week's 下周工作及目标 matched against this week's report.
 *
 * Convention (for authors; CONTRIBUTING.md carries the same text):
 *   `npm run new` starts the week with a `## 上周计划完成情况` checklist of last week's plans
 *   (`- [ ] …`); tick what got done (`- [x] …`). Once at least one item is ticked, the list is read
 *   as the author's verdict: ticked → 已完成（标记）, unticked → 未完成（标记）. (An untouched list,
 *   nothing ticked, says nothing.) A plan may also be ticked in its own week's 下周工作及目标 when
 *   written as a task list. Where no mark speaks, the site judges from this week's text:
 *   本周有进展 when the same project/subject comes back with a shared key phrase, 不确定 when only
 *   one of the two shows, 本周未提及 when neither does.
 */
import type { PlanItem, PlanMark, WeekReport } from "../report/model.ts";
import { normalizeName, stripParenthetical } from "../report/text.ts";

export type PlanStatus = "done" | "open" | "addressed" | "unsure" | "not-mentioned";

/** Plans that count as kept in every tally (week page, dashboard, period review): ticked, or moved on this week. */
export function keptCount(reviews: readonly Pick<PlanReview, "status">[]): number {
  return reviews.filter((r) => r.status === "done" || r.status === "addressed").length;
}

/** A place in this week's report that speaks to a plan. */
export interface PlanEvidence {
  anchor: string;
  /** Project or subject name of the place (empty for plain items of 其他). */
  name: string;
  kind: "project" | "objective" | "other";
  /** The place is about the plan's project/subject. */
  sameSubject: boolean;
  /** Key phrases of the plan found there (normalised: NFKC, lower-case, no spaces). */
  phrases: string[];
  /** Share of the plan's key phrases (by characters) found there, 0–1. */
  coverage: number;
}

export interface PlanReview {
  plan: PlanItem;
  status: PlanStatus;
  /** The status comes from `- [x]` / `- [ ]`, not from matching. */
  explicit: boolean;
  /** Where the mark was written: this week's 上周计划完成情况, or the plan's own task box. */
  markedIn?: "review" | "plan";
  /** Best places first; at most three. */
  evidence: PlanEvidence[];
}

/** A unit of this week's content a plan can be matched against. */
export interface DoneBlock {
  anchor: string;
  kind: PlanEvidence["kind"];
  name: string;
  projectSlug?: string;
  /** Everything the block says, name included. */
  text: string;
}

type DoneSource = Pick<WeekReport, "projects" | "objectives" | "others">;

/** The blocks of a report that can show a plan was worked on. */
export function doneBlocks(report: DoneSource): DoneBlock[] {
  const blocks: DoneBlock[] = [];
  for (const p of report.projects) blocks.push({ anchor: p.anchor, kind: "project", name: p.name, projectSlug: p.slug, text: p.text });
  for (const o of report.objectives)
    for (const item of o.items) {
      const nested = flatten(item.children);
      blocks.push({ anchor: item.anchor, kind: "objective", name: item.subject, projectSlug: item.projectSlug, text: [item.text, ...nested].join("\n") });
    }
  for (const item of report.others) blocks.push({ anchor: item.anchor, kind: "other", name: "", text: [item.text, ...flatten(item.children)].join("\n") });
  return blocks;
}

function flatten(items: { text: string; children: { text: string; children: unknown[] }[] }[]): string[] {
  return items.flatMap((i) => [i.text, ...flatten(i.children as typeof items)]);
}

// Words every plan uses; sharing them says nothing about the work.
const GENERIC = [
  "跟进",
  "进度",
  "推进",
  "沟通",
  "完成",
  "计划",
  "目标",
  "工作",
  "相关",
  "事项",
  "事宜",
  "持续",
  "部分",
  "继续",
  "准备",
  "情况",
  "问题",
  "本周",
  "下周",
  "开展",
  "进行",
  "启动",
  "确认",
  "同步",
  "处理",
  "重点",
  "项目",
];
const GENERIC_RE = new RegExp(GENERIC.join("|"), "g");
/** Punctuation and the joining words of a plan (`研发和测试`), but not inside words (`参与`, `及时`, `目的`). */
const SEPARATORS = /[\s，,、；;。.:：!！?？()（）【】「」《》\[\]"“”'‘’/\\\-+&~|]+|以及|和|(?<![参给])与|及(?![时格])|(?<!目)的/;
/** Latin/digit runs and CJK runs are separate words: `q2okr对齐` → `q2okr`, `对齐`. */
const SCRIPT_RUNS = /[a-z0-9][a-z0-9.%]*|[^a-z0-9]+/g;

interface Phrase {
  /** The segment as normalised (`测试进度`). */
  segment: string;
  /** Its meaningful parts (`测试`), each ≥ 2 characters. */
  parts: string[];
  /** Characters that count: the parts' total length. */
  weight: number;
}

function keyOf(text: string): string {
  return normalizeName(text);
}

/** Key phrases of a plan text, after the subject has been cut out. */
export function keyPhrases(text: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const raw of text.normalize("NFKC").toLowerCase().split(SEPARATORS)) {
    const segment = keyOf(raw ?? "");
    if (segment.length < 2) continue;
    const parts = segment
      .replace(GENERIC_RE, " ")
      .split(" ")
      .flatMap((p) => p.match(SCRIPT_RUNS) ?? [])
      .filter((p) => p.length >= 2 && !/^\d+(?:\.\d+)?%?$/.test(p));
    const weight = parts.reduce((n, p) => n + p.length, 0);
    if (weight > 0) phrases.push({ segment, parts, weight });
  }
  return phrases;
}

/**
 * The longest run of `needle` (at least `min` characters) that occurs in `hay`, the leftmost of
 * equal length, among the runs whose every pair of adjacent characters occurs in `pairsIn` (the
 * hay itself unless given; a block's whole text when `hay` is part of it). Those pairs are looked
 * up once, linear in the needle, and only runs made of them are searched for: the cost stays small
 * even against a long project block.
 */
export function longestShared(needle: string, hay: string, min: number, pairsIn = hay): string {
  const n = needle.length;
  const shortest = Math.max(2, min);
  if (n < shortest) return "";
  // pairs[i]: how many pairs in a row from position i occur in `pairsIn` (k pairs span k + 1 characters).
  const pairs = new Array<number>(n).fill(0);
  let longest = 0;
  for (let i = n - 2; i >= 0; i--) {
    if (pairsIn.includes(needle.slice(i, i + 2))) pairs[i] = pairs[i + 1]! + 1;
    if (pairs[i]! > longest) longest = pairs[i]!;
  }
  for (let len = Math.min(n, longest + 1); len >= shortest; len--)
    for (let i = 0; i + len <= n; i++) {
      if (pairs[i]! < len - 1) continue;
      const sub = needle.slice(i, i + len);
      if (hay.includes(sub)) return sub;
    }
  return "";
}

/** A block with its comparable text worked out once per week; the parts few plans need, when first needed. */
interface PreparedBlock extends DoneBlock {
  nameKey: string;
  /** Whole text, normalised. */
  key: string;
  /** Text without the block's own name: what is said about the subject (only a plan about the subject asks). */
  aboutKey: () => string;
}

function prepare(block: DoneBlock): PreparedBlock {
  const key = keyOf(block.text);
  let aboutKey: string | undefined;
  return {
    ...block,
    nameKey: keyOf(stripParenthetical(block.name)),
    key,
    aboutKey: () => (aboutKey ??= block.name ? keyOf(block.text.replace(block.name, " ")) : key),
  };
}

interface PreparedPlan {
  plan: PlanItem;
  key: string;
  /** Key phrases of the whole plan, for blocks about something else. */
  phrases: Phrase[];
}

/**
 * The part of a plan that names this block's subject, or undefined when the plan is about something else.
 * `贝易转研发…` names 【贝易转（C转）】; `终端安全方案评审` names 【用户终端安全】 (a long enough shared run).
 */
function subjectInPlan(plan: PreparedPlan, block: PreparedBlock): string | undefined {
  const name = block.nameKey;
  if (plan.plan.projectSlug && block.projectSlug === plan.plan.projectSlug) return name.length >= 2 ? longestShared(name, plan.key, 2) : "";
  if (name.length < 2) return undefined;
  if (plan.key.includes(name)) return name;
  const shared = longestShared(name, plan.key, 3);
  if (shared.length * 2 >= name.length && shared.replace(GENERIC_RE, "").length >= 2) return shared;
  return undefined;
}

/** Shorter shared runs count inside the subject's own block; elsewhere only long ones do. */
const PARTIAL_MIN_SAME_SUBJECT = 2;
const PARTIAL_MIN_ELSEWHERE = 4;

function scoreBlock(plan: PreparedPlan, block: PreparedBlock): PlanEvidence {
  const subjectText = subjectInPlan(plan, block);
  const sameSubject = subjectText !== undefined;
  const phrases = subjectText ? keyPhrases(plan.key.replace(subjectText, " ")) : plan.phrases;
  // Within a subject's own block its name says nothing new: only the rest of its text counts.
  const body = sameSubject ? block.aboutKey() : block.key;
  const partialMin = sameSubject ? PARTIAL_MIN_SAME_SUBJECT : PARTIAL_MIN_ELSEWHERE;
  let hit = 0;
  let total = 0;
  const found: string[] = [];
  for (const p of phrases) {
    total += p.weight;
    if (body.includes(p.segment)) {
      hit += p.weight;
      found.push(p.segment);
      continue;
    }
    for (const part of p.parts) {
      // A shared run inside a longer phrase also counts (`c转交互设计评审` ↔ `交互设计`).
      const shared = body.includes(part) ? part : part.length > partialMin ? longestShared(part, body, partialMin, block.key) : "";
      if (shared.replace(GENERIC_RE, "").length < 2) continue;
      hit += shared.length;
      found.push(shared);
    }
  }
  return {
    anchor: block.anchor,
    name: block.name,
    kind: block.kind,
    sameSubject,
    phrases: found,
    coverage: total === 0 ? (sameSubject ? 1 : 0) : hit / total,
  };
}

/** Thresholds for plans that name no subject found this week: only shared phrases can speak. */
const ADDRESSED_COVERAGE = 0.75;
const UNSURE_COVERAGE = 0.3;

/** Judges one plan against this week's blocks. Pure; see the convention at the top of this file. */
export function reviewPlan(plan: PlanItem, blocks: readonly DoneBlock[], mark?: boolean): PlanReview {
  return judge(plan, blocks.map(prepare), mark);
}

function judge(plan: PlanItem, blocks: readonly PreparedBlock[], reviewMark?: boolean): PlanReview {
  const key = keyOf(plan.text);
  const prepared: PreparedPlan = { plan, key, phrases: keyPhrases(plan.text) };
  const scored = blocks
    .map((b) => scoreBlock(prepared, b))
    .filter((e) => e.sameSubject || e.phrases.length > 0)
    .sort((a, b) => Number(b.sameSubject) - Number(a.sameSubject) || b.coverage - a.coverage);
  const evidence = scored.slice(0, 3);
  // The later word wins: this week's review list over the box ticked (or not) when the plan was written.
  if (reviewMark !== undefined) return { plan, status: reviewMark ? "done" : "open", explicit: true, markedIn: "review", evidence };
  if (plan.checked !== undefined) return { plan, status: plan.checked ? "done" : "open", explicit: true, markedIn: "plan", evidence };
  const best = scored[0];
  let status: PlanStatus = "not-mentioned";
  if (best?.sameSubject) status = best.coverage > 0 ? "addressed" : "unsure";
  else if (best) {
    const hitChars = best.phrases.reduce((n, p) => n + p.length, 0);
    if (best.coverage >= ADDRESSED_COVERAGE && hitChars >= 3) status = "addressed";
    else if (best.coverage >= UNSURE_COVERAGE && hitChars >= 2) status = "unsure";
  }
  return { plan, status, explicit: false, evidence: status === "not-mentioned" ? [] : evidence };
}

/**
 * The tick this week's 上周计划完成情况 gives a plan, if it speaks: the list counts only once the
 * author ticked something (the template writes every box empty). Items pair by their text, which
 * the template copies; an edited item still pairs when one text contains the other.
 */
export function markFor(plan: Pick<PlanItem, "text">, marks: readonly PlanMark[]): boolean | undefined {
  if (!marks.some((m) => m.checked)) return undefined;
  const key = keyOf(plan.text);
  const exact = marks.find((m) => keyOf(m.text) === key);
  if (exact) return exact.checked;
  const loose = marks.filter((m) => {
    const k = keyOf(m.text);
    return k.length >= 2 && (k.includes(key) || key.includes(k));
  });
  return loose.length === 1 ? loose[0]!.checked : undefined;
}

/** Every plan of `previous` judged against `current` and its 上周计划完成情况 ticks. */
export function reviewPlans(previous: Pick<WeekReport, "plans">, current: DoneSource & Pick<WeekReport, "planMarks">): PlanReview[] {
  const blocks = doneBlocks(current).map(prepare);
  return previous.plans.map((plan) => judge(plan, blocks, markFor(plan, current.planMarks)));
}

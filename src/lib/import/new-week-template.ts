import { format } from "date-fns/format";
import type { ListItem, Nodes, RootContent } from "mdast";
import { classifyHeading } from "../report/section-kinds.ts";
import { readWeekSource } from "../report/week-source.ts";
import { TEMPLATE_PLACEHOLDER } from "../validate/placeholder.ts";
import { compareWeekIds, isWeekId, weekIdOfDate, type WeekId } from "../week-id.ts";
import { parseWeekMdx } from "./markdown.ts";

/** Heading of the checklist made from last week's 下周工作及目标; the author ticks what got done. */
export const PLAN_REVIEW_HEADING = "## 上周计划完成情况";

const P = TEMPLATE_PLACEHOLDER;

export interface ExistingWeek {
  week: string;
  source: string;
}

/** The ISO week a local date falls in: what `npm run new` writes without an argument. */
export function currentWeekId(now: Date): WeekId {
  return weekIdOfDate(now);
}

/** The latest week before `target` to copy the shape from; the latest of all when none is earlier. */
export function pickTemplateWeek(weeks: readonly ExistingWeek[], target: string): ExistingWeek | undefined {
  const valid = weeks.filter((w) => isWeekId(w.week)).sort((a, b) => compareWeekIds(a.week, b.week));
  return valid.filter((w) => compareWeekIds(w.week, target) < 0).at(-1) ?? valid.at(-1);
}

/**
 * A new week in the shape of `latest`: the same 【project】 bullets and section headings with placeholder
 * items, metric labels without values, and last week's plans as a `- [ ]` checklist. Every placeholder
 * is `（待填写）` — valid Markdown. The week starts as `draft: true`: the check only warns about
 * placeholders in a draft and rejects them once the flag is removed.
 */
export function buildNewWeek(input: { week: WeekId; latest?: ExistingWeek; now: Date }): string {
  const fm = [`week: ${input.week}`];
  const latest = input.latest ? readLatest(input.latest.source) : undefined;
  if (latest?.author) fm.push(`author: ${JSON.stringify(latest.author)}`);
  fm.push(`created: "${format(input.now, "yyyy-MM-dd'T'HH:mmxxx")}"`);
  // A new week is a draft until its author says it is done: the build leaves it out meanwhile.
  fm.push("draft: true");
  const blocks = latest ? templateBlocks(latest.body) : defaultBlocks();
  return `---\n${fm.join("\n")}\n---\n\n${blocks.join("\n\n")}\n`;
}

function readLatest(source: string): { author?: string; body: string } {
  const { split, frontmatter } = readWeekSource(source);
  if (!split.frontmatter) return { body: split.text };
  const data = frontmatter?.data as { author?: unknown } | null | undefined;
  const author = typeof data?.author === "string" ? data.author : undefined;
  return { author, body: split.paddedBody };
}

function defaultBlocks(): string[] {
  return [
    `- 【项目名称】\n    1. ${P}`,
    `## 【系统运行数据】\n\n- ${P}`,
    `## 【生产事件】\n\n${P}`,
    `## 【其他】\n\n1. ${P}`,
    `## 收获与反思\n\n${P}`,
    `## 下周工作及目标\n\n1. ${P}`,
  ];
}

/** What an emptied section holds, by the parser's section kind. */
const PLACEHOLDERS: Partial<Record<string, string>> = {
  projects: `- 【项目名称】\n    1. ${P}`,
  objective: `- ${P}`,
  metrics: `- ${P}`,
  incidents: P,
  other: `1. ${P}`,
  reflections: P,
  plans: `1. ${P}`,
  unknown: P,
};

const REVIEW_SLOT = "\u0000review";

function templateBlocks(body: string): string[] {
  const tree = parseWeekMdx(body);
  const src = (n: Nodes) => body.slice(n.position!.start.offset!, n.position!.end.offset!);
  const blocks: string[] = [];
  const plans: string[] = [];
  // Before the first heading sit the 【project】 bullets; nothing to fill there if there are none.
  let section = { kind: "projects", filled: true };
  const close = () => {
    const placeholder = PLACEHOLDERS[section.kind];
    if (!section.filled && placeholder) blocks.push(placeholder);
  };

  for (const node of tree.children as RootContent[]) {
    if (node.type === "heading") {
      close();
      const kind = classifyHeading(headingText(node)).kind;
      if (kind === "plans" && !blocks.includes(REVIEW_SLOT)) blocks.push(REVIEW_SLOT);
      blocks.push(src(node));
      section = { kind, filled: false };
      continue;
    }
    if (section.kind === "projects" && node.type === "list") {
      const bullets = node.children.map(projectName).filter((n): n is string => n !== undefined);
      if (bullets.length > 0) {
        blocks.push(bullets.map((name) => `- 【${name}】\n    1. ${P}`).join("\n"));
        section.filled = true;
      }
    } else if (section.kind === "metrics" && (node.type === "paragraph" || node.type === "list")) {
      // Keep the labels authors report every week, drop last week's numbers.
      blocks.push(
        node.type === "paragraph" ? blankNumbers(src(node)) : node.children.map((item) => `- ${blankNumbers(firstParagraph(item, src) ?? P)}`).join("\n"),
      );
      section.filled = true;
    } else if (section.kind === "plans" && node.type === "list") {
      plans.push(...node.children.map((item) => firstParagraph(item, src)).filter((t): t is string => !!t));
    }
  }
  close();

  const review = plans.length ? `${PLAN_REVIEW_HEADING}\n\n${plans.map((p) => `- [ ] ${p}`).join("\n")}` : undefined;
  const slot = blocks.indexOf(REVIEW_SLOT);
  if (slot >= 0) {
    if (review) blocks[slot] = review;
    else blocks.splice(slot, 1);
  }
  return blocks;
}

function headingText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(headingText).join("");
  return "";
}

function projectName(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== "paragraph") return undefined;
  const lead = first.children[0];
  if (lead?.type !== "text") return undefined;
  return /^\s*【([^【】]+)】/.exec(lead.value)?.[1];
}

/** An item's own paragraph as written (escapes kept), on one line. */
function firstParagraph(item: ListItem, src: (n: Nodes) => string): string | undefined {
  const first = item.children[0];
  if (first?.type !== "paragraph") return undefined;
  // Split on newlines instead of `/\s*\n\s*/g`, which retried every start of a long run of spaces.
  return src(first)
    .split("\n")
    .map((l) => l.trim())
    .join(" ")
    .trim();
}

/** `入金有效成功率：99.997%` → `入金有效成功率：（待填写）`; digits inside names such as `P99` stay. */
function blankNumbers(text: string): string {
  return text.replace(/(?<![A-Za-z0-9.])\d+(?:\.\d+)?\s*[%％]?/g, P);
}

/** One week as MDX: the sections of the seed's shape, drawn from the corpus state and the vocabulary. */
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { splitWeekLabel, weekStart, type WeekId } from "../../../src/lib/week-id.ts";
import { clock, endPunctuation, fillProse, fillTemplate, md, type FillContext, type WeekDates } from "./fill.ts";
import type { Rng } from "./random.ts";
import { chooseProjects, type CorpusState, type Thread } from "./simulate.ts";
import {
  AUTHORS,
  GENERIC_DONE,
  GENERIC_PLANS,
  INCIDENTS,
  ITEM_NOTES,
  OBJECTIVES,
  OTHERS,
  PROJECT_PLANS,
  PROJECTS,
  PROSE_SENTENCES,
  REFLECTIONS,
  SUBJECT_PLANS,
  TITLES,
  type HeadingStyle,
  type ProjectDef,
  type Track,
} from "./vocabulary.ts";

// ── sections ──

function sectionHeading(title: string, style: HeadingStyle, rng: Rng, level = 2): string {
  const bracketed = style === "bracket" || style === "h3" || style === "bracketColon" ? rng.chance(0.9) : rng.chance(0.3);
  return `${"#".repeat(level)} ${bracketed ? `【${title}】` : title}`;
}

function objectiveHeading(id: string, title: string, style: HeadingStyle): string {
  switch (style) {
    case "bracket":
      return `## 【${id} ${title}】`;
    case "plain":
      return `## ${id} ${title}`;
    case "colon":
      return `## ${id}：${title}`;
    case "h3":
      return `### 【${id} ${title}】`;
    case "bracketColon":
      return `## 【${id}：${title}】`;
  }
}

/** Alternatives such as two `交互设计：…` lines must not both appear in one week. */
function distinctTracks(tracks: readonly Track[]): Track[] {
  const seen = new Set<string>();
  return tracks.filter((track) => {
    const key = typeof track === "string" ? (/^([^：，]{1,8})：/.exec(track)?.[1] ?? track) : track.label;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function renderProject(def: ProjectDef, thread: Thread, c: FillContext): string[] {
  const { rng } = c;
  const name = rng.weighted(def.names);
  const lead = !def.ongoing && thread.doneWeeks === 0 && rng.chance(0.05) ? `整体进度${thread.progress}%` : "";
  const lines = [`- 【${name}】${lead}`];
  if (def.paragraphs && rng.chance(def.paragraphChance ?? 0)) {
    lines.push("    ", `    ${fillTemplate(rng.pick(def.paragraphs), c)}`, "    ");
    return lines;
  }
  const numbered = rng.chance(0.9);
  const marker = (i: number) => (numbered ? `${i + 1}.` : "-");
  const finished = thread.doneWeeks > 0;
  const tracks: readonly Track[] = finished ? rng.sample(def.done ?? GENERIC_DONE, 1) : def.tracks;
  const chosen = finished
    ? tracks
    : distinctTracks(
        rng.sample(
          tracks,
          rng.weighted<number>([
            [1, 1],
            [2, 2],
            [3, 4],
            [4, 3],
          ]),
        ),
      );
  chosen.forEach((track, i) => {
    if (typeof track === "string") {
      lines.push(`    ${marker(i)} ${endPunctuation(fillTemplate(track, c), rng)}`);
      return;
    }
    lines.push(`    ${marker(i)} ${track.label}`);
    rng
      .sample(
        track.children,
        rng.weighted<number>([
          [1, 1],
          [2, 3],
          [3, 2],
        ]),
      )
      .forEach((child, j) => {
        lines.push(`        ${marker(j)} ${endPunctuation(fillTemplate(child, c), rng)}`);
      });
  });
  return lines;
}

function renderProjects(state: CorpusState, shown: number[], c: FillContext): string[] {
  const lines: string[] = [];
  if (c.rng.chance(0.06)) lines.push(sectionHeading("重点项目", state.headingStyle, c.rng), "");
  for (const i of shown) {
    const thread = state.projects[i]!;
    lines.push(...renderProject(PROJECTS[i]!, thread, { ...c, progress: thread.progress, count: thread.count }));
  }
  return lines;
}

interface ShownSubject {
  name: string;
  progress: number;
}

function renderObjective(oi: number, state: CorpusState, c: FillContext, shownSubjects: ShownSubject[]): string[] {
  const { rng } = c;
  const def = OBJECTIVES[oi]!;
  const threads = state.subjects[oi]!;
  let visible = def.subjects.flatMap((_, si) => (threads[si]!.active && !rng.chance(0.08) ? [si] : []));
  if (visible.length < 3) {
    for (const si of rng.sample(
      def.subjects.map((_, i) => i),
      3,
    )) {
      if (threads[si]!.active) continue;
      threads[si]!.active = true;
    }
    visible = def.subjects.flatMap((_, si) => (threads[si]!.active ? [si] : []));
  }
  const lines = [objectiveHeading(def.id, rng.weighted(def.titles), state.headingStyle), ""];
  for (const si of visible) {
    const s = def.subjects[si]!;
    const t = threads[si]!;
    const name = s.names[Math.min(t.run, s.names.length - 1)]!;
    const finished = t.doneWeeks > 0;
    const template = rng.pick(finished ? (s.done ?? GENERIC_DONE) : s.doing);
    const joiner =
      s.joiner ??
      rng.weighted<string>([
        ["，", 80],
        ["：", 10],
        ["， ", 6],
        [",", 4],
      ]);
    const text = fillTemplate(template, { ...c, progress: t.progress, count: t.count });
    lines.push(`- ${name}${joiner}${endPunctuation(text, rng)}`);
    if (rng.chance(0.04)) lines.push(`    1. ${rng.pick(ITEM_NOTES)}`);
    shownSubjects.push({ name, progress: t.progress });
  }
  return lines;
}

/** `99.990` → `99.99`, `100.000` → `100`. */
function formatRate(value: number): string {
  return value.toFixed(3).replace(/\.?0+$/, "");
}

function successRate(rng: Rng, base: number): number {
  const roll = rng.next();
  if (roll < 0.04) return 100;
  if (roll < 0.86) return base + rng.int(0, 9) / 1000;
  if (roll < 0.97) return 99.95 + rng.int(0, 39) / 1000;
  return 99.8 + rng.int(0, 149) / 1000;
}

interface Grades {
  ab: number;
  cd: number;
}

function rollGrades(rng: Rng): Grades {
  return {
    ab: rng.chance(0.015) ? 1 : 0,
    cd: rng.weighted<number>([
      [0, 76],
      [1, 18],
      [2, 6],
    ]),
  };
}

function renderMetrics(state: CorpusState, grades: Grades, c: FillContext): string[] {
  const { rng } = c;
  const year = splitWeekLabel(c.week)!.year;
  let availability = state.availability.get(year) ?? 100;
  if (grades.ab > 0) availability -= rng.int(2, 6) / 1000;
  else if (grades.cd > 0 && rng.chance(0.02)) availability -= 0.001;
  availability = Math.max(availability, 99.95);
  state.availability.set(year, availability);

  const colon = rng.chance(0.05) ? ": " : "：";
  const inflow = `- 入金有效成功率${colon}${formatRate(successRate(rng, 99.99))}%`;
  const outflow = `- 出金有效成功率${colon}${formatRate(successRate(rng, 99.98))}%`;
  const yearly = `- 年度可用性${colon}${formatRate(availability)}%`;
  const counts = `- 事故数AB级${grades.ab}次，CD级${grades.cd}次`;
  const lines = [sectionHeading("系统运行数据", state.headingStyle, rng), ""];
  if (rng.chance(0.1)) return [...lines, inflow, outflow, yearly, counts];
  return [...lines, "支付成功率：", "", inflow, outflow, "", "系统可用性：", "", yearly, counts];
}

function renderIncidents(state: CorpusState, count: number, c: FillContext): string[] | undefined {
  const { rng, dates } = c;
  const heading = [sectionHeading("生产事件", state.headingStyle, rng), ""];
  if (count === 0) return rng.chance(0.5) ? [...heading, "无"] : undefined;
  // Incidents happen before the report is written: Monday up to the created time.
  const events = Array.from({ length: count }, () => {
    const offset = rng.int(0, dates.lastDay);
    const minutes = rng.int(0, (offset === dates.lastDay ? dates.createdMinutes : 24 * 60) - 1);
    return { at: offset * 24 * 60 + minutes, def: rng.pick(INCIDENTS) };
  }).sort((a, b) => a.at - b.at);
  const texts = events.map(({ at, def }) => {
    const day = addDays(dates.monday, Math.floor(at / (24 * 60)));
    const what = fillTemplate(`${def.system}${def.symptom}，${def.impact}`, c);
    return `${md(day)} ${clock(at % (24 * 60))} ${what}。原因：${def.cause}。`;
  });
  if (texts.length > 1 && rng.chance(0.5)) return [...heading, ...texts.map((t, i) => `${i + 1}. ${t}`)];
  return [...heading, ...texts.flatMap((t, i) => (i === 0 ? [t] : ["", t]))];
}

function renderOthers(state: CorpusState, c: FillContext): string[] {
  const picked = c.rng.sample(OTHERS, c.rng.int(2, 5));
  return [sectionHeading("其他", state.headingStyle, c.rng), "", ...picked.map((o, i) => `${i + 1}. ${fillTemplate(o, c)}`)];
}

function renderReflections(state: CorpusState, c: FillContext): string[] {
  const bracketed = state.headingStyle !== "plain" && c.rng.chance(0.3);
  return [bracketed ? "## 【收获与反思】" : "## 收获与反思", "", c.rng.pick(REFLECTIONS)];
}

function renderPlans(shownProjects: number[], subjects: ShownSubject[], c: FillContext): string[] {
  const { rng } = c;
  const plans: string[] = [];
  for (const i of rng.sample(shownProjects, rng.int(1, 3))) {
    plans.push(fillTemplate(rng.pick(PROJECT_PLANS), { ...c, short: PROJECTS[i]!.short }));
  }
  for (const s of rng.sample(subjects, rng.int(0, 2))) {
    const progress = Math.min(100, s.progress + 10);
    plans.push(fillTemplate(rng.pick(SUBJECT_PLANS), { ...c, subject: s.name, progress }));
  }
  if (plans.length < 3 || rng.chance(0.5)) plans.push(fillTemplate(rng.pick(GENERIC_PLANS), c));
  const title = rng.weighted<string>([
    ["下周工作及目标", 92],
    ["下周计划", 8],
  ]);
  const level = rng.weighted<string>([
    ["#", 70],
    ["##", 20],
    ["## 【", 10],
  ]);
  const heading = level === "## 【" ? `## 【${title}】` : `${level} ${title}`;
  const tasks = rng.chance(0.15);
  const items = plans.map((p, i) => (tasks ? `- [${rng.chance(0.4) ? "x" : " "}] ${p}` : `${i + 1}. ${p}`));
  return [heading, "", ...items];
}

// ── frontmatter ──

function createdStamp(dates: WeekDates): string {
  return `${format(addDays(dates.monday, dates.lastDay), "yyyy-MM-dd")}T${clock(dates.createdMinutes)}+08:00`;
}

function renderFrontmatter(c: FillContext, shownProjects: number[], subjects: ShownSubject[]): string[] {
  const { rng } = c;
  const lines = ["---", `week: ${c.week}`];
  if (rng.chance(0.1)) lines.push(`title: "${fillTemplate(rng.pick(TITLES), c)}"`);
  if (rng.chance(0.15)) lines.push(`author: ${rng.pick(AUTHORS)}`);
  if (rng.chance(0.85)) lines.push(`created: "${createdStamp(c.dates)}"`);
  if (rng.chance(0.1)) {
    const project = PROJECTS[rng.pick(shownProjects)]!.short;
    const subject = subjects.length ? `；${rng.pick(subjects).name}持续推进` : "";
    lines.push(`summary: "${project}${rng.pick(["进展顺利", "联调推进中", "风险可控"])}${subject}"`);
  }
  lines.push("---");
  return lines;
}

// ── prose (option `prose`) ──

/** Two to four paragraphs of two to five sentences; a blank line between paragraphs. */
function renderProse(rng: Rng): string[] {
  const paragraphs: string[] = [];
  const n = rng.int(2, 4);
  for (let p = 0; p < n; p++) {
    const sentences = Array.from({ length: rng.int(2, 5) }, () => fillProse(rng.pick(PROSE_SENTENCES), rng));
    // Chinese prose runs sentences together; some writers put a space after each.
    paragraphs.push(sentences.join(rng.chance(0.3) ? " " : ""));
  }
  return paragraphs.flatMap((para, i) => (i ? ["", para] : [para]));
}

// ── one week ──

function weekDates(week: WeekId, rng: Rng): WeekDates {
  const monday = weekStart(week);
  const lastDay = rng.weighted<number>([
    [4, 4],
    [5, 3],
  ]);
  // Friday evening or Saturday morning, like the seed's 周六 09:27.
  const hour = lastDay === 4 ? rng.int(17, 23) : rng.int(8, 12);
  return { monday, friday: addDays(monday, 4), lastDay, createdMinutes: hour * 60 + rng.int(0, 59) };
}

export function renderWeek(week: WeekId, state: CorpusState, rng: Rng, prose: boolean): string {
  const c: FillContext = { rng, week, dates: weekDates(week, rng), progress: 0, count: 0 };
  const shownProjects = chooseProjects(state, rng);
  const blocks: string[][] = [renderProjects(state, shownProjects, c)];

  const subjects: ShownSubject[] = [];
  const missing = OBJECTIVES.map(() => rng.chance(0.06));
  if (missing.every(Boolean)) missing[0] = false;
  OBJECTIVES.forEach((_, oi) => {
    if (!missing[oi]) blocks.push(renderObjective(oi, state, c, subjects));
  });

  const grades = rollGrades(rng);
  const incidentCount = Math.min(
    3,
    Math.max(
      grades.ab + grades.cd,
      rng.weighted<number>([
        [0, 55],
        [1, 30],
        [2, 11],
        [3, 4],
      ]),
    ),
  );
  if (rng.chance(0.92)) blocks.push(renderMetrics(state, grades, c));
  const incidents = renderIncidents(state, incidentCount, c);
  if (incidents) blocks.push(incidents);
  if (rng.chance(0.9) || prose) {
    const others = renderOthers(state, c);
    if (prose) others.push(`${others.filter((l) => /^\d+\. /.test(l)).length + 1}. ${fillProse(rng.pick(PROSE_SENTENCES), rng)}`);
    blocks.push(others);
  }
  if (prose) blocks.push([...renderReflections(state, c), "", ...renderProse(rng)]);
  else if (rng.chance(0.8)) blocks.push(renderReflections(state, c));
  blocks.push(renderPlans(shownProjects, subjects, c));

  const frontmatter = renderFrontmatter(c, shownProjects, subjects);
  return `${frontmatter.join("\n")}\n\n${blocks.map((b) => b.join("\n")).join("\n\n")}\n`;
}

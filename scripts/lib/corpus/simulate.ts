/**
 * The corpus as it moves through the weeks: which projects and objective subjects are under way, how
 * far they are, when they finish, pause or restart. Rendering reads this state; only it changes it.
 */
import type { Rng } from "./random.ts";
import { HEADING_STYLES, OBJECTIVES, PROJECTS, type HeadingStyle } from "./vocabulary.ts";

/** One project or objective subject as it moves through the weeks. */
export interface Thread {
  active: boolean;
  progress: number;
  /** A cumulative counter (累计成交, 累计开通城市) that only grows. */
  count: number;
  /** Restarts after finishing; picks the subject's next name. */
  run: number;
  /** Weeks since reaching 100%; 0 while in progress. */
  doneWeeks: number;
  /** How many weeks it stays visible after finishing. */
  linger: number;
}

export interface CorpusState {
  projects: Thread[];
  subjects: Thread[][];
  headingStyle: HeadingStyle;
  /** 年度可用性 per ISO year: drops after AB-grade incidents and stays down for the year. */
  availability: Map<number, number>;
}

function newThread(rng: Rng, active: boolean): Thread {
  return { active, progress: rng.int(0, 8) * 5, count: rng.int(0, 30), run: 0, doneWeeks: 0, linger: rng.int(1, 3) };
}

export function initialState(rng: Rng): CorpusState {
  // The seed's flagship 贝易转 is always under way when a corpus starts.
  const firstProjects = new Set([0, ...rng.sample(PROJECTS.map((_, i) => i).slice(1), rng.int(3, 4))]);
  return {
    projects: PROJECTS.map((_, i) => newThread(rng, firstProjects.has(i))),
    subjects: OBJECTIVES.map((o) => o.subjects.map(() => newThread(rng, rng.chance(0.65)))),
    headingStyle: "bracket",
    availability: new Map(),
  };
}

/** One week of life for a thread: progress moves, finished work lingers then leaves, idle work may start. */
function advanceThread(t: Thread, ongoing: boolean, startChance: number, rng: Rng): void {
  if (!t.active) {
    if (!rng.chance(startChance)) return;
    t.active = true;
    if (t.doneWeeks > 0) {
      t.run += 1;
      t.progress = rng.int(0, 3) * 5;
      t.doneWeeks = 0;
      t.linger = rng.int(1, 3);
    }
    return;
  }
  t.count += rng.int(1, 40);
  if (t.doneWeeks > 0) {
    t.doneWeeks += 1;
    if (t.doneWeeks > t.linger) t.active = false;
    return;
  }
  t.progress += rng.weighted<number>([
    [0, 2],
    [5, 4],
    [10, 3],
    [15, 1],
  ]);
  if (ongoing) {
    t.progress = Math.min(t.progress, 95);
    if (rng.chance(0.04)) t.active = false;
  } else if (t.progress >= 100) {
    t.progress = 100;
    t.doneWeeks = 1;
  } else if (rng.chance(0.02)) {
    t.active = false; // paused; resumes later at the same progress
  }
}

export function advanceState(state: CorpusState, rng: Rng): void {
  PROJECTS.forEach((def, i) => advanceThread(state.projects[i]!, !!def.ongoing, 0.025, rng));
  OBJECTIVES.forEach((o, oi) => o.subjects.forEach((def, si) => advanceThread(state.subjects[oi]![si]!, !!def.ongoing, 0.15, rng)));
  if (rng.chance(0.15)) state.headingStyle = rng.weighted(HEADING_STYLES);
}

/** Indices of the projects shown this week: 3–6 of the active ones, waking idle ones when too few. */
export function chooseProjects(state: CorpusState, rng: Rng): number[] {
  const active = () => state.projects.flatMap((t, i) => (t.active ? [i] : []));
  while (active().length < 3) {
    const idle = state.projects.flatMap((t, i) => (t.active ? [] : [i]));
    const t = state.projects[rng.pick(idle)]!;
    t.active = true;
    if (t.doneWeeks > 0) Object.assign(t, { run: t.run + 1, progress: 0, doneWeeks: 0 });
  }
  let shown = active().filter(() => !rng.chance(0.05));
  if (shown.length < 3) shown = active();
  return shown.length > 6 ? rng.sample(shown, 6) : shown;
}

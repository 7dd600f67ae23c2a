/**
 * Deterministic generator of plausible weekly reports in the shape of the seed week (2024-W17).
 * Used by tests and benchmarks that need corpora far larger than the real archive.
 * Pure: no fs, no clock, no Math.random — the same options always give byte-identical files.
 * The parts live in corpus/: vocabulary (data), random (seeded RNG), simulate (how work moves from
 * week to week), fill (templates), render (one week as MDX).
 */
import { addWeeksToId, parseWeekId } from "../../src/lib/week-id.ts";
import { Rng } from "./corpus/random.ts";
import { renderWeek } from "./corpus/render.ts";
import { advanceState, initialState } from "./corpus/simulate.ts";
import { ABSENT_TERMS } from "./corpus/vocabulary.ts";

export { ABSENT_TERMS } from "./corpus/vocabulary.ts";
export { mulberry32 } from "./corpus/random.ts";

export interface GeneratedWeek {
  /** ISO week label, e.g. `2021-W05`. */
  week: string;
  /** `2021-W05.mdx`. */
  fileName: string;
  /** The whole MDX file, frontmatter included. */
  source: string;
}

export interface GenerateCorpusOptions {
  /** Number of weeks to generate (skipped weeks don't count). */
  count: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** First week; default `2019-W01`. */
  startWeek?: string;
  /** Weeks to leave out, e.g. the real `2024-W17` that a caller adds beside the corpus. */
  skipWeeks?: string[];
  /**
   * Add paragraphs of prose to 收获与反思 and 其他: spaces between words, Latin words and versions
   * (`Vue 3.0`, `vue 3。`), numbers, one-character words (`X 光`, `A 股`, `第 1 周`) and CJK and ASCII
   * punctuation — what the seed's vocabulary, with few spaces, lacks. Default false.
   */
  prose?: boolean;
}
// ─────────────────────────────── safety ───────────────────────────────

/** Characters that MDX would read as expressions or JSX, or GFM as markup we never intend. */
const HOSTILE = /[{}<~|\\*]|&[A-Za-z#0-9]|^\s*(?:import|export)\b/m;

/** A bug in the tables above must fail loudly here, never reach a test corpus. */
function assertSafe(week: string, source: string): void {
  const hostile = HOSTILE.exec(source);
  if (hostile) throw new Error(`generate-corpus: ${week} contains MDX-hostile text "${hostile[0]}"`);
  for (const m of source.matchAll(/>/g)) {
    if (source[m.index - 1] !== "率") throw new Error(`generate-corpus: ${week} has a stray ">"`);
  }
  const absent = ABSENT_TERMS.find((t) => source.includes(t));
  if (absent) throw new Error(`generate-corpus: ${week} contains absent term ${absent}`);
}

// ─────────────────────────────── entry point ───────────────────────────────

export function generateCorpus(opts: GenerateCorpusOptions): GeneratedWeek[] {
  const { count, seed = 1, startWeek = "2019-W01", skipWeeks = [], prose = false } = opts;
  if (!Number.isInteger(count) || count < 0) throw new Error(`generate-corpus: count must be a whole number ≥ 0, got ${count}`);
  const skip = new Set(skipWeeks);
  const rng = new Rng(seed);
  const state = initialState(rng);
  const weeks: GeneratedWeek[] = [];
  let week = parseWeekId(startWeek);
  while (weeks.length < count) {
    if (!skip.has(week)) {
      if (weeks.length > 0) advanceState(state, rng);
      const source = renderWeek(week, state, rng, prose);
      assertSafe(week, source);
      weeks.push({ week, fileName: `${week}.mdx`, source });
    }
    week = addWeeksToId(week, 1);
  }
  return weeks;
}

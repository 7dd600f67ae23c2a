/**
 * Where a build's main thread spends its time, from a V8 `.cpuprofile` (node --cpu-prof): self time
 * grouped by package (node_modules/<pkg>), project file, Node internals or V8 (GC, idle, program).
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  /** Microseconds between samples. */
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by owner, largest first. */
  byOwner: [string, number][];
  /** Self time by function, largest first. */
  byFunction: [string, number][];
}

/** `node_modules/micromark/…` → `micromark`; `/repo/src/lib/x.ts` → `src/lib/x.ts`; V8 entries by name. */
export function ownerOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  // V8's own entries ("(garbage collector)", "(idle)", "(program)") and natives without a script.
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return "node internals";
  // The prerender bundle is the project's own code (pages, src/lib, src/data) after bundling.
  if (url.includes("/.prerender/")) return "project code (prerender bundle)";
  const src = /\/((?:src|scripts)\/.*)$/.exec(url);
  return src ? src[1]! : url.replace(/^file:\/\//, "");
}

const top = (m: Map<string, number>, n: number): [string, number][] => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

export function summarizeProfile(profile: CpuProfile, limit = 12): ProfileSummary {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame) return;
    total += ms;
    const owner = ownerOf(frame);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    const fn = `${frame.functionName || "(anonymous)"} · ${owner}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  return { totalMs: total, byOwner: top(byOwner, limit), byFunction: top(byFunction, limit) };
}

export function formatProfileSummary(label: string, s: ProfileSummary): string {
  const rows = (list: [string, number][]) =>
    list.map(([k, ms]) => `  ${(ms / 1000).toFixed(2).padStart(7)} s  ${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%  ${k}`);
  return [
    `${label}: ${(s.totalMs / 1000).toFixed(1)} s sampled on the main thread`,
    " self time by owner:",
    ...rows(s.byOwner),
    " self time by function:",
    ...rows(s.byFunction),
  ].join("\n");
}

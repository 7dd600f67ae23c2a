import type { WeekReport } from "../report/model.ts";
import { normalizeName } from "../report/text.ts";
import type { Problem } from "./problem.ts";

interface Seen {
  name: string;
  slug: string;
  file: string;
  line: number;
}

/**
 * Unregistered projects whose names differ only by what one adds at either end (`信用分` /
 * `信用分接入`) get separate pages; that is usually one project spelled two ways, so the check asks.
 * Registered names are the author's decision and are never compared.
 */
export function nearDuplicateProjects(reports: readonly { file: string; report: WeekReport }[]): Problem[] {
  const bySlug = new Map<string, Seen>();
  for (const { file, report } of reports)
    for (const p of report.projects) if (!p.registered && !bySlug.has(p.slug)) bySlug.set(p.slug, { name: p.name, slug: p.slug, file, line: p.line });
  const seen = [...bySlug.values()].map((s) => ({ ...s, key: normalizeName(s.name) })).sort((a, b) => a.key.length - b.key.length);
  const problems: Problem[] = [];
  for (let i = 0; i < seen.length; i++) {
    const short = seen[i]!;
    if ([...short.key].length < 2) continue;
    for (let j = i + 1; j < seen.length; j++) {
      const long = seen[j]!;
      if (long.key === short.key || !(long.key.startsWith(short.key) || long.key.endsWith(short.key))) continue;
      problems.push({
        file: long.file,
        line: long.line,
        field: "project",
        severity: "warning",
        message: `项目「${long.name}」和「${short.name}」（${short.file}:${short.line}）很像，却是两个项目页 (near-duplicate project names)`,
        hint: `若是同一个项目，在 content/projects.yaml 登记一项，把另一个写法放进 aliases；若不是，登记其中一个即可消除此提示`,
      });
    }
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

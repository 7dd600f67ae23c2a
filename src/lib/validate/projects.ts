import type { Root } from "mdast";
import type { Problem } from "./problem.ts";
import type { Registry } from "../registry.ts";
import { createProjectResolver } from "../report/project-names.ts";
import { normalizeName } from "../report/text.ts";
import { editDistance } from "./suggest.ts";

export interface ProjectMentionAt {
  name: string;
  line?: number;
  column?: number;
}

const PROJECT_LEAD = /^【([^【】]+)】/;

/** Names of top-level list items that start with `【name】` — the report's projects. */
export function findTopProjects(tree: Root): ProjectMentionAt[] {
  const found: ProjectMentionAt[] = [];
  for (const block of tree.children) {
    if (block.type !== "list") continue;
    for (const item of block.children) {
      const first = item.children[0];
      if (first?.type !== "paragraph") continue;
      const lead = first.children[0];
      if (lead?.type !== "text") continue;
      const m = PROJECT_LEAD.exec(lead.value.trimStart());
      if (m) found.push({ name: m[1]!, line: lead.position?.start.line, column: lead.position?.start.column });
    }
  }
  return found;
}

/**
 * A registered name or alias the unknown `name` is probably meant to be; undefined when the parser
 * already resolves it to the registry or nothing is close.
 */
export function suggestProject(name: string, registry: Registry): string | undefined {
  if (createProjectResolver(registry).resolve(name).registered) return undefined;
  const norm = normalizeName(name);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of registry.projects.flatMap((p) => [p.name, ...p.aliases])) {
    const c = normalizeName(candidate);
    const longer = Math.max([...c].length, [...norm].length);
    const shorter = Math.min([...c].length, [...norm].length);
    const d = editDistance(norm, c);
    const limit = longer <= 4 ? 1 : longer <= 8 ? 2 : 3;
    // Containment only when the names are of comparable length: "AI" is not a typo of "AI创新与多栈".
    const contains = shorter >= 2 && shorter * 2 >= longer && (c.includes(norm) || norm.includes(c));
    if ((d <= limit || contains) && d < bestScore) {
      best = candidate;
      bestScore = d;
    }
  }
  return best;
}

export function findUnknownProjects(
  file: string,
  tree: Root,
  registry: Registry,
  registryFile = "content/projects.yaml",
): Problem[] {
  if (registry.projects.length === 0) return [];
  return findTopProjects(tree).flatMap((mention): Problem[] => {
    const suggestion = suggestProject(mention.name, registry);
    if (!suggestion) return [];
    return [
      {
        file,
        line: mention.line,
        column: mention.column,
        field: "project",
        severity: "warning",
        message: `项目【${mention.name}】未登记，是不是【${suggestion}】？ (unregistered project; did you mean "${suggestion}"?)`,
        hint: `若是同一个项目，改成【${suggestion}】或在 ${registryFile} 中把“${mention.name}”加为别名；若是新项目，在 ${registryFile} 中登记它`,
      },
    ];
  });
}

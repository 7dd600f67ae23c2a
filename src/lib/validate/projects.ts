import type { Root } from "mdast";
import type { Problem } from "./problem.ts";
import type { Registry } from "../registry.ts";
import { createProjectResolver, derivedBaseSlug, distinctDerivedSlugs, projectNameKey } from "../report/project-names.ts";
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
 * Each registry's resolver and the suggestions made so far: every week's every project is asked
 * about, and a week check asks the same few names hundreds of times against the same registry.
 */
const suggestionsFor = new WeakMap<Registry, { resolver: ReturnType<typeof createProjectResolver>; made: Map<string, string | undefined> }>();

/**
 * A registered name or alias the unknown `name` is probably meant to be; undefined when the parser
 * already resolves it to the registry or nothing is close.
 */
export function suggestProject(name: string, registry: Registry): string | undefined {
  let memo = suggestionsFor.get(registry);
  if (!memo) suggestionsFor.set(registry, (memo = { resolver: createProjectResolver(registry), made: new Map() }));
  if (memo.made.has(name)) return memo.made.get(name);
  const suggestion = memo.resolver.resolve(name).registered ? undefined : closestProject(name, registry);
  memo.made.set(name, suggestion);
  return suggestion;
}

function closestProject(name: string, registry: Registry): string | undefined {
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

export function findUnknownProjects(file: string, tree: Root, registry: Registry, registryFile = "content/projects.yaml"): Problem[] {
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

/** A `【name】` opening a list item, as a line of the week's text says it (a cheap reading for the warning below). */
const LISTED_PROJECT = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\*\*|__)?【([^【】\n]+)】/;

/** Every list item's lead `【name】` with its file line. */
export function listedProjectNames(text: string): ProjectMentionAt[] {
  const found: ProjectMentionAt[] = [];
  text.split("\n").forEach((line, i) => {
    const m = LISTED_PROJECT.exec(line);
    if (m) found.push({ name: m[1]!.trim(), line: i + 1, column: line.indexOf("【") + 1 });
  });
  return found;
}

/**
 * Unregistered names whose pinyin slug another name shares (期中考核/其中考核): the site gives each
 * its own page with a hashed suffix, which is stable but not pretty; a registry entry names the URL.
 * One warning per name, at its first mention.
 */
export function findSlugCollisions(
  mentions: readonly (ProjectMentionAt & { file: string })[],
  registry: Registry,
  registryFile = "content/projects.yaml",
): Problem[] {
  const resolver = createProjectResolver(registry);
  const unregistered = mentions.filter((m) => !resolver.resolve(m.name).registered);
  const taken = new Set(registry.projects.map((p) => p.slug));
  const derived = distinctDerivedSlugs(
    unregistered.map((m) => m.name),
    taken,
  );
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const m of unregistered) {
    const key = projectNameKey(m.name);
    const slug = derived.get(key);
    if (!slug || seen.has(key)) continue;
    seen.add(key);
    // A likely typo of a registered name already has its own warning ("did you mean").
    if (suggestProject(m.name, registry)) continue;
    const base = derivedBaseSlug(m.name);
    const others = [...new Set(unregistered.filter((o) => derivedBaseSlug(o.name) === base && projectNameKey(o.name) !== key).map((o) => `【${o.name}】`))];
    problems.push({
      file: m.file,
      line: m.line,
      column: m.column,
      field: "project",
      severity: "warning",
      message: `项目【${m.name}】的网址 /projects/${base}/ 与${others.length > 0 ? others.join("、") : "已登记的项目"}相同，已改用 /projects/${slug}/ (project slug collision)`,
      hint: `若是同一个项目，统一写法或在 ${registryFile} 中登记别名；若是不同项目，在 ${registryFile} 中给它登记一个 slug`,
    });
  }
  return problems;
}

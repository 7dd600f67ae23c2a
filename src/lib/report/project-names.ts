import type { Registry } from "../registry.ts";
import { pinyinSlug } from "./slug.ts";
import { normalizeName, stripParenthetical } from "./text.ts";

export interface ResolvedProject {
  slug: string;
  registered: boolean;
}

export interface ProjectResolver {
  /** Slug for a 【name】: the registry's when the name or an alias is registered, else pinyin. */
  resolve(name: string): ResolvedProject;
  /** Registry slug when a subject is exactly a registered name or alias. */
  match(subject: string): string | undefined;
  /** Registry slug of the longest registered name or alias contained in a text. */
  find(text: string): string | undefined;
}

// One resolver per registry object: every week of a build shares the registry, and building the
// name index normalizes every name and alias.
const resolvers = new WeakMap<Registry, ProjectResolver>();

export function createProjectResolver(registry: Registry): ProjectResolver {
  let resolver = resolvers.get(registry);
  if (!resolver) resolvers.set(registry, (resolver = buildResolver(registry)));
  return resolver;
}

function buildResolver(registry: Registry): ProjectResolver {
  const byName = new Map<string, string>();
  for (const p of registry.projects) {
    for (const n of [p.name, ...p.aliases, p.slug]) byName.set(normalizeName(n), p.slug);
    byName.set(normalizeName(stripParenthetical(p.name)), p.slug);
  }
  const names = [...byName.keys()].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  const lookup = (name: string): string | undefined =>
    byName.get(normalizeName(name)) ?? byName.get(normalizeName(stripParenthetical(name)));
  return {
    resolve(name) {
      const slug = lookup(name);
      // Without a registry entry, `贝易转（C转）` and `贝易转` still meet on one page.
      return slug ? { slug, registered: true } : { slug: pinyinSlug(stripParenthetical(name)), registered: false };
    },
    match: (subject) => lookup(subject),
    find(text) {
      const t = normalizeName(text);
      const hit = names.find((n) => t.includes(n));
      return hit ? byName.get(hit) : undefined;
    },
  };
}

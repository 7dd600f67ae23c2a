import type { Registry } from "../registry.ts";
import { distinctSlug, pinyinSlug } from "./slug.ts";
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

/**
 * Slugs for unregistered names whose pinyin slug another name shares (期中考核/其中考核), by
 * projectNameKey; built from every week of the archive (see week-files.ts), so no week order matters.
 */
export type DerivedSlugs = ReadonlyMap<string, string>;

export function createProjectResolver(registry: Registry, derived?: DerivedSlugs): ProjectResolver {
  if (derived && derived.size > 0) return buildResolver(registry, derived);
  let resolver = resolvers.get(registry);
  if (!resolver) resolvers.set(registry, (resolver = buildResolver(registry)));
  return resolver;
}

/** What makes two unregistered names one project: `贝易转（C转）` and `贝易转` meet, `A/B测试` and `A-B测试` do not. */
export function projectNameKey(name: string): string {
  return normalizeName(stripParenthetical(name));
}

/** The pinyin slug of an unregistered name before collisions are resolved. */
export function derivedBaseSlug(name: string): string {
  return pinyinSlug(stripParenthetical(name));
}

/**
 * For names whose base slugs collide with each other or with a registered slug (`taken`), a slug
 * each: the base plus a hash of the name's key.
 */
export function distinctDerivedSlugs(names: Iterable<string>, taken: ReadonlySet<string> = new Set()): Map<string, string> {
  const keysBySlug = new Map<string, Set<string>>();
  for (const name of names) {
    const slug = derivedBaseSlug(name);
    const keys = keysBySlug.get(slug) ?? new Set<string>();
    keys.add(projectNameKey(name));
    keysBySlug.set(slug, keys);
  }
  const out = new Map<string, string>();
  for (const [slug, keys] of keysBySlug) if (keys.size > 1 || taken.has(slug)) for (const key of keys) out.set(key, distinctSlug(slug, key));
  return out;
}

function buildResolver(registry: Registry, derived?: DerivedSlugs): ProjectResolver {
  const byName = new Map<string, string>();
  for (const p of registry.projects) {
    for (const n of [p.name, ...p.aliases, p.slug]) byName.set(normalizeName(n), p.slug);
    byName.set(normalizeName(stripParenthetical(p.name)), p.slug);
  }
  const names = [...byName.keys()].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  const lookup = (name: string): string | undefined => byName.get(normalizeName(name)) ?? byName.get(normalizeName(stripParenthetical(name)));
  return {
    resolve(name) {
      const slug = lookup(name);
      // Without a registry entry, `贝易转（C转）` and `贝易转` still meet on one page.
      if (slug) return { slug, registered: true };
      return { slug: derived?.get(projectNameKey(name)) ?? derivedBaseSlug(name), registered: false };
    },
    match: (subject) => lookup(subject),
    find(text) {
      const t = normalizeName(text);
      const hit = names.find((n) => t.includes(n));
      return hit ? byName.get(hit) : undefined;
    },
  };
}

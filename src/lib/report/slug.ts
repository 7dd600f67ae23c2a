import { pinyin } from "pinyin-pro";

// The same few project names recur in every week; pinyin conversion is the costly part.
const slugs = new Map<string, string>();

/** ASCII slug for a Chinese name: pinyin syllables and Latin/digit runs joined by hyphens. */
export function pinyinSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) slugs.set(name, (slug = toPinyinSlug(name)));
  return slug;
}

function toPinyinSlug(name: string): string {
  const parts = pinyin(name.normalize("NFKC"), { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const slug = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // A name with nothing to spell (【！！】, 【？？】) gets a slug of its own instead of a shared `x`.
  return slug || `p-${nameHash(name)}`;
}

/** Short stable hash of an exact name (FNV-1a, base 36): the suffix that keeps colliding slugs apart. */
export function nameHash(name: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0").slice(-6);
}

/** The slug of a derived name that shares its pinyin slug with another name: `qi-zhong-kao-he-1x2y3z`. */
export function distinctSlug(baseSlug: string, nameKey: string): string {
  return `${baseSlug}-${nameHash(nameKey)}`;
}

/** Anchor ids unique within one page: the second `foo` becomes `foo-2`. */
export class AnchorSet {
  private readonly used = new Map<string, number>();
  take(base: string): string {
    const n = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}

/** An id for headings of unknown sections: keeps CJK, drops punctuation. */
export function headingSlug(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

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
  return slug || "x";
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

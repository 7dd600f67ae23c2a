/**
 * The e2e tests' corpus sites, written and built by scripts/lib/corpus-site.ts like search-quality's
 * and the bench's; SKIP_BUILD=1 keeps an earlier build of the same name (as it keeps dist/).
 */
import { buildCorpusSite as buildSite, type CorpusContent, type CorpusSite } from "../../scripts/lib/corpus-site.ts";

export type { CorpusSite };

/** tmp/<name>/content and tmp/<name>/dist; `env` holds the build's site settings (SITE, WEEKLY_ARCHIVE_PUBLIC…). */
export function buildCorpusSite(name: string, content: CorpusContent, env?: Readonly<Record<string, string>>): CorpusSite {
  return buildSite(name, content, { env, reuse: process.env.SKIP_BUILD === "1" });
}

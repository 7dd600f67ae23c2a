/**
 * What the week check tells the pages about the build, as a Vite virtual module: the one hand-over
 * between the integrations (Astro's config module graph) and the pages (Vite's prerender bundle),
 * which run in one process but share no module instance.
 */
export const BUILD_CONTEXT_MODULE = "virtual:weekly-archive/build-context";

export interface BuildContext {
  /** `build` publishes no draft; `dev` previews them. */
  command: "build" | "dev" | "preview" | "sync";
  /** The week cache holding this build's parsed weeks (data/week-cache.ts); null in dev or when none was written. */
  weekCache: { file: string; version: string } | null;
}

const RESOLVED = `\0${BUILD_CONTEXT_MODULE}`;

/** The Vite plugin serving the module; `current` is read when the module is loaded, after the check has run. */
export function buildContextPlugin(current: () => BuildContext) {
  return {
    name: "weekly-archive:build-context",
    resolveId: (id: string) => (id === BUILD_CONTEXT_MODULE ? RESOLVED : undefined),
    load: (id: string) => (id === RESOLVED ? `export default ${JSON.stringify(current())};` : undefined),
  };
}

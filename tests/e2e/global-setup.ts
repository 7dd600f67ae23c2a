import type { TestProject } from "vitest/node";
import { buildSite } from "../../scripts/lib/corpus-site.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

let server: StaticServer | undefined;

/** Builds the real site into dist/ once (unless SKIP_BUILD=1) and serves it for every e2e file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.SKIP_BUILD !== "1") {
    // The site's own content, built the way every corpus site is (scripts/lib/corpus-site.ts).
    buildSite({ contentDir: "content", outDir: "dist" });
  }
  server = await serveStatic("dist");
  project.provide("siteUrl", server.url);
  return async () => {
    await server?.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

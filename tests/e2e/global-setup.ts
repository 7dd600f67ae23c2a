import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { serveStatic, type StaticServer } from "./static-server.ts";

let server: StaticServer | undefined;

/** Builds the real site into dist/ once (unless SKIP_BUILD=1) and serves it for every e2e file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.SKIP_BUILD !== "1") {
    execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", ASTRO_TELEMETRY_DISABLED: "1" },
    });
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

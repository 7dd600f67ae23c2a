import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { emptyRegistry, objectivesFileSchema, projectsFileSchema, type Registry } from "../registry.ts";
import type { ValidateContext, WeekFile } from "./validate-week-files.ts";

/** `/`-separated path relative to `cwd`, as authors see it in messages. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(file));
  return (rel.startsWith("..") ? resolve(file) : rel).split(sep).join("/");
}

/** Every file under `dir` (recursively, dotfiles skipped); only .mdx files are read, the rest is listed to be rejected. */
export function loadWeekFiles(dir: string, cwd = process.cwd()): WeekFile[] {
  if (!existsSync(dir)) return [];
  const files: WeekFile[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else
        files.push({
          path: displayPath(full, cwd),
          source: entry.name.endsWith(".mdx") ? readFileSync(full, "utf8") : "",
        });
    }
  };
  visit(dir);
  return files;
}

/** projects.yaml and objectives.yaml when present and valid; a broken file is reported by the registry check instead. */
export function loadRegistry(contentDir: string): Registry {
  const read = <T>(name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | undefined => {
    const file = join(contentDir, name);
    if (!existsSync(file)) return undefined;
    try {
      const parsed = schema.safeParse(parse(readFileSync(file, "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    projects: read("projects.yaml", projectsFileSchema) ?? emptyRegistry.projects,
    objectives: read("objectives.yaml", objectivesFileSchema) ?? emptyRegistry.objectives,
  };
}

/** Site paths of files under public/ (`/files/a.pdf`), valid targets for links in weeks. */
export function listPublicFiles(publicDir: string): string[] {
  if (!existsSync(publicDir)) return [];
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push("/" + relative(publicDir, full).split(sep).join("/"));
    }
  };
  visit(publicDir);
  return out;
}

/** Everything the week validator needs to know about the repository around the weeks. */
export function loadValidateContext(contentDir: string, root = process.cwd()): ValidateContext {
  return {
    registry: loadRegistry(contentDir),
    registryFile: displayPath(join(contentDir, "projects.yaml"), root),
    publicFiles: listPublicFiles(join(root, "public")),
    weeksDir: displayPath(join(contentDir, "weeks"), root),
  };
}

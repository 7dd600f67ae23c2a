import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Data flows one way (week file → reader → WeekReport → archive → pages), so no module of src/ may
 * reach, however indirectly, a module that imports it. Type-only imports count: a type cycle is the
 * same tangle for a reader of the code. Dynamic `import()` does not: it is how a page loads a script.
 */

// A static import or re-export at the start of a line; the clause before `from` has no `;`, `(` or `=`,
// so `export const x = …` and `export function f(…)` never match, whatever follows them.
const STATIC_IMPORT = /^[ \t]*(?:import|export)\b[^;()=]*?\bfrom\s*["']([^"'\n]+)["']|^[ \t]*import\s*["']([^"'\n]+)["']/gm;
const MODULE = /\.(?:ts|astro)$/;

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return modulesUnder(path);
    return MODULE.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The module a relative specifier names, as Vite would find it; undefined for packages and assets. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const target = resolve(dirname(from), specifier.replace(/\?.*$/, ""));
  return [target, `${target}.ts`, join(target, "index.ts")].find((p) => MODULE.test(p) && isFile(p));
}

/** Every module under `root` with the modules it imports statically (paths relative to `root`). */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of modulesUnder(root)) {
    const deps = new Set<string>();
    for (const m of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      const target = resolveSpecifier(file, (m[1] ?? m[2])!);
      if (target) deps.add(relative(root, target));
    }
    graph.set(relative(root, file), [...deps].sort());
  }
  return graph;
}

/** Each cycle once, as the path that closes it (`a → b → a`), starting from its smallest module. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string): void => {
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (onStack.has(next)) {
        const loop = stack.slice(stack.indexOf(next));
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.set(rotated.join("\n"), [...rotated, rotated[0]!]);
      } else if (!done.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(node);
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) if (!done.has(node)) visit(node);
  return [...cycles.values()];
}

describe("the import graph walk", () => {
  const root = mkdtempSync(join(tmpdir(), "import-cycles-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const tree = (name: string, files: Record<string, string>): string => {
    const dir = join(root, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it.each<[string, Record<string, string>, string[][]]>([
    [
      "a type-only import closing the loop",
      { "a.ts": 'import { b } from "./b.ts";\n', "b.ts": 'import type { A } from "./a.ts";\n' },
      [["a.ts", "b.ts", "a.ts"]],
    ],
    [
      "a re-export and an extensionless specifier",
      { "lib/a.ts": 'export * from "./b";\n', "lib/b/index.ts": 'export { a } from "../a.ts";\n' },
      [["lib/a.ts", "lib/b/index.ts", "lib/a.ts"]],
    ],
    [
      "a multi-line import three modules round",
      { "a.ts": 'import {\n  b,\n  c,\n} from "./b.ts";\n', "b.ts": 'import "./c.ts";\n', "c.ts": 'export type { A } from "./a.ts";\n' },
      [["a.ts", "b.ts", "c.ts", "a.ts"]],
    ],
    [
      "a component importing its page",
      { "Page.astro": '---\nimport Row from "./Row.astro";\n---\n', "Row.astro": '---\nimport Page from "./Page.astro";\n---\n' },
      [["Page.astro", "Row.astro", "Page.astro"]],
    ],
    [
      "one-way imports, comments, strings and dynamic import()",
      {
        "a.ts": 'import { b } from "./b.ts";\n/** import { a } from "./b.ts" */\nexport const s = "import x from \'./b.ts\'";\n',
        "b.ts": 'export const b = () => import("./a.ts");\nimport { pkg } from "some-package";\n',
      },
      [],
    ],
  ])("finds %s", (name, files, cycles) => {
    expect(findCycles(importGraph(tree(name.replace(/\W+/g, "-"), files)))).toEqual(cycles);
  });
});

describe("src/", () => {
  const graph = importGraph(resolve("src"));

  it("is read: every module, with the imports it has", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("lib/archive.ts")).toContain("lib/week-id.ts");
    expect(graph.get("pages/index.astro")).toContain("data/archive.ts");
  });

  it("has no import cycle", () => {
    expect(findCycles(graph).map((c) => c.join(" → "))).toEqual([]);
  });
});

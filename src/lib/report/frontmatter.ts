/** Splits `---\nyaml\n---\nbody` and says on which file line the body starts. */
export interface SplitSource {
  yaml: string | undefined;
  body: string;
  /** 1-based line number of the body's first line in the file. */
  bodyLine: number;
  /** 1-based line of the first YAML line (after the opening `---`). */
  yamlLine: number;
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(source: string): SplitSource {
  const m = FRONTMATTER.exec(source);
  if (!m) return { yaml: undefined, body: source, bodyLine: 1, yamlLine: 1 };
  const consumed = m[0];
  const lines = consumed.split("\n").length - (consumed.endsWith("\n") ? 1 : 0);
  return { yaml: m[1], body: source.slice(consumed.length), bodyLine: lines + 1, yamlLine: 2 };
}

/** The text the week check parses: the body under as many blank lines as the frontmatter took, so tree lines are file lines. */
export function paddedBody(body: string, bodyLine: number): string {
  return "\n".repeat(bodyLine - 1) + body;
}

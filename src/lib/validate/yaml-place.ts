import { isMap, isScalar, isSeq, type Document, type LineCounter } from "yaml";

/** File line/column of the deepest node on `path` (map keys, list indexes) that exists in the YAML document. */
export function placeOfPath(
  doc: Document,
  path: readonly PropertyKey[],
  lineCounter: LineCounter,
  lineOffset: number,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let found: { line: number; column: number } | undefined;
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  for (const segment of path) {
    if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item?.range) break;
      found = at(item.range[0]);
      node = item;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    if (!pair || !isScalar(pair.key) || !pair.key.range) break;
    found = at(pair.key.range[0]);
    node = pair.value;
  }
  return found;
}

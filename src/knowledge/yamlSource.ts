import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Problem } from './problem.js';

/**
 * A parsed YAML text that can say on which line a value sits, so problems name file and line.
 * @example const src = parseYamlSource(text, 'content/directory.yaml', 1); src.lineOf(['entries', 0, 'id'])
 */
export type YamlSource = {
  value: unknown;
  problems: Problem[];
  lineOf(path: ReadonlyArray<string | number>): number;
};

export function parseYamlSource(text: string, file: string, firstLine: number): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: toLine(e.pos[0]),
    message: `malformed YAML: ${e.message.split('\n')[0]}`,
  }));
  const lineOf = (path: ReadonlyArray<string | number>): number => {
    let node: unknown = doc.contents;
    let best = firstLine;
    for (const key of path) {
      const found = childOf(node, key);
      if (!found) break;
      node = found;
      if (found.range) best = toLine(found.range[0]);
    }
    return best;
  };
  return { value: problems.length ? undefined : doc.toJS(), problems, lineOf };
}

function childOf(node: unknown, key: string | number): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    return (pair?.value as Node | undefined) ?? (pair?.key as Node | undefined);
  }
  if (isSeq(node) && typeof key === 'number') return node.items[key] as Node | undefined;
  return undefined;
}

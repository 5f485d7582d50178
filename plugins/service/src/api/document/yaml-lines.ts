import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';

// Loaded on the first YAML description, not with the plugin (a CommonJS require keeps this synchronous).
const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;
const loadYaml = () => (yaml ??= require('yaml') as typeof import('yaml'));

/**
 * Line numbers of JSON pointers in a YAML text: the line of the key (or of the list item) each
 * names. Takes the document the source already parsed, when there is one.
 */
export function yamlLines(text: string, pointers: Map<string, string[]>, parsed?: { document: Document; lineCounter: LineCounter }): Map<string, number> {
  const { isMap, isScalar, isSeq, LineCounter: Counter, parseDocument } = loadYaml();
  const counter = parsed?.lineCounter ?? new Counter();
  const document = parsed?.document ?? parseDocument(text, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false });
  const lines = new Map<string, number>();
  for (const [pointer, keys] of pointers) {
    let node: unknown = document.contents;
    let offset: number | undefined;
    for (const key of keys) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (!pair) {
          offset = undefined;
          break;
        }
        offset = (pair.key as Node).range?.[0];
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as Node | undefined;
        offset = item?.range?.[0];
        node = item;
      } else {
        offset = undefined;
        break;
      }
    }
    if (offset !== undefined) lines.set(pointer, counter.linePos(offset).line);
  }
  return lines;
}

import type { ChangeLocation, SchemaChange } from '@migration-architect/core';
import type { Located } from '../document/document-set.js';
import { jsonLines } from '../document/json-lines.js';
import type { SpecDocument } from '../document/spec-document.js';
import { yamlLines } from '../document/yaml-lines.js';

interface Pending {
  change: SchemaChange;
  at: Located;
  side: 'before' | 'after';
}

/**
 * Gives findings the line they are written on: collected while diffing, then looked up in one
 * pass per root document. Nodes in other files (reached by `$ref`) are named by their pointer,
 * which carries the file name; the report's location names the input file only.
 */
export class LineLocator {
  private readonly pending: Pending[] = [];

  constructor(private readonly roots: { before: SpecDocument; after: SpecDocument }) {}

  add(change: SchemaChange, at: Located, side: 'before' | 'after'): void {
    this.pending.push({ change, at, side });
  }

  apply(): void {
    for (const side of ['before', 'after'] as const) {
      const doc = this.roots[side];
      if (doc.text === undefined) continue;
      const wanted: { change: SchemaChange; pointer: string }[] = [];
      const pointers = new Map<string, string[]>();
      for (const p of this.pending) {
        if (p.side !== side || p.at.doc !== doc) continue;
        const pointer = p.at.path.pointer();
        wanted.push({ change: p.change, pointer });
        if (!pointers.has(pointer)) pointers.set(pointer, p.at.path.keys());
      }
      if (wanted.length === 0) continue;
      const lines = doc.format === 'json' ? jsonLines(doc.text, pointers) : yamlLines(doc.text, pointers, doc.yaml);
      for (const { change, pointer } of wanted) {
        const line = lines.get(pointer);
        if (line !== undefined) change.location = { side, line } satisfies ChangeLocation;
      }
    }
  }
}

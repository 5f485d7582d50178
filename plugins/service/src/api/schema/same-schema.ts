import type { DocumentSet } from '../document/document-set.js';
import { NodePath } from '../document/node-path.js';
import type { SpecDocument } from '../document/spec-document.js';

/** Keywords that document a schema without changing what it allows. */
const ANNOTATIONS = new Set(['description', 'title', 'summary', 'example', 'examples', 'externalDocs', '$comment', 'xml']);

/** Extensions never count, except the two that change what values mean. */
const MEANINGFUL_EXTENSIONS = new Set(['x-nullable', 'x-extensible-enum']);
const ignored = (key: string) => ANNOTATIONS.has(key) || (key.startsWith('x-') && !MEANINGFUL_EXTENSIONS.has(key));

/**
 * Whether two schemas allow the same values as written, following `$ref`s with the same name on
 * both sides (pairs memoized; a pair met again inside itself is assumed equal, which is what
 * equality of recursive schemas means). A plain walk without allocations: most schemas of two
 * versions of a large API are unchanged, and this lets the comparison skip them cheaply.
 */
export class SameSchema {
  private readonly memo = new Map<string, boolean>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  constructor(
    private readonly before: DocumentSet,
    private readonly after: DocumentSet,
  ) {}

  private id(node: object): number {
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = this.nextId++));
    return id;
  }

  same(x: unknown, xd: SpecDocument, y: unknown, yd: SpecDocument): boolean {
    if (x === y) return true;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!this.same(x[i], xd, y[i], yd)) return false;
      return true;
    }
    if (Array.isArray(y)) return false;
    const a = x as Record<string, unknown>;
    const b = y as Record<string, unknown>;
    if (typeof a['$ref'] === 'string' || typeof b['$ref'] === 'string') return a['$ref'] === b['$ref'] && this.sameTargets(a, xd, b, yd);
    let count = 0;
    for (const key in a) {
      if (ignored(key)) continue;
      count++;
      if (!(key in b) || !this.same(a[key], xd, b[key], yd)) return false;
    }
    for (const key in b) if (!ignored(key)) count--;
    return count === 0;
  }

  private sameTargets(a: object, xd: SpecDocument, b: object, yd: SpecDocument): boolean {
    let tx, ty;
    try {
      tx = this.before.deref({ doc: xd, node: a, path: NodePath.root });
      ty = this.after.deref({ doc: yd, node: b, path: NodePath.root });
    } catch {
      return false; // a broken reference: the full comparison reports it with its place
    }
    if (typeof tx.node !== 'object' || typeof ty.node !== 'object' || tx.node === null || ty.node === null) return this.same(tx.node, tx.doc, ty.node, ty.doc);
    const key = `${this.id(tx.node)}|${this.id(ty.node)}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.memo.set(key, true);
    const result = this.same(tx.node, tx.doc, ty.node, ty.doc);
    this.memo.set(key, result);
    return result;
  }
}

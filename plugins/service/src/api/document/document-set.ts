import { InputDataError } from '@migration-architect/core';
import { NodePath, pointerKeys } from './node-path.js';
import { refTarget } from './ref-target.js';
import { isRecord, type SpecDocument } from './spec-document.js';

/** A node of a document together with the document and the path that lead to it. */
export interface Located<T = unknown> {
  doc: SpecDocument;
  node: T;
  path: NodePath;
}

const MAX_REF_CHAIN = 64;

/**
 * The root document and every file its `$ref`s reach, loaded up front; `$ref`s are followed
 * lazily and only where the comparison goes, never expanded in place, so a GitHub-size
 * description stays one copy in memory.
 */
export class DocumentSet {
  private readonly targets = new WeakMap<object, Located>();

  constructor(
    readonly root: SpecDocument,
    private readonly documents: Map<string, SpecDocument> = new Map(),
  ) {
    this.documents.set(root.uri, root);
  }

  get files(): SpecDocument[] {
    return [...this.documents.values()];
  }

  at<T>(keys: readonly (string | number)[], doc: SpecDocument = this.root): Located<T> | undefined {
    let node: unknown = doc.root;
    for (const key of keys) {
      if (Array.isArray(node)) node = node[Number(key)];
      else if (isRecord(node)) node = node[String(key)];
      else return undefined;
      if (node === undefined) return undefined;
    }
    return { doc, node: node as T, path: NodePath.of(keys) };
  }

  child<T>(parent: Located, key: string | number): Located<T> | undefined {
    const node = Array.isArray(parent.node) ? parent.node[Number(key)] : isRecord(parent.node) ? parent.node[String(key)] : undefined;
    if (node === undefined) return undefined;
    return { doc: parent.doc, node: node as T, path: parent.path.child(key) };
  }

  /** Follows `$ref` (and chains of them) to the node it names; other nodes are returned as they are. */
  deref<T>(located: Located<T>): Located<T> {
    let current: Located = located;
    for (let hops = 0; hops < MAX_REF_CHAIN; hops++) {
      const node = current.node;
      if (!isRecord(node) || typeof node['$ref'] !== 'string') return current as Located<T>;
      const cached = this.targets.get(node);
      if (cached) {
        current = cached;
        continue;
      }
      const target = this.resolveRef(node['$ref'], current);
      this.targets.set(node, target);
      current = target;
    }
    throw new InputDataError(`$ref chain longer than ${MAX_REF_CHAIN} hops (a loop of references to references)`, {
      file: located.doc.name,
      path: located.path.pointer(),
    });
  }

  /** The same `$ref` string in the same file always names the same node: resolved once. */
  private readonly resolved = new Map<string, Located>();

  private resolveRef(ref: string, from: Located): Located {
    const cacheKey = `${from.doc.uri}#${ref}`;
    const cached = this.resolved.get(cacheKey);
    if (cached) return cached;
    const target = refTarget(ref, from.doc.uri);
    const doc = this.documents.get(target.uri);
    const where = () => ({ file: from.doc.name, path: `${from.path.pointer()}/$ref` });
    if (!doc) throw new InputDataError(`$ref "${ref}" points to a file that was not loaded`, where());
    const found = this.at(pointerKeys(target.pointer), doc);
    if (!found) throw new InputDataError(`$ref "${ref}" points to nothing: ${target.pointer || '/'} does not exist in ${doc.name}`, where());
    this.resolved.set(cacheKey, found);
    return found;
  }
}

/** `common.yaml#/components/schemas/Pet`, or `/paths/~1pets` in the root document: how findings name a node. */
export function describeLocation(located: { doc: SpecDocument; path: NodePath }, root: SpecDocument): string {
  const pointer = located.path.pointer() || '/';
  return located.doc === root ? pointer : `${located.doc.name}#${pointer}`;
}

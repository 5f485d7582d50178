/**
 * Where a node sits in its document, as a linked list of keys: building a JSON pointer string
 * for each of the millions of nodes a large spec has would cost more than the comparison, so
 * pointers are spelled out only for the nodes a finding names.
 */
export class NodePath {
  private constructor(
    readonly parent: NodePath | undefined,
    readonly key: string,
  ) {}

  static readonly root = new NodePath(undefined, '');

  static of(keys: readonly (string | number)[]): NodePath {
    return keys.reduce<NodePath>((path, key) => path.child(key), NodePath.root);
  }

  child(key: string | number): NodePath {
    return new NodePath(this, String(key));
  }

  keys(): string[] {
    const keys: string[] = [];
    for (let at: NodePath | undefined = this; at && at.parent; at = at.parent) keys.push(at.key);
    return keys.reverse();
  }

  /** RFC 6901: `/paths/~1pets~1{id}/get`. */
  pointer(): string {
    return this.keys()
      .map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
      .join('');
  }
}

/** The keys of a JSON pointer (`#/components/schemas/Pet` or `/paths/~1pets`). */
export function pointerKeys(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return body === '/' ? [''] : [];
  return body
    .slice(1)
    .split('/')
    .map((key) => decodeURIComponent(key.replace(/~1/g, '/').replace(/~0/g, '~')));
}

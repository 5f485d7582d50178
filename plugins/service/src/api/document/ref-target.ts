import { isAbsolute, resolve as resolvePath, dirname } from 'node:path';

/** Where a `$ref` string points: a document (absolute path or URL) and a pointer inside it. */
export interface RefTarget {
  /** Absolute file path or http(s) URL; the referring document's own uri for local refs. */
  uri: string;
  pointer: string;
  remote: boolean;
}

const REMOTE = /^https?:\/\//i;

/** Resolves `common.yaml#/Pet`, `../shared/errors.json`, `#/components/schemas/Pet` against the referring document. */
export function refTarget(ref: string, fromUri: string): RefTarget {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  if (file === '') return { uri: fromUri, pointer, remote: REMOTE.test(fromUri) };
  if (REMOTE.test(file)) return { uri: file, pointer, remote: true };
  if (REMOTE.test(fromUri)) return { uri: new URL(file, fromUri).href, pointer, remote: true };
  const decoded = decodeURIComponent(file.replace(/^file:\/\//, ''));
  return { uri: isAbsolute(decoded) ? decoded : resolvePath(dirname(fromUri), decoded), pointer, remote: false };
}

import { InputDataError } from '@migration-architect/core';
import { relative, dirname } from 'node:path';
import { NodePath } from './node-path.js';
import { refTarget } from './ref-target.js';
import { isRecord, type SpecDocument } from './spec-document.js';

/** A `$ref` to another file, and where it is written. */
interface ExternalRef {
  ref: string;
  from: SpecDocument;
  path: NodePath;
}

/** Cheap test on the text before walking a large document: does any `$ref` name something other than `#...`? */
const EXTERNAL_REF_TEXT = /\$ref["']?\s*:\s*["']?[^#\s"']/;

function* externalRefs(doc: SpecDocument): Generator<ExternalRef> {
  if (doc.text !== undefined && !EXTERNAL_REF_TEXT.test(doc.text)) return;
  const stack: { node: unknown; path: NodePath }[] = [{ node: doc.root, path: NodePath.root }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push({ node: item, path: path.child(i) }));
    } else if (isRecord(node)) {
      const ref = node['$ref'];
      if (typeof ref === 'string' && !ref.startsWith('#')) yield { ref, from: doc, path };
      for (const [key, value] of Object.entries(node)) if (typeof value === 'object' && value !== null) stack.push({ node: value, path: path.child(key) });
    }
  }
}

export interface ExternalFileOptions {
  /** Fetch `$ref`s to http(s) URLs (the `remoteRefs` option); off by default so a document cannot make the checker call out. */
  remoteRefs: boolean;
}

/**
 * Loads every file the root document's `$ref`s reach, transitively, through Redocly's resolver
 * (reading, YAML/JSON parsing, URL handling). Remote URLs are refused unless allowed.
 */
export async function loadExternalFiles(root: SpecDocument, options: ExternalFileOptions): Promise<Map<string, SpecDocument>> {
  const loaded = new Map<string, SpecDocument>([[root.uri, root]]);
  const pending = [...externalRefs(root)];
  if (pending.length === 0) return loaded;
  // Loaded on demand: most descriptions are one file, and the library is large.
  const { BaseResolver } = await import('@redocly/openapi-core');
  const resolver = new BaseResolver();
  while (pending.length) {
    const { ref, from, path } = pending.pop()!;
    const where = { file: from.name, path: `${path.pointer()}/$ref` };
    const target = refTarget(ref, from.uri);
    if (loaded.has(target.uri)) continue;
    if (target.remote && !options.remoteRefs) {
      throw new InputDataError(`$ref "${ref}" names a remote URL; remote references are read only with the service plugin option remoteRefs: true`, where);
    }
    let parsed: unknown;
    try {
      const document = (await resolver.resolveDocument(null, target.uri)) as { parsed?: unknown } | Error;
      if (document instanceof Error) throw document;
      parsed = document.parsed;
    } catch (error) {
      const original = (error as { originalError?: Error }).originalError ?? (error as Error);
      const reason = (original as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : original.message.split('\n')[0];
      // The input itself was read; what it references is wrong: invalid input data (65), like a dangling local $ref.
      throw new InputDataError(`cannot read $ref "${ref}": ${reason}`, where);
    }
    const name = target.remote ? target.uri : relative(dirname(root.uri), target.uri) || target.uri;
    const doc: SpecDocument = { uri: target.uri, name, root: parsed, text: undefined, format: /\.json$/i.test(target.uri) ? 'json' : 'yaml' };
    loaded.set(target.uri, doc);
    pending.push(...externalRefs(doc));
  }
  return loaded;
}

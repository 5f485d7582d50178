import { UsageError, type PluginRegistry } from '@migration-architect/core';
import { displayName } from './display-name.js';
import { readDocument } from './read-input.js';

export interface SchemaInputRead {
  document: unknown;
  /** The checker whose source read it (SQL file, database URL); undefined for JSON/YAML documents. */
  kind: string | undefined;
}

/**
 * A schema input is read by the first checker source that claims it (a `.sql` file, a
 * `postgres://` URL, ...), otherwise parsed as a JSON/YAML document.
 */
export async function readSchemaInput(registry: PluginRegistry, requestedKind: string | undefined, input: string, cwd: string): Promise<SchemaInputRead> {
  for (const checker of registry.checkers()) {
    if (requestedKind !== undefined && checker.id !== requestedKind) continue;
    const source = checker.sources.find((s) => s.matches(input));
    if (source) return { document: await source.read(input, { cwd }), kind: checker.id };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(input)?.[1];
  if (scheme && scheme.length > 1) {
    throw new UsageError(`no loaded plugin reads "${scheme}:" inputs (${displayName(input)})`);
  }
  return { document: await readDocument(input, cwd), kind: undefined };
}

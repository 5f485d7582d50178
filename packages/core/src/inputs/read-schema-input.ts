import { InputDataError, MigrationArchitectError, UsageError } from '../errors/errors.js';
import type { Checker, SchemaInputHandle, SchemaRead, SchemaSource } from '../plugin/contract-types.js';
import { runPluginCodeAsync } from '../plugin/plugin-code.js';
import { qualifiedId } from '../plugin/qualified-id.js';
import type { Owned, PluginRegistry } from '../plugin/registry.js';

/** An input once a source has read it: the model, and who read it. */
export interface ResolvedSchemaInput<Model = unknown> {
  name: string;
  checker: Owned<Checker>;
  source: Owned<SchemaSource>;
  read: SchemaRead<Model>;
}

function isSchemaRead(value: unknown): value is SchemaRead {
  return typeof value === 'object' && value !== null && 'model' in value;
}

/** A schema type (`--type`) no loaded plugin checks; the CLI adds the package that provides it. */
export class UnknownCheckerError extends UsageError {
  constructor(
    readonly checkerId: string,
    loaded: string[],
  ) {
    super(`no loaded plugin checks schemas of type "${checkerId}" (${loaded.length ? `available: ${loaded.join(', ')}` : 'no plugins are loaded'})`);
  }
}

/** The checker a request names, or an error listing the loaded ones. */
export function requireChecker(registry: PluginRegistry, checkerId: string): Owned<Checker> {
  const checker = registry.checker(checkerId);
  if (checker) return checker;
  throw new UnknownCheckerError(
    checkerId,
    registry.checkers().map((c) => c.id),
  );
}

/**
 * Asks the sources in registry order (for one checker, or all) and returns the first answer
 * (Rollup's `hookFirst`). Errors name the input; a throw in a source names the plugin.
 */
export async function readSchemaInput(registry: PluginRegistry, handle: SchemaInputHandle, checkerId?: string): Promise<ResolvedSchemaInput> {
  if (checkerId !== undefined) requireChecker(registry, checkerId);
  const sources = registry.sources(checkerId);
  for (const source of sources) {
    const label = `source ${qualifiedId(source.namespace, source.id)}: read()`;
    let read: SchemaRead | undefined;
    try {
      read = await runPluginCodeAsync(source.plugin, label, () => source.read(handle));
    } catch (error) {
      if (error instanceof MigrationArchitectError) throw error.withFile(handle.name);
      throw error;
    }
    if (read === undefined) continue;
    if (!isSchemaRead(read)) {
      throw new InputDataError(`plugin "${source.plugin}": ${label} returned ${typeof read}, expected { model, dialect }`, { file: handle.name });
    }
    return { name: handle.name, checker: registry.checker(source.checker)!, source, read: { ...read, dialect: read.dialect ?? null } };
  }
  const types = registry.checkers().map((c) => c.id);
  if (types.length === 0) throw new UsageError('no plugin that checks schemas is loaded', { file: handle.name });
  if (handle.scheme) {
    throw new UsageError(`no loaded plugin reads "${handle.scheme}:" inputs${checkerId ? ` as ${checkerId} schemas` : ''}`, { file: handle.name });
  }
  const tried = sources.map((s) => s.title).join(', ');
  throw new InputDataError(
    checkerId
      ? `not a ${checkerId} schema any loaded source reads (tried: ${tried || 'none'})`
      : `cannot tell which kind of schema this is; name the type (one of ${types.join(', ')})`,
    { file: handle.name },
  );
}

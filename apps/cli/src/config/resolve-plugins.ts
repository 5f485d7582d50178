import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputDataError, type Config } from '@migration-architect/core';
import { callPluginFactory, importPluginFactory } from '../plugins/import-plugin-factory.js';

type PluginReference = NonNullable<Config['plugins']>[number];

/**
 * Turns the config's `plugins` into plugin objects: imported values pass through (TS/JS configs),
 * names and `[name, options]` pairs (JSON/YAML configs) are resolved from the config's folder.
 */
export async function resolveConfiguredPlugins(references: PluginReference[], configFile: string): Promise<unknown[]> {
  // Only configs that name plugin packages need a resolver: not loaded on every start.
  const { resolveModuleURL } = await import('exsolve');
  const from = pathToFileURL(`${dirname(resolve(configFile))}/`);
  const plugins: unknown[] = [];
  for (const [i, reference] of references.entries()) {
    if (typeof reference === 'object' && !Array.isArray(reference)) {
      plugins.push(reference);
      continue;
    }
    const [specifier, options] = typeof reference === 'string' ? [reference, undefined] : reference;
    const where = { file: configFile, path: `plugins[${i}]` };
    const url = resolveModuleURL(specifier, { from, try: true });
    if (!url) throw new InputDataError(`cannot find plugin package "${specifier}" from ${dirname(configFile) || '.'}; install it there`, where);
    const factory = await importPluginFactory(specifier, url, where);
    plugins.push(callPluginFactory(specifier, factory, options, typeof reference === 'string' ? where : { file: configFile, path: `plugins[${i}][1]` }));
  }
  return plugins;
}

import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputDataError, PluginError, type Config } from '@migration-architect/core';
import { resolveModuleURL } from 'exsolve';

type PluginReference = NonNullable<Config['plugins']>[number];

async function importFactory(specifier: string, configFile: string, path: string): Promise<(options?: unknown) => unknown> {
  const from = pathToFileURL(`${dirname(resolve(configFile))}/`);
  const url = resolveModuleURL(specifier, { from, try: true });
  if (!url) {
    throw new InputDataError(`cannot find plugin package "${specifier}" from ${dirname(configFile) || '.'}; install it there`, { file: configFile, path });
  }
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw new PluginError(`plugin "${specifier}" failed to load: ${(error as Error).message.split('\n')[0]}`, { file: configFile, path });
  }
  if (typeof module.default !== 'function') {
    throw new PluginError(`plugin "${specifier}" does not default-export a plugin factory "(options) => plugin"`, { file: configFile, path });
  }
  return module.default as (options?: unknown) => unknown;
}

/**
 * Turns the config's `plugins` into plugin objects: imported values pass through (TS/JS configs),
 * names and `[name, options]` pairs (JSON/YAML configs) are resolved from the config's folder.
 */
export async function resolveConfiguredPlugins(references: PluginReference[], configFile: string): Promise<unknown[]> {
  const plugins: unknown[] = [];
  for (const [i, reference] of references.entries()) {
    if (typeof reference === 'object' && !Array.isArray(reference)) {
      plugins.push(reference);
      continue;
    }
    const [specifier, options] = typeof reference === 'string' ? [reference, undefined] : reference;
    const path = typeof reference === 'string' ? `plugins[${i}]` : `plugins[${i}][1]`;
    const factory = await importFactory(specifier, configFile, `plugins[${i}]`);
    try {
      plugins.push(factory(options));
    } catch (error) {
      throw new PluginError(`plugin "${specifier}" rejected its options: ${(error as Error).message.split('\n')[0]}`, { file: configFile, path });
    }
  }
  return plugins;
}

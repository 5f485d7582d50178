import { PluginError } from '@migration-architect/core';
import { BUILTIN_PLUGINS } from './builtin-plugins.js';

export interface LoadedPlugins {
  plugins: unknown[];
  loaded: string[];
  missing: string[];
}

function isMissingPackage(error: unknown, packageName: string): boolean {
  const e = error as NodeJS.ErrnoException;
  return e?.code === 'ERR_MODULE_NOT_FOUND' && typeof e.message === 'string' && e.message.includes(`'${packageName}'`);
}

/** Imports whichever built-in plugins are installed next to the CLI; the others are simply absent. */
export async function loadBuiltinPlugins(): Promise<LoadedPlugins> {
  const result: LoadedPlugins = { plugins: [], loaded: [], missing: [] };
  for (const { packageName } of BUILTIN_PLUGINS) {
    let module: { default?: unknown };
    try {
      module = (await import(packageName)) as { default?: unknown };
    } catch (error) {
      if (isMissingPackage(error, packageName)) {
        result.missing.push(packageName);
        continue;
      }
      throw new PluginError(`plugin "${packageName}" failed to load: ${(error as Error).message.split('\n')[0]}`);
    }
    const factory = module.default;
    if (typeof factory !== 'function') {
      throw new PluginError(`plugin "${packageName}" does not default-export a plugin factory`);
    }
    result.plugins.push(factory());
    result.loaded.push(packageName);
  }
  return result;
}

import { BUILTIN_PLUGINS } from './builtin-plugins.js';
import { callPluginFactory, importPluginFactory, isMissingPackage } from './import-plugin-factory.js';

export interface LoadedPlugins {
  plugins: unknown[];
  loaded: string[];
  missing: string[];
}

/**
 * Imports whichever built-in plugins are installed next to the CLI (in parallel); the others are
 * simply absent. `only` limits it to those packages (what the command needs).
 */
export async function loadBuiltinPlugins(only?: string[]): Promise<LoadedPlugins> {
  const result: LoadedPlugins = { plugins: [], loaded: [], missing: [] };
  const wanted = only ? BUILTIN_PLUGINS.filter((p) => only.includes(p.packageName)) : BUILTIN_PLUGINS;
  const factories = await Promise.all(
    wanted.map(({ packageName, load }) =>
      importPluginFactory(packageName, load).catch((error: unknown) => {
        if (isMissingPackage(error, packageName)) return undefined;
        throw error;
      }),
    ),
  );
  wanted.forEach(({ packageName }, i) => {
    const factory = factories[i];
    if (!factory) {
      result.missing.push(packageName);
      return;
    }
    result.plugins.push(callPluginFactory(packageName, factory, undefined));
    result.loaded.push(packageName);
  });
  return result;
}

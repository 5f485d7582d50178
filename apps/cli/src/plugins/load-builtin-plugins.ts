import { BUILTIN_PLUGINS } from './builtin-plugins.js';
import { callPluginFactory, importPluginFactory, isMissingPackage } from './import-plugin-factory.js';

export interface LoadedPlugins {
  plugins: unknown[];
  loaded: string[];
  missing: string[];
}

/** Imports whichever built-in plugins are installed next to the CLI (in parallel); the others are simply absent. */
export async function loadBuiltinPlugins(): Promise<LoadedPlugins> {
  const result: LoadedPlugins = { plugins: [], loaded: [], missing: [] };
  const factories = await Promise.all(
    BUILTIN_PLUGINS.map(({ packageName }) =>
      importPluginFactory(packageName, packageName).catch((error: unknown) => {
        if (isMissingPackage(error, packageName)) return undefined;
        throw error;
      }),
    ),
  );
  BUILTIN_PLUGINS.forEach(({ packageName }, i) => {
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

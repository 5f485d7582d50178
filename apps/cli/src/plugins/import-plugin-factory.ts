import { PluginError, type ErrorLocation } from '@migration-architect/core';

export type PluginFactoryFunction = (options?: unknown) => unknown;

/** True when `error` says the package itself is not installed (not one of its own imports). */
export function isMissingPackage(error: unknown, packageName: string): boolean {
  const e = error as NodeJS.ErrnoException;
  return e?.code === 'ERR_MODULE_NOT_FOUND' && typeof e.message === 'string' && e.message.includes(`'${packageName}'`);
}

/**
 * Imports a plugin package and returns its default export, which must be a factory
 * `(options) => plugin`. Failures name the plugin and, from a config, where it was listed.
 */
export async function importPluginFactory(
  specifier: string,
  url: string | (() => Promise<unknown>),
  where: ErrorLocation = {},
): Promise<PluginFactoryFunction> {
  let module: { default?: unknown };
  try {
    module = (await (typeof url === 'string' ? import(url) : url())) as { default?: unknown };
  } catch (error) {
    if (isMissingPackage(error, specifier)) throw error;
    throw new PluginError(`plugin "${specifier}" failed to load: ${(error as Error).message.split('\n')[0]}`, where);
  }
  if (typeof module.default !== 'function') {
    throw new PluginError(`plugin "${specifier}" does not default-export a plugin factory "(options) => plugin"`, where);
  }
  return module.default as PluginFactoryFunction;
}

/** Calls a factory; options it refuses are the config's fault (65), named at `where`. */
export function callPluginFactory(specifier: string, factory: PluginFactoryFunction, options: unknown, where: ErrorLocation = {}): unknown {
  try {
    return factory(options);
  } catch (error) {
    if (error instanceof PluginError) throw new PluginError(error.message, { ...where, ...error.location });
    throw new PluginError(`plugin "${specifier}" rejected its options: ${(error as Error).message.split('\n')[0]}`, where);
  }
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigSchema, InputDataError, InputMissingError, validateDocument, type Config } from '@migration-architect/core';

export interface LoadedConfig {
  /** The config file used, or undefined when there is none. */
  file: string | undefined;
  config: Config;
}

const CONFIG_NAME = 'migration-architect';
export const CONFIG_EXTENSIONS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json', 'jsonc', 'json5', 'yaml', 'yml', 'toml'];

/** c12 (and jiti behind it) costs ~140 ms to import: only pay it when there is a config to load. */
function hasConfigCandidate(cwd: string): boolean {
  return CONFIG_EXTENSIONS.some((ext) => existsSync(resolve(cwd, `${CONFIG_NAME}.config.${ext}`)));
}

/**
 * Finds `migration-architect.config.{ts,mts,js,mjs,json,yaml,...}` in `cwd` (or loads `--config`)
 * with c12. Only that one file: no rc files, package.json keys, .env or remote layers, so what
 * applies is what the user sees.
 */
export async function loadProjectConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  const configFile = explicit ? resolve(cwd, explicit) : undefined;
  if (configFile && !existsSync(configFile)) {
    throw new InputMissingError('cannot read config: no such file', { file: explicit });
  }
  if (!configFile && !hasConfigCandidate(cwd)) return { file: undefined, config: {} };
  const { loadConfig } = await import('c12');
  let loaded;
  try {
    loaded = await loadConfig({
      name: CONFIG_NAME,
      cwd,
      ...(configFile ? { configFile } : {}),
      rcFile: false,
      globalRc: false,
      packageJson: false,
      dotenv: false,
      giget: false,
      extend: false,
      envName: false,
      omit$Keys: true,
      // No transpile cache in the user's temp folder: a config is loaded once per run.
      jitiOptions: { fsCache: false },
    });
  } catch (error) {
    throw new InputDataError(`cannot load config: ${(error as Error).message.split('\n')[0]}`, { file: explicit ?? `${CONFIG_NAME}.config` });
  }
  const file = loaded.configFile && existsSync(loaded.configFile) ? loaded.configFile : undefined;
  if (!file) return { file: undefined, config: {} };
  const shown = explicit ?? file;
  const raw = loaded.config ?? {};
  return { file: shown, config: validateDocument(ConfigSchema, raw, shown, 'a Migration Architect config') };
}

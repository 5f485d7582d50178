import { createRegistry, InputDataError, MigrationArchitectError, qualifiedId, type Config, type PluginRegistry } from '@migration-architect/core';
import { BUILTIN_PLUGINS } from '../plugins/builtin-plugins.js';
import { loadBuiltinPlugins } from '../plugins/load-builtin-plugins.js';
import { loadProjectConfig } from './load-config.js';
import { resolveConfiguredPlugins } from './resolve-plugins.js';

/** The config in force and the registry built from it: what every command works with. */
export interface PluginContext {
  registry: PluginRegistry;
  config: Config;
  configFile: string | undefined;
  /** `config` when the config lists plugins, `builtin` when the installed built-ins were loaded. */
  source: 'config' | 'builtin';
  /** Built-in packages that are not installed (only meaningful for `builtin`). */
  missingBuiltins: string[];
}

/** The built-in packages that can answer `need`; all of them when none can (the error then lists everything). */
function builtinsFor(need: PluginNeed): string[] | undefined {
  const fit = BUILTIN_PLUGINS.filter((p) => ('migrationType' in need ? p.migrationTypes.includes(need.migrationType) : p.checkers.includes(need.checker)));
  return fit.length ? fit.map((p) => p.packageName) : undefined;
}

/**
 * Rule overrides must name a rule of a loaded plugin. When only some built-ins were imported,
 * overrides in the namespace of one left out are not judged: that plugin is not in use this run.
 */
function checkRuleOverrides(registry: PluginRegistry, config: Config, configFile: string, skipped: string[] = []): void {
  // Without overrides there is nothing to judge, and the checkers need not be validated (a `plan` never uses them).
  if (Object.keys(config.rules ?? {}).length === 0) return;
  const known = new Set(registry.checkers().flatMap((c) => c.rules.map((r) => qualifiedId(c.namespace, r.id))));
  const notLoaded = new Set(BUILTIN_PLUGINS.filter((p) => skipped.includes(p.packageName)).map((p) => p.namespace));
  for (const id of Object.keys(config.rules ?? {})) {
    if (notLoaded.has(id.split('/')[0]!)) continue;
    if (!known.has(id)) {
      throw new InputDataError(`no loaded plugin has a rule "${id}" (rule ids look like "database/column-removed"; see \`migration-architect plugins show\`)`, {
        file: configFile,
        path: `rules[${JSON.stringify(id)}]`,
      });
    }
  }
}

/**
 * What a command will ask the registry for: one migration type (`plan`, `rollback`) or one checker
 * (`check --type`, `rules --type`). Without a config listing plugins, only the built-ins that can
 * answer are imported and validated (a `plan` of a database spec never pays for the service
 * plugin); a config's plugins are always all loaded, since any of them may extend any type or checker.
 */
export type PluginNeed = { migrationType: string } | { checker: string };

export async function loadPluginContext(cwd: string, explicitConfig: string | undefined, need?: PluginNeed): Promise<PluginContext> {
  const { file, config } = await loadProjectConfig(cwd, explicitConfig);
  if (file && config.plugins) {
    const plugins = await resolveConfiguredPlugins(config.plugins, file);
    let registry: PluginRegistry;
    try {
      // Each part of a plugin is validated when the command first uses it; its errors name the config.
      registry = createRegistry(plugins, { validate: 'on-use', file });
    } catch (error) {
      if (error instanceof MigrationArchitectError) throw error.withFile(file);
      throw error;
    }
    checkRuleOverrides(registry, config, file);
    return { registry, config, configFile: file, source: 'config', missingBuiltins: [] };
  }
  const only = need ? builtinsFor(need) : undefined;
  let builtins = await loadBuiltinPlugins(only);
  // The built-in for the type is not installed: load the others, so the error lists what is loaded.
  if (only && builtins.loaded.length === 0) builtins = await loadBuiltinPlugins();
  const registry = createRegistry(builtins.plugins, { validate: 'on-use' });
  const skipped = BUILTIN_PLUGINS.map((p) => p.packageName).filter((name) => !builtins.loaded.includes(name) && !builtins.missing.includes(name));
  if (file) checkRuleOverrides(registry, config, file, skipped);
  return { registry, config, configFile: file, source: 'builtin', missingBuiltins: builtins.missing };
}

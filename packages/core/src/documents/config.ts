import { z } from 'zod';
import { ChangeSeveritySchema } from './levels.js';
import type { MigrationArchitectPlugin } from '../plugin/contract.js';

/** A plugin as a config file names it: a package name, or `[name, options]`. Objects come from TS/JS configs. */
export const PluginReferenceSchema = z.union([
  z.string().min(1),
  z.tuple([z.string().min(1), z.unknown()]),
  z.looseObject({ meta: z.looseObject({ name: z.string() }) }),
]);

export const ConfigSchema = z
  .object({
    plugins: z
      .array(PluginReferenceSchema)
      .optional()
      .meta({ description: 'Plugins to load. Without this key, the built-in plugins that are installed are loaded.' }),
    rules: z
      .record(z.string(), z.union([ChangeSeveritySchema, z.literal('off')]))
      .optional()
      .meta({ description: 'Per-rule severity overrides, by rule id (namespace/rule), or "off" to disable a rule.' }),
  })
  .meta({ title: 'Migration Architect config' });

export type Config = z.infer<typeof ConfigSchema>;

/** A config as written in a TS/JS file: plugins are imported values, names, or `[name, options]`. */
export interface ConfigInput {
  plugins?: Array<MigrationArchitectPlugin | string | [string, unknown]>;
  rules?: Record<string, z.infer<typeof ChangeSeveritySchema> | 'off'>;
}

/** Identity helper for `migration-architect.config.ts`, for types and completion. */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

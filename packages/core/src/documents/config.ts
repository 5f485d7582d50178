import { z } from 'zod';
import { builtSchema, lazySchema } from '../zod/lazy-schema.js';
import { AcceptanceEntrySchema } from '../acceptance/acceptance-entry.js';
import { GateConfigSchema } from './gate-config.js';
import { ChangeSeveritySchema } from './levels.js';
import type { MigrationArchitectPlugin } from '../plugin/contract.js';

/** A plugin as a config file names it: a package name, or `[name, options]`. Objects come from TS/JS configs. */
export const PluginReferenceSchema = lazySchema(() =>
  z.union([z.string().min(1), z.tuple([z.string().min(1), z.unknown()]), z.looseObject({ meta: z.looseObject({ name: z.string() }) })]),
);

export const ConfigSchema = lazySchema(() =>
  z
    .object({
      plugins: z
        .array(builtSchema(PluginReferenceSchema))
        .optional()
        .meta({ description: 'Plugins to load. Without this key, the built-in plugins that are installed are loaded.' }),
      rules: z
        .record(z.string(), z.union([ChangeSeveritySchema, z.literal('off')]))
        .optional()
        .meta({ description: 'Per-rule severity overrides, by rule id (namespace/rule), or "off" to disable a rule.' }),
      accepted: z.array(builtSchema(AcceptanceEntrySchema)).optional().meta({
        description:
          'Accepted findings (rule, subject or location, reason, expires, accepted_by), applied by `check` and `gate` to the findings of every checker.',
      }),
      gate: GateConfigSchema.optional().meta({ description: 'What `gate` considers: globs of inputs, SQL schema files, the ledger file.' }),
    })
    .meta({ title: 'Migration Architect config' }),
);

export type Config = z.infer<typeof ConfigSchema>;

/** A config as written in a TS/JS file: plugins are imported values, names, or `[name, options]`. */
export interface ConfigInput {
  plugins?: Array<MigrationArchitectPlugin | string | [string, unknown]>;
  rules?: Record<string, z.infer<typeof ChangeSeveritySchema> | 'off'>;
  accepted?: z.input<typeof AcceptanceEntrySchema>[];
  gate?: z.input<typeof GateConfigSchema>;
}

/** Identity helper for `migration-architect.config.ts`, for types and completion. */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

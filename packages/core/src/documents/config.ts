import { z } from 'zod';
import { ChangeSeveritySchema } from './levels.js';

/** A plugin as a config file names it: a package name, or `[name, options]`. Objects come from TS/JS configs. */
export const PluginReferenceSchema = z.union([
  z.string().min(1),
  z.tuple([z.string().min(1), z.unknown()]),
  z.looseObject({ meta: z.looseObject({ name: z.string() }) }),
]);

export const ConfigSchema = z
  .object({
    plugins: z.array(PluginReferenceSchema).optional().meta({ description: 'Plugins to load. Without this key, the built-in plugins that are installed are loaded.' }),
    rules: z
      .record(z.string(), z.union([ChangeSeveritySchema, z.literal('off')]))
      .optional()
      .meta({ description: 'Per-rule severity overrides, by rule id (namespace/rule), or "off" to disable a rule.' }),
  })
  .meta({ title: 'Migration Architect config' });

export type Config = z.infer<typeof ConfigSchema>;

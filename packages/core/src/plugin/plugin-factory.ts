import type { z } from 'zod';
import { PluginError } from '../errors/errors.js';
import { formatPath } from '../errors/zod-issue-path.js';
import type { MigrationArchitectPlugin } from './contract-types.js';

export interface PluginFactoryDefinition<Schema extends z.ZodType> {
  /** The npm package name, for messages about bad options. */
  name: string;
  /** The options the plugin takes; use a strict object so a misspelt option fails loudly. */
  optionsSchema: Schema;
  /** Builds the plugin from validated options (defaults filled in). */
  create: (options: z.output<Schema>) => MigrationArchitectPlugin;
}

/** A plugin package's default export: call it with options (or none) to get the plugin. */
export interface PluginFactory<Schema extends z.ZodType = z.ZodType> {
  (options?: z.input<Schema>): MigrationArchitectPlugin;
  /** The options schema, for `schema config` and editors. */
  readonly optionsSchema: Schema;
  readonly pluginName: string;
}

/**
 * Makes a plugin factory that validates its options with zod (one line naming the option at
 * fault, exit 65) and attaches the schema and the values, so `plugins show` and `schema config`
 * can present them.
 */
export function definePluginFactory<Schema extends z.ZodType>(definition: PluginFactoryDefinition<Schema>): PluginFactory<Schema> {
  const factory = (options?: z.input<Schema>): MigrationArchitectPlugin => {
    const result = definition.optionsSchema.safeParse(options ?? {});
    if (!result.success) {
      const issue = result.error.issues[0]!;
      // An unknown key is reported on the object holding it; name the key itself.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = formatPath([...issue.path, ...(keys.length === 1 ? keys : [])]);
      const reason = issue.code === 'unrecognized_keys' ? `unknown option${keys.length > 1 ? `s ${keys.join(', ')}` : ''}` : issue.message;
      throw new PluginError(`plugin "${definition.name}": invalid option${path ? ` "${path}"` : 's'}: ${reason}`);
    }
    return { ...definition.create(result.data), options: { schema: definition.optionsSchema, values: result.data } };
  };
  return Object.assign(factory, { optionsSchema: definition.optionsSchema, pluginName: definition.name });
}

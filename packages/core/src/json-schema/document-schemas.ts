import { z } from 'zod';
import { CompatibilityReportSchema } from '../documents/compatibility-report.js';
import { ConfigSchema, PluginReferenceSchema } from '../documents/config.js';
import { MigrationPlanSchema } from '../documents/plan.js';
import { RollbackRunbookSchema } from '../documents/runbook.js';
import { MigrationSpecSchema } from '../documents/spec.js';
import type { PluginRegistry } from '../plugin/registry.js';

/** Documents with a published JSON Schema, and whether people write them (input) or tools do (output). */
export const DOCUMENT_SCHEMAS = {
  spec: { schema: MigrationSpecSchema, io: 'input' },
  plan: { schema: MigrationPlanSchema, io: 'output' },
  report: { schema: CompatibilityReportSchema, io: 'output' },
  runbook: { schema: RollbackRunbookSchema, io: 'output' },
  config: { schema: ConfigSchema, io: 'input' },
} as const;

export type DocumentName = keyof typeof DOCUMENT_SCHEMAS;
export const DOCUMENT_NAMES = Object.keys(DOCUMENT_SCHEMAS) as DocumentName[];

function described(schema: z.ZodType, note: string): z.ZodType {
  const own = z.globalRegistry.get(schema)?.description;
  return schema.optional().meta({ description: own ? `${own} (${note})` : note });
}

/** The spec with every field the loaded migration types declare, each marked with its type. */
function specWithPluginFields(registry: PluginRegistry): z.ZodType {
  const fields: Record<string, z.ZodType> = {};
  const constraints: Record<string, z.ZodType> = {};
  // Two types may declare a field of the same name (each its own `throughput`): either shape is accepted.
  const add = (into: Record<string, z.ZodType>, name: string, schema: z.ZodType, type: string) => {
    const own = described(schema, `type: ${type}`);
    into[name] = into[name] ? z.union([into[name]!, own]) : own;
  };
  for (const type of registry.migrationTypes()) {
    for (const [name, schema] of Object.entries(type.specFields)) add(fields, name, schema, type.id);
    for (const [name, schema] of Object.entries(type.constraintFields)) add(constraints, name, schema, type.id);
  }
  const base = MigrationSpecSchema.shape.constraints.unwrap();
  return MigrationSpecSchema.extend({ ...fields, constraints: base.extend(constraints).optional() });
}

/** The config, where `[name, options]` entries of loaded plugins are checked against their options schemas. */
function configWithPluginOptions(registry: PluginRegistry): z.ZodType {
  const withOptions = registry.plugins.filter((plugin) => plugin.options);
  if (withOptions.length === 0) return ConfigSchema;
  const entries = withOptions.map((plugin) =>
    z.tuple([z.literal(plugin.meta.name), plugin.options!.schema]).meta({ description: `${plugin.meta.name} with its options` }),
  );
  return ConfigSchema.extend({
    plugins: z
      .array(z.union([...entries, PluginReferenceSchema]))
      .optional()
      .meta({ description: 'Plugins to load, by package name or [name, options].' }),
  });
}

/**
 * JSON Schema (draft 2020-12) of a document, for editors and other tools. With a registry, the
 * spec lists the fields of the loaded migration types and the config the loaded plugins' options.
 */
export function documentJsonSchema(name: DocumentName, registry?: PluginRegistry): Record<string, unknown> {
  const { schema, io } = DOCUMENT_SCHEMAS[name];
  const extended = registry && name === 'spec' ? specWithPluginFields(registry) : registry && name === 'config' ? configWithPluginOptions(registry) : schema;
  return z.toJSONSchema(extended, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

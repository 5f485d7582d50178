import { z, builtSchema, lazySchema } from '@migration-architect/core';

/*
 * The spec fields the database migration type reads, beyond core's (core reads phases, flags,
 * monitoring, triggers and business continuity for every type). Entries are loose objects so
 * teams can keep notes in them; the fields the planner reads are checked.
 */

const positive = lazySchema(() => z.number().finite().positive());

export const SpecTableSchema = lazySchema(() =>
  z.looseObject({
    name: z.string().min(1).meta({ description: 'Table name, optionally schema-qualified (billing.invoices).' }),
    row_count: z.number().int().nonnegative().optional().meta({ description: 'Rows; sizes backfills and validation.' }),
    size_mb: z
      .number()
      .finite()
      .nonnegative()
      .optional()
      .meta({ description: 'Size in MB (pg_total_relation_size); sizes copies, rewrites and index builds.' }),
    critical: z.boolean().optional().meta({ description: 'Critical tables are validated with per-range checksums, not only counts.' }),
    primary_key: z.array(z.string().min(1)).min(1).optional().meta({ description: 'Key columns; batched backfills walk them (default: ctid).' }),
    changed_at_column: z.string().min(1).optional().meta({
      description:
        'A timestamp column every write sets (updated_at): when the cutover would overrun the downtime budget, only rows changed since the pre-cutover validation are compared while writes are stopped.',
    }),
  }),
);
export type SpecTable = z.infer<typeof SpecTableSchema>;

/** Change types the planner writes SQL for; others become manual steps, with a warning. */
export const TYPE_CHANGE_TYPES = ['modify_column', 'alter_column', 'change_type', 'change_column_type'] as const;
export const KNOWN_CHANGE_TYPES = [
  'add_column',
  'drop_column',
  'rename_column',
  ...TYPE_CHANGE_TYPES,
  'add_constraint',
  'drop_constraint',
  'add_index',
  'drop_index',
] as const;

const REQUIRED_BY_TYPE: Record<string, string[]> = {
  add_column: ['column', 'data_type'],
  drop_column: ['column'],
  rename_column: ['column', 'new_name'],
  ...Object.fromEntries(TYPE_CHANGE_TYPES.map((t) => [t, ['column', 'new_type']])),
  add_constraint: ['constraint_type'],
  drop_constraint: ['constraint_name'],
  add_index: ['columns'],
  drop_index: ['index_name'],
};

const REQUIRED_BY_CONSTRAINT: Record<string, string[]> = {
  check: ['definition'],
  unique: ['columns'],
  foreign_key: ['columns', 'references'],
};

export const SpecSchemaChangeSchema = lazySchema(() =>
  z
    .looseObject({
      type: z
        .string()
        .min(1)
        .meta({ description: `One of ${KNOWN_CHANGE_TYPES.join(', ')} (others become manual steps).` }),
      column: z.string().min(1).optional(),
      data_type: z.string().min(1).optional().meta({ description: "add_column: the new column's type." }),
      nullable: z.boolean().optional(),
      default: z.union([z.string(), z.number(), z.boolean()]).optional(),
      old_type: z.string().min(1).optional().meta({ description: 'Type changes: the current type (without it the change is planned as a rewrite).' }),
      new_type: z.string().min(1).optional(),
      new_name: z.string().min(1).optional().meta({ description: 'rename_column: the new name.' }),
      constraint_type: z.enum(['check', 'unique', 'foreign_key']).optional(),
      constraint_name: z.string().min(1).optional(),
      definition: z.string().min(1).optional().meta({ description: 'check: the boolean expression.' }),
      columns: z.array(z.string().min(1)).min(1).optional(),
      references: z
        .string()
        .regex(/^[^()\s]+\s*\([^()]+\)$/, 'expected "table(column, ...)"')
        .optional()
        .meta({ description: 'foreign_key: "table(column, ...)".' }),
      index_name: z.string().min(1).optional(),
      unique: z.boolean().optional(),
    })
    .superRefine((change, ctx) => {
      const required = [
        ...(REQUIRED_BY_TYPE[change.type] ?? []),
        ...(change.type === 'add_constraint' && change.constraint_type ? REQUIRED_BY_CONSTRAINT[change.constraint_type]! : []),
      ];
      for (const field of required) {
        if ((change as Record<string, unknown>)[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `${/^[aeiou]/.test(change.type) ? 'an' : 'a'} ${change.type}${change.type === 'add_constraint' ? ` (${change.constraint_type})` : ''} change needs "${field}"`,
          });
        }
      }
    }),
);
export type SpecSchemaChangeEntry = z.infer<typeof SpecSchemaChangeSchema>;

export const SpecTableChangesSchema = lazySchema(() =>
  z.looseObject({
    table: z.string().min(1),
    changes: z.array(builtSchema(SpecSchemaChangeSchema)).min(1),
  }),
);

/** Throughputs the estimates rest on; each overrides the plugin option of the same name and the default. */
export const ThroughputSchema = lazySchema(() =>
  z
    .strictObject({
      copy_mb_per_second: positive
        .optional()
        .meta({ description: "Bulk copy (pg_dump | pg_restore, or a subscription's initial copy), tables one after another. Default 40." }),
      index_build_mb_per_second: positive.optional().meta({ description: 'Table MB read per second while building its indexes after a copy. Default 25.' }),
      backfill_rows_per_second: positive.optional().meta({ description: 'Batched UPDATE of a backfill, pauses included. Default 5,000.' }),
      validation_rows_per_second: positive.optional().meta({ description: 'Count and checksum by key range, per side. Default 250,000.' }),
      rewrite_mb_per_second: positive.optional().meta({ description: 'ALTER TABLE rewrite of table and indexes. Default 50.' }),
      backup_mb_per_second: positive.optional().meta({ description: 'Base backup (pg_basebackup). Default 150.' }),
      restore_mb_per_second: positive.optional().meta({ description: 'pg_restore of a table from the pre-migration dump. Default 40.' }),
    })
    .meta({ description: 'Throughputs the duration estimates rest on (also settable as plugin options in the config).' }),
);
export type Throughput = z.infer<typeof ThroughputSchema>;

// Each built when a spec is validated (a `check` never builds them).
export const databaseSpecFields = {
  tables_to_migrate: lazySchema(() => z.array(builtSchema(SpecTableSchema)).meta({ description: 'Tables the migration moves or changes, with their sizes.' })),
  schema_changes: lazySchema(() =>
    z.array(builtSchema(SpecTableChangesSchema)).meta({ description: 'Schema changes per table, applied expand / migrate / contract.' }),
  ),
  performance_requirements: lazySchema(() =>
    z
      .looseObject({
        max_query_response_time_ms: z.number().finite().nonnegative().optional(),
        concurrent_connections: z.number().int().nonnegative().optional(),
        transactions_per_second: z.number().finite().nonnegative().optional(),
      })
      .meta({ description: 'What the target must sustain during and after the migration: becomes the benchmark gate of validation.' }),
  ),
  throughput: ThroughputSchema,
};

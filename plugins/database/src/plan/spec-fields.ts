import { z } from 'zod';

/*
 * The spec fields the database migration type reads, beyond core's. Loose objects: teams add
 * their own notes to these entries, and the unknown-field check covers only the top level and
 * `constraints`.
 */

const table = z.looseObject({
  name: z.string().min(1).meta({ description: 'Table name, optionally schema-qualified.' }),
  row_count: z.number().int().nonnegative().optional(),
  size_mb: z.number().nonnegative().optional(),
  critical: z.boolean().optional(),
});

const schemaChange = z.looseObject({
  type: z.string().min(1).meta({ description: 'add_column, modify_column, add_constraint, add_index, ...' }),
  column: z.string().optional(),
  data_type: z.string().optional(),
  old_type: z.string().optional(),
  new_type: z.string().optional(),
  nullable: z.boolean().optional(),
});

const clockTime = z.string().regex(/^\d{2}:\d{2}$/, 'expected a time of day as HH:MM');
const window = z.looseObject({ start: clockTime, end: clockTime, timezone: z.string().optional() });

export const databaseSpecFields = {
  tables_to_migrate: z.array(table).meta({ description: 'Tables the migration moves or changes, with their sizes.' }),
  schema_changes: z
    .array(z.looseObject({ table: z.string().min(1), changes: z.array(schemaChange) }))
    .meta({ description: 'Schema changes per table, applied expand / migrate / contract.' }),
  performance_requirements: z
    .looseObject({
      max_query_response_time_ms: z.number().nonnegative().optional(),
      concurrent_connections: z.number().int().nonnegative().optional(),
      transactions_per_second: z.number().nonnegative().optional(),
    })
    .meta({ description: 'What the target must sustain during and after the migration.' }),
  business_continuity: z
    .looseObject({ critical_business_hours: window.optional(), preferred_migration_window: window.optional() })
    .meta({ description: 'Hours to keep free of disruptive steps, and the window they should use.' }),
};

import { asRecord as record, specExtraList, type MigrationSpec } from '@migration-architect/core';

/**
 * Defensive readers for the database-specific parts of a spec. The planner validates them
 * (spec-fields.ts) before plugin code runs, but a risk's `when` is also called by library users
 * on unvalidated specs, and must never throw, whatever shape a user wrote.
 */

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export interface TableToMigrate {
  name: string;
  rowCount: number | null;
  sizeMb: number | null;
  critical: boolean;
  primaryKey: string[] | null;
  /** A timestamp column every write sets (`updated_at`), for comparing only the rows changed since a time. */
  changedAtColumn: string | null;
  /** `tables_to_migrate[2]` */
  path: string;
}

/** `tables_to_migrate: [{ name, row_count, size_mb, critical }]`, as the seed's sample spec writes it. */
export function tablesToMigrate(spec: MigrationSpec): TableToMigrate[] {
  return specExtraList(spec, 'tables_to_migrate').flatMap((entry, i) => {
    const table = record(entry);
    const name = table?.['name'];
    if (typeof name !== 'string') return [];
    const key = table?.['primary_key'];
    return [
      {
        name,
        rowCount: finite(table?.['row_count']) ?? null,
        sizeMb: finite(table?.['size_mb']) ?? null,
        critical: table?.['critical'] === true,
        primaryKey: Array.isArray(key) && key.every((k) => typeof k === 'string') ? (key as string[]) : null,
        changedAtColumn: typeof table?.['changed_at_column'] === 'string' ? (table['changed_at_column'] as string) : null,
        path: `tables_to_migrate[${i}]`,
      },
    ];
  });
}

export interface SpecSchemaChange {
  table: string | null;
  type: string;
  oldType: string | null;
  newType: string | null;
  column: string | null;
  /** The entry as written, for SQL generation. */
  entry: Record<string, unknown>;
  /** `schema_changes[1].changes[0]` */
  path: string;
}

/** `schema_changes: [{ table, changes: [{ type: "modify_column", old_type, new_type, ... }] }]`. */
export function schemaChanges(spec: MigrationSpec): SpecSchemaChange[] {
  return specExtraList(spec, 'schema_changes').flatMap((group, g) => {
    const entry = record(group);
    const table = typeof entry?.['table'] === 'string' ? entry['table'] : null;
    return list(entry?.['changes']).flatMap((item, c) => {
      const change = record(item);
      const type = change?.['type'];
      if (typeof type !== 'string') return [];
      const text = (key: string) => (typeof change?.[key] === 'string' ? (change[key] as string) : null);
      return [
        {
          table,
          type: type.toLowerCase(),
          oldType: text('old_type'),
          newType: text('new_type'),
          column: text('column'),
          entry: change!,
          path: `schema_changes[${g}].changes[${c}]`,
        },
      ];
    });
  });
}

/** 15 from "PostgreSQL 15 Cloud Database", "postgres:15.4", "PG 15". */
export function postgresMajorVersion(system: unknown): number | null {
  if (typeof system !== 'string') return null;
  const match = /\b(?:postgres(?:ql)?|pg)\s*[:v-]?\s*(\d{1,2})(?:\.\d+)?\b/i.exec(system);
  return match ? Number(match[1]) : null;
}

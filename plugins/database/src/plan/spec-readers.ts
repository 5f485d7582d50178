import { asRecord as record, specExtraList, type MigrationSpec } from '@migration-architect/core';

/**
 * Defensive readers for the database-specific parts of a spec that core does not validate (it
 * keeps unknown fields); core's `specConstraints` reads the constraints. A risk's `when` must
 * never throw, whatever shape a user wrote.
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
}

/** `tables_to_migrate: [{ name, row_count, size_mb, critical }]`, as the seed's sample spec writes it. */
export function tablesToMigrate(spec: MigrationSpec): TableToMigrate[] {
  return specExtraList(spec, 'tables_to_migrate').flatMap((entry) => {
    const table = record(entry);
    const name = table?.['name'];
    return typeof name === 'string' ? [{ name, rowCount: finite(table?.['row_count']) ?? null }] : [];
  });
}

export interface SpecSchemaChange {
  table: string | null;
  type: string;
  oldType: string | null;
  newType: string | null;
}

/** `schema_changes: [{ table, changes: [{ type: "modify_column", old_type, new_type, ... }] }]`. */
export function schemaChanges(spec: MigrationSpec): SpecSchemaChange[] {
  return specExtraList(spec, 'schema_changes').flatMap((group) => {
    const entry = record(group);
    const table = typeof entry?.['table'] === 'string' ? entry['table'] : null;
    return list(entry?.['changes']).flatMap((item) => {
      const c = record(item);
      const type = c?.['type'];
      if (typeof type !== 'string') return [];
      const text = (key: string) => (typeof c?.[key] === 'string' ? (c[key] as string) : null);
      return [{ table, type: type.toLowerCase(), oldType: text('old_type'), newType: text('new_type') }];
    });
  });
}

/** 15 from "PostgreSQL 15 Cloud Database", "postgres:15.4", "PG 15". */
export function postgresMajorVersion(system: unknown): number | null {
  if (typeof system !== 'string') return null;
  const match = /\b(?:postgres(?:ql)?|pg)\s*[:v-]?\s*(\d{1,2})(?:\.\d+)?\b/i.exec(system);
  return match ? Number(match[1]) : null;
}

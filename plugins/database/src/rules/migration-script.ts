import type { MigrationScript } from '@migration-architect/core';
import type { TablePair } from '../schema/changes.js';
import { LOCK_TIMEOUT } from '../sql/session-settings.js';

export interface ScriptParts {
  description: string;
  statements: readonly string[];
  rollback: readonly string[];
  validation: string;
  dependencies?: readonly string[];
  /** Prefix the script with a lock_timeout (every ALTER TABLE takes ACCESS EXCLUSIVE at least briefly). */
  lockTimeout?: boolean;
}

export function sqlScript(parts: ScriptParts): MigrationScript {
  const withTimeout = (lines: readonly string[]) => (parts.lockTimeout === false ? [...lines] : [LOCK_TIMEOUT, ...lines]);
  return {
    script_type: 'sql',
    description: parts.description,
    script_content: withTimeout(parts.statements).join('\n'),
    rollback_script: withTimeout(parts.rollback).join('\n'),
    dependencies: [...(parts.dependencies ?? [])],
    validation_query: parts.validation,
  };
}

/** How the script that adds a column is described; scripts that need the column depend on it by this name. */
/** The description of a new table's script, which scripts needing that table name as a dependency. */
export function createTableDescription(table: string): string {
  return `Create new table ${table}`;
}

export function addColumnDescription(table: string, column: string): string {
  return `Add column ${column} to table ${table}`;
}

/** Columns a new constraint or index uses that the same change set adds: their scripts must run first. */
export function newColumnDependencies(tables: TablePair, columns: readonly string[]): string[] {
  return columns
    .filter((c) => tables.after.columns.some((col) => col.name === c) && !tables.before.columns.some((col) => col.name === c))
    .map((c) => addColumnDescription(tables.after.key, c));
}

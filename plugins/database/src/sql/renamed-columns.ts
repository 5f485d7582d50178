import type { QualifiedName } from '../schema/model.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { columnExists } from './rollback-guards.js';

/** A column a declared rename renamed: on its table's after name, from its old name to its new one. */
export interface RenamedColumn {
  table: QualifiedName;
  from: string;
  to: string;
}

/**
 * An object restored by a rollback while declared column renames it reads are still applied (its
 * rollback runs before theirs, since its script ran after them): its old definition names the old
 * columns, and which column a name means is PostgreSQL's to resolve, not the text's (a view joins
 * two tables with a column of that name). So the columns get their old names for the moment the
 * object is created, and their new ones back after, which the object follows as it will follow the
 * renames' own rollbacks (DIFF_SEED=9117, 50001, 90212). PL/pgSQL lines, for a block; the plain
 * statements where no rename applies or the renames were rolled back already.
 */
export function underRenamedColumns(renamed: readonly RenamedColumn[], create: readonly string[]): string[] {
  if (renamed.length === 0) return [...create];
  const rename = (table: QualifiedName, from: string, to: string) =>
    `ALTER TABLE ${quoteQualifiedName(table.schema, table.name)} RENAME COLUMN ${quoteIdentifier(from)} TO ${quoteIdentifier(to)};`;
  return [
    `IF ${renamed.map(({ table, to }) => columnExists(table, to)).join(' AND ')} THEN`,
    "  -- The columns' renames are not rolled back yet: the old definition is read under the old names.",
    ...[...renamed.map(({ table, from, to }) => rename(table, to, from)), ...create, ...renamed.map(({ table, from, to }) => rename(table, from, to))].map(
      (line) => `  ${line}`,
    ),
    'ELSE',
    ...create.map((line) => `  ${line}`),
    'END IF;',
  ];
}

import type { Index, Table } from '../schema/model.js';
import { columnDefinition, onUpdateTrigger } from './column-definition.js';
import { columnList, deferrableClause, foreignKeyClause } from './constraint-ddl.js';
import { checkName, exclusionName, foreignKeyName, primaryKeyName, uniqueConstraintName } from './constraint-names.js';
import { exclusionClause } from './exclusion-ddl.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { createIndex } from './index-ddl.js';
import { quoteLiteral } from './literal.js';

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** A plain unique btree index on exactly these columns: the index a UNIQUE constraint creates anyway. */
function backingIndex(table: Table, columns: readonly string[]): Index | undefined {
  return table.indexes.find((i) => i.unique && !i.predicate && !i.method && sameColumns(i.columns, columns));
}

/**
 * CREATE TABLE, or for a partition `CREATE TABLE … PARTITION OF parent FOR VALUES …`: its columns
 * and inherited keys come from the parent, only its own constraints are written.
 */
function createTableStatement(table: Table, lines: string[]): string {
  const name = quoteQualifiedName(table.schema, table.name);
  const partitionBy = table.partitionBy ? ` PARTITION BY ${table.partitionBy}` : '';
  if (table.partitionOf) {
    const own = lines.filter((line) => line.startsWith('CONSTRAINT '));
    const body = own.length ? ` (\n  ${own.join(',\n  ')}\n)` : '';
    return `CREATE TABLE ${name} PARTITION OF ${quoteQualifiedName(table.partitionOf.schema, table.partitionOf.name)}${body} ${table.partitionOf.bound}${partitionBy};`;
  }
  return `CREATE TABLE ${name} (\n  ${lines.join(',\n  ')}\n)${partitionBy};`;
}

export interface TableScripts {
  create: string;
  drop: string;
}

/**
 * CREATE TABLE with every constraint, then its indexes and helper triggers, in one transaction.
 * The table is new and empty, so nothing needs CONCURRENTLY or NOT VALID. A unique index that only
 * duplicates a UNIQUE constraint is not built twice: the constraint takes the index's name.
 */
export function createTableScripts(table: Table): TableScripts {
  const name = quoteQualifiedName(table.schema, table.name);
  const absorbed = new Set<Index>();
  const lines = table.columns.map(columnDefinition);
  if (table.primaryKey)
    lines.push(
      [
        `CONSTRAINT ${quoteIdentifier(primaryKeyName(table))} PRIMARY KEY (${columnList(table.primaryKey.columns)})`,
        ...deferrableClause(table.primaryKey),
      ].join(' '),
    );
  for (const unique of table.uniques) {
    const index = unique.name || unique.nullsNotDistinct ? undefined : backingIndex(table, unique.columns);
    if (index) absorbed.add(index);
    lines.push(
      [
        `CONSTRAINT ${quoteIdentifier(index?.name ?? uniqueConstraintName(table, unique))} UNIQUE${unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${columnList(unique.columns)})`,
        ...deferrableClause(unique),
      ].join(' '),
    );
  }
  for (const check of table.checks) lines.push(`CONSTRAINT ${quoteIdentifier(checkName(table, check))} CHECK (${check.expression})`);
  for (const fk of table.foreignKeys) lines.push(`CONSTRAINT ${quoteIdentifier(foreignKeyName(table, fk))} ${foreignKeyClause(fk)}`);
  for (const exclusion of table.exclusions ?? []) lines.push(`CONSTRAINT ${quoteIdentifier(exclusionName(table, exclusion))} ${exclusionClause(exclusion)}`);

  const triggers = table.columns.flatMap((c) => onUpdateTrigger(table, c) ?? []);
  const statements = [
    'BEGIN;',
    createTableStatement(table, lines),
    ...table.indexes.filter((i) => !absorbed.has(i)).map((i) => createIndex(table, i, { concurrently: false })),
    ...table.columns.filter((c) => c.comment).map((c) => `COMMENT ON COLUMN ${name}.${quoteIdentifier(c.name)} IS ${quoteLiteral(c.comment!)};`),
    ...triggers.map((t) => t.create),
    'COMMIT;',
  ];
  return {
    create: statements.join('\n'),
    // DROP TABLE takes its triggers with it, not their functions.
    drop: [`DROP TABLE IF EXISTS ${name};`, ...triggers.map((t) => t.dropFunction)].join('\n'),
  };
}

import type { Column, Table } from '../schema/model.js';
import { columnQuery } from '../sql/catalog-queries.js';
import { onUpdateTrigger, renderDefault } from '../sql/column-definition.js';
import { alterTable } from '../sql/constraint-ddl.js';
import { quoteIdentifier } from '../sql/identifier.js';
import { defineDatabaseRule } from './database-rule.js';
import { identityChangeDescription } from './column-identity-rules.js';
import { sqlScript } from './migration-script.js';

/** SET / DROP DEFAULT plus the trigger standing in for MySQL's ON UPDATE; catalog-only either way. */
function defaultStatements(table: Table, from: Column, to: Column): string[] {
  const col = quoteIdentifier(to.name);
  const statements = [
    to.default
      ? `${alterTable(table)} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(to.default)};`
      : `${alterTable(table)} ALTER COLUMN ${col} DROP DEFAULT;`,
  ];
  if (from.onUpdate !== to.onUpdate) {
    const old = onUpdateTrigger(table, from);
    const next = onUpdateTrigger(table, to);
    if (old) statements.push(old.dropTrigger, old.dropFunction);
    if (next) statements.push(next.create);
  }
  return statements;
}

const shown = (c: Column) => (c.default ? renderDefault(c.default) : 'none');

/** How the default-changed rule describes its script; the identity rules order theirs by it. */
export const defaultChangeDescription = (table: string, column: string) => `Change default of column ${column} in table ${table}`;

/**
 * A serial column whose default moves elsewhere: its generation script drops the nextval default,
 * so this script's new default comes after it, and its rollback (dropping that default) before
 * the generation's, which puts the nextval back (DIFF_SEED=1:14).
 */
const afterSerial = (table: Table, before: Column, after: Column) =>
  before.identity === 'serial' && after.identity !== 'serial' ? [identityChangeDescription(table.key, after.name, after.identity)] : [];

export const requiredColumnDefaultRemoved = defineDatabaseRule({
  id: 'required-column-default-removed',
  code: 'DB120',
  issueType: 'default_removed',
  change: 'column.default_changed',
  severity: 'breaking',
  title: 'Default removed from a NOT NULL column',
  description: 'INSERTs that leave the column out relied on the default; without it they fail with a NOT NULL violation.',
  safeAlternative: 'Deploy code that always writes the column first, or keep the default.',
  when: ({ details: { before, after } }) => before.default !== null && after.default === null && !after.nullable && after.identity === null,
  classify: ({ details: { tables, before, after } }) => ({
    description: `Default ${shown(before)} removed from NOT NULL column '${after.name}' of table '${tables.after.key}'`,
    impact: 'INSERT statements that omit this column will fail',
    suggestedMigration: 'Make every writer set the column explicitly before dropping the default',
    affectedOperations: ['INSERT'],
    script: sqlScript({
      description: `Drop default of column ${after.name} in table ${tables.after.key}`,
      statements: defaultStatements(tables.after, before, after),
      rollback: defaultStatements(tables.after, after, before),
      validation: columnQuery(tables.after, after.name),
      dependencies: afterSerial(tables.after, before, after),
    }),
  }),
});

export const defaultChanged = defineDatabaseRule({
  id: 'default-changed',
  code: 'DB405',
  issueType: 'default_changed',
  change: 'column.default_changed',
  severity: 'non_breaking',
  title: 'Column default changed',
  description:
    'Only rows inserted without a value for the column are affected: they get the new default. Existing rows keep their values, and the ALTER only changes the catalog.',
  safeAlternative: 'Apply as is; tell the owners of code that relies on the old default.',
  classify: ({ details: { tables, before, after } }) => ({
    description: `Default of column '${after.name}' in table '${tables.after.key}' changed from ${shown(before)} to ${shown(after)}${before.onUpdate !== after.onUpdate ? ` (ON UPDATE ${before.onUpdate ?? 'none'} → ${after.onUpdate ?? 'none'})` : ''}`,
    impact: 'New rows that omit the column get a different value; existing rows are unchanged',
    suggestedMigration: 'Apply as is',
    affectedOperations: ['INSERT'],
    script: sqlScript({
      description: defaultChangeDescription(tables.after.key, after.name),
      statements: defaultStatements(tables.after, before, after),
      rollback: defaultStatements(tables.after, after, before),
      validation: columnQuery(tables.after, after.name),
      dependencies: afterSerial(tables.after, before, after),
    }),
  }),
});

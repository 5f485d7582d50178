import type { Index, Table } from '../schema/model.js';
import { defaultObjectName } from '../sql/constraint-names.js';
import { quoteIdentifier, quoteQualifiedName } from '../sql/identifier.js';
import { createIndex, dropIndex, indexReadColumns } from '../sql/index-ddl.js';
import { indexValidQuery } from '../sql/catalog-queries.js';
import { duplicatesQuery } from '../sql/integrity-queries.js';
import { defineDatabaseRule } from './database-rule.js';
import { newColumnDependencies, sqlScript } from './migration-script.js';

const describe = (index: Index) =>
  `${index.unique ? 'unique ' : ''}index ${index.name} (${index.columns.join(', ')})${index.method ? ` USING ${index.method}` : ''}${index.predicate ? ` WHERE ${index.predicate}` : ''}`;

/** Rebuild under a temporary name, drop the old one, take its name: the table keeps an index throughout. */
function replaceIndex(table: Table, from: Index, to: Index): string[] {
  const staged = defaultObjectName(to.name, [], 'new');
  return [
    createIndex(table, to, { concurrently: true, name: staged }),
    dropIndex(table, from.name, { concurrently: true }),
    `ALTER INDEX ${quoteQualifiedName(table.schema, staged)} RENAME TO ${quoteIdentifier(to.name)};`,
  ];
}

const CONCURRENT_NOTE = 'CONCURRENTLY cannot run inside a transaction block; if the build fails, drop the INVALID index it leaves before retrying.';

export const uniqueIndexAdded = defineDatabaseRule({
  id: 'unique-index-added',
  code: 'DB213',
  issueType: 'unique_index_added',
  change: 'index.added',
  severity: 'potentially_breaking',
  title: 'Unique index added',
  description:
    'The build fails on existing duplicates (leaving an INVALID index behind when built CONCURRENTLY), and afterwards INSERTs and UPDATEs that create a duplicate fail.',
  safeAlternative: 'Remove duplicates first and build it with CREATE UNIQUE INDEX CONCURRENTLY.',
  when: ({ details: { index } }) => index.unique,
  classify: ({ details: { tables, index } }) => ({
    description: `New ${describe(index)} on table '${tables.after.key}'`,
    impact: 'Fails on existing duplicates; rejects duplicate writes from now on',
    suggestedMigration: `Validate there are no duplicates, then build it concurrently. ${CONCURRENT_NOTE}`,
    affectedOperations: ['INSERT', 'UPDATE'],
    script: sqlScript({
      description: `Add index ${index.name} on table ${tables.after.key}`,
      statements: [createIndex(tables.after, index, { concurrently: true })],
      rollback: [dropIndex(tables.after, index.name, { concurrently: true })],
      validation: duplicatesQuery(tables.after, index.columns),
      dependencies: newColumnDependencies(tables, indexReadColumns(index)),
    }),
  }),
});

export const indexAdded = defineDatabaseRule({
  id: 'index-added',
  code: 'DB303',
  issueType: 'index_added',
  change: 'index.added',
  severity: 'additive',
  title: 'Index added',
  description:
    'Queries return the same results and the planner may pick the new index. Built without CONCURRENTLY, CREATE INDEX blocks writes to the table for the whole build.',
  safeAlternative: 'CREATE INDEX CONCURRENTLY, outside a transaction block, and check it is valid afterwards.',
  classify: ({ details: { tables, index } }) => ({
    description: `New ${describe(index)} on table '${tables.after.key}'`,
    impact: 'None for clients; the concurrent build adds I/O and takes about two table scans',
    suggestedMigration: `Build it concurrently. ${CONCURRENT_NOTE}`,
    affectedOperations: [],
    script: sqlScript({
      description: `Add index ${index.name} on table ${tables.after.key}`,
      statements: [createIndex(tables.after, index, { concurrently: true })],
      rollback: [dropIndex(tables.after, index.name, { concurrently: true })],
      validation: indexValidQuery(tables.after, index.name),
      dependencies: newColumnDependencies(tables, indexReadColumns(index)),
    }),
  }),
});

export const indexRemoved = defineDatabaseRule({
  id: 'index-removed',
  code: 'DB304',
  issueType: 'index_removed',
  change: 'index.removed',
  severity: 'non_breaking',
  title: 'Index removed',
  description:
    'Results do not change, but queries that used the index may become much slower, and a unique index stops enforcing uniqueness. DROP INDEX without CONCURRENTLY blocks reads and writes on the table.',
  safeAlternative: 'Check pg_stat_user_indexes.idx_scan that it is unused, then DROP INDEX CONCURRENTLY.',
  classify: ({ details: { tables, index } }) => ({
    description: `${describe(index).replace(/^./, (c) => c.toUpperCase())} removed from table '${tables.after.key}'`,
    impact: index.unique ? 'Uniqueness is no longer enforced and queries using it may slow down' : 'Queries using it may slow down',
    suggestedMigration: 'Confirm it is unused (pg_stat_user_indexes.idx_scan), then drop it concurrently',
    affectedOperations: ['SELECT'],
    script: sqlScript({
      description: `Drop index ${index.name} of table ${tables.after.key}`,
      statements: [dropIndex(tables.before, index.name, { concurrently: true })],
      rollback: [createIndex(tables.before, index, { concurrently: true })],
      validation: indexValidQuery(tables.before, index.name).replace(/;$/, ' -- expect no row;'),
    }),
  }),
});

export const indexMadeUnique = defineDatabaseRule({
  id: 'index-made-unique',
  code: 'DB214',
  issueType: 'index_made_unique',
  change: 'index.changed',
  severity: 'potentially_breaking',
  title: 'Index made unique',
  description: 'The rebuilt index fails on existing duplicates, and afterwards writes that create a duplicate fail.',
  safeAlternative: 'Remove duplicates, build the unique index CONCURRENTLY under a new name, drop the old one, rename.',
  when: ({ details: { before, after } }) => !before.unique && after.unique,
  classify: ({ details: { tables, before, after } }) => ({
    description: `Index ${after.name} on table '${tables.after.key}' made unique`,
    impact: 'Fails on existing duplicates; rejects duplicate writes from now on',
    suggestedMigration: `Validate there are no duplicates, then rebuild it concurrently. ${CONCURRENT_NOTE}`,
    affectedOperations: ['INSERT', 'UPDATE'],
    script: sqlScript({
      description: `Rebuild index ${after.name} of table ${tables.after.key} as unique`,
      statements: replaceIndex(tables.after, before, after),
      rollback: replaceIndex(tables.after, after, before),
      validation: duplicatesQuery(tables.after, after.columns),
      dependencies: newColumnDependencies(tables, indexReadColumns(after)),
    }),
  }),
});

export const indexChanged = defineDatabaseRule({
  id: 'index-changed',
  code: 'DB305',
  issueType: 'index_changed',
  change: 'index.changed',
  severity: 'non_breaking',
  title: 'Index definition changed',
  description: 'Results do not change; which queries the index serves does. Rebuilding it in place would block writes for the build.',
  safeAlternative: 'Build the new definition CONCURRENTLY under a temporary name, drop the old one, rename.',
  classify: ({ details: { tables, before, after } }) => ({
    description: `Index ${after.name} on table '${tables.after.key}' changed from ${describe(before)} to ${describe(after)}`,
    impact: 'Query plans that used the old definition may change',
    suggestedMigration: `Rebuild it concurrently under a new name and swap. ${CONCURRENT_NOTE}`,
    affectedOperations: ['SELECT'],
    script: sqlScript({
      description: `Rebuild index ${after.name} of table ${tables.after.key}`,
      statements: replaceIndex(tables.after, before, after),
      rollback: replaceIndex(tables.after, after, before),
      validation: indexValidQuery(tables.after, after.name),
      dependencies: newColumnDependencies(tables, indexReadColumns(after)),
    }),
  }),
});

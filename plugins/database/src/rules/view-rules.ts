import type { QualifiedName, View } from '../schema/model.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { defaultObjectName } from '../sql/constraint-names.js';
import { underRenamedColumns } from '../sql/renamed-columns.js';
import { guardedBlock, relationExists } from '../sql/rollback-guards.js';
import { tableExistsQuery, viewColumnsQuery } from '../sql/catalog-queries.js';
import { createView, dropView, recreateView, replaceView as replaceViewInPlace, replaceViewBlock, viewReadingAside } from '../sql/view-ddl.js';
import { defineDatabaseRule, type DatabaseRuleContext } from './database-rule.js';
import { declaredColumnRenames, declaredTableRenames } from './declared-renames.js';
import { sqlScript } from './migration-script.js';

const VIEW_OPERATIONS = ['SELECT'];

/** CREATE OR REPLACE where PostgreSQL allows it (same columns, or new ones appended); otherwise drop and create. */
function replaceView(from: View, to: View, appendOnly: boolean): string {
  return appendOnly && !from.materialized && !to.materialized ? replaceViewInPlace(to) : recreateView(from, to);
}

/**
 * The rollback of a view change: back to the old view. When the old view reads tables this change
 * retires (renamed aside, `<table>_deprecated`), the rollback may run while they are still aside:
 * the retirement's rollback, which renames them back, runs after the new tables' are dropped, and
 * those wait for this view to leave them. Then the view reads them under the aside name and follows
 * them back.
 */
function rollbackView(from: View, to: View, appendOnly: boolean, context: DatabaseRuleContext): string {
  const normal = replaceView(from, to, appendOnly);
  const retired = context.before.tables
    .filter((t) => !context.after.tables.some((a) => objectIdentity(a) === objectIdentity(t)) && reads(to, t))
    .map((t) => ({ table: t, name: defaultObjectName(t.name, [], 'deprecated') }));
  const inPlace = appendOnly && !from.materialized && !to.materialized;
  const build = (view: View) =>
    inPlace ? replaceViewBlock(view).map((line) => (line === 'END' ? 'END;' : line)) : [dropView(from), createView(view, { orReplace: false })];
  const renamed = context.after.tables
    .filter((t) => reads(from, t))
    .flatMap((table) => declaredColumnRenames(context.after, table.key).map((rename) => ({ table, ...rename })));
  const moved = renamedTablesRead(to, context);
  if (retired.length === 0 && renamed.length === 0 && moved.length === 0) return normal;
  const restore = (view: View) => underRenamedColumns(renamed, build(view));
  if (retired.length === 0) return moved.length ? underRenamedTables(moved, (view) => restore(view), to) : guardedBlock([], restore(to));
  return guardedBlock(
    [
      {
        when: retired.map(({ table, name }) => `NOT ${relationExists(table)} AND ${relationExists({ schema: table.schema, name })}`).join(' AND '),
        run: ['-- The retired tables are still aside: the view reads them there and follows them back.', ...restore(viewReadingAside(to, retired))],
      },
    ],
    restore(to),
  );
}

/** The tables a declared rename renamed that the old view reads (under their old names). */
function renamedTablesRead(view: View, context: DatabaseRuleContext): { table: QualifiedName; name: string }[] {
  // The diff compares the old view as it reads after the renames (its canonical form follows them), the text as it was.
  return declaredTableRenames(context.after).filter(({ table, name }) => reads(view, table) || reads(view, { schema: table.schema, name }));
}

/**
 * A view restored while declared table renames of the tables it reads are still applied (its
 * rollback runs before theirs): under the old name is the rename's compatibility view, which the
 * old query would read instead, and whose drop it would then block (DIFF_SEED=90234). So the view
 * reads the tables under their new names, and follows them back when their renames roll back.
 */
function underRenamedTables(moved: readonly { table: QualifiedName; name: string }[], build: (view: View) => string[], view: View): string {
  return guardedBlock(
    [
      {
        when: moved.map(({ table, name }) => relationExists({ schema: table.schema, name })).join(' AND '),
        run: ["-- The tables' renames are not rolled back yet: the view reads them under their new names.", ...build(viewReadingAside(view, moved))],
      },
    ],
    build(view),
  );
}

/** Whether the view reads the table: its canonical form names it as a relation (else, its text names it at all). */
function reads(view: View, table: QualifiedName): boolean {
  if (view.canonical !== undefined) return view.canonical.includes(`"relname":${JSON.stringify(table.name)}`);
  return view.definition.includes(table.name);
}

export const viewRemoved = defineDatabaseRule({
  id: 'view-removed',
  code: 'DB108',
  issueType: 'view_removed',
  change: 'view.removed',
  severity: 'breaking',
  title: 'View removed',
  description: 'Queries against the view fail ("relation does not exist"), and so do views and functions built on it.',
  safeAlternative: 'Keep the view until no client queries it (pg_stat_statements), then drop it in a later release.',
  classify: ({ details: { view } }, context) => ({
    description: `View '${view.key}' has been removed`,
    impact: 'All queries on this view will fail',
    suggestedMigration: 'Keep the view until no client queries it, then drop it',
    affectedOperations: VIEW_OPERATIONS,
    script: sqlScript({
      description: `Drop view ${view.key}`,
      statements: [dropView(view)],
      rollback: renamedTablesRead(view, context).length
        ? [underRenamedTables(renamedTablesRead(view, context), (v) => [createView(v, { orReplace: false })], view)]
        : [createView(view, { orReplace: false })],
      validation: tableExistsQuery(view).replace(' AS table_exists;', ' AS still_present;'),
      lockTimeout: false,
    }),
  }),
});

export const viewAdded = defineDatabaseRule({
  id: 'view-added',
  code: 'DB409',
  issueType: 'view_added',
  change: 'view.added',
  severity: 'additive',
  title: 'View added',
  description: 'A new view changes nothing for existing clients.',
  safeAlternative: 'Create it before deploying code that queries it.',
  classify: ({ details: { view } }) => ({
    description: `New view '${view.key}'${view.columns ? ` (${view.columns.join(', ')})` : ''}`,
    impact: 'None for existing clients',
    suggestedMigration: 'Create the view before deploying the code that reads it',
    affectedOperations: [],
    script: sqlScript({
      description: `Create view ${view.key}`,
      statements: [createView(view, { orReplace: false })],
      rollback: [dropView(view)],
      validation: viewColumnsQuery(view),
      lockTimeout: false,
    }),
  }),
});

export const viewColumnsRemoved = defineDatabaseRule({
  id: 'view-columns-removed',
  code: 'DB109',
  issueType: 'view_columns_removed',
  change: 'view.changed',
  severity: 'breaking',
  title: 'Columns removed from a view',
  description:
    'Queries that select the removed columns fail. CREATE OR REPLACE VIEW cannot drop columns, so the view is dropped and recreated, which also requires recreating dependent views and re-granting privileges.',
  safeAlternative: 'Keep the old columns (e.g. as NULL::type AS col) until no client selects them.',
  when: ({ details }) => details.removedColumns.length > 0,
  classify: ({ details: { before, after, removedColumns } }, context) => ({
    description: `Column(s) ${removedColumns.join(', ')} removed from view '${after.key}'`,
    impact: 'Queries selecting these columns will fail; dependent views must be recreated',
    suggestedMigration: 'Keep the columns in the view until no client reads them',
    affectedOperations: VIEW_OPERATIONS,
    script: sqlScript({
      description: `Recreate view ${after.key}`,
      statements: [recreateView(before, after)],
      rollback: [rollbackView(after, before, false, context)],
      validation: viewColumnsQuery(after),
    }),
  }),
});

export const viewColumnsReordered = defineDatabaseRule({
  id: 'view-columns-reordered',
  code: 'DB110',
  issueType: 'view_columns_reordered',
  change: 'view.changed',
  severity: 'potentially_breaking',
  title: 'View columns reordered',
  description:
    'Clients that read columns by position (SELECT *, COPY, positional result mapping) get different values; PostgreSQL cannot reorder columns with CREATE OR REPLACE, so the view is dropped and recreated.',
  safeAlternative: 'Append new columns at the end instead of inserting or moving them.',
  when: ({ details }) => details.reordered,
  classify: ({ details: { before, after } }, context) => ({
    description: `Columns of view '${after.key}' reordered: (${(before.columns ?? []).join(', ')}) → (${(after.columns ?? []).join(', ')})`,
    impact: 'Clients reading columns by position get different values',
    suggestedMigration: 'Keep existing column positions and append new columns at the end',
    affectedOperations: VIEW_OPERATIONS,
    script: sqlScript({
      description: `Recreate view ${after.key}`,
      statements: [recreateView(before, after)],
      rollback: [rollbackView(after, before, false, context)],
      validation: viewColumnsQuery(after),
    }),
  }),
});

export const viewColumnsAdded = defineDatabaseRule({
  id: 'view-columns-added',
  code: 'DB410',
  issueType: 'view_columns_added',
  change: 'view.changed',
  severity: 'additive',
  title: 'Columns added to a view',
  description: 'Existing queries keep working; CREATE OR REPLACE VIEW appends the new columns without touching dependent objects.',
  safeAlternative: 'Append new columns at the end (PostgreSQL requires it for CREATE OR REPLACE).',
  when: ({ details }) => details.addedColumns.length > 0,
  classify: ({ details: { before, after, addedColumns } }, context) => ({
    description: `Column(s) ${addedColumns.join(', ')} added to view '${after.key}'`,
    impact: 'None for existing clients; SELECT * returns more columns',
    suggestedMigration: 'Replace the view in place',
    affectedOperations: [],
    script: sqlScript({
      description: `Replace view ${after.key}`,
      statements: [replaceView(before, after, true)],
      // Removing columns again needs a drop and create.
      rollback: [rollbackView(after, before, false, context)],
      validation: viewColumnsQuery(after),
      lockTimeout: false,
    }),
  }),
});

export const viewDefinitionChanged = defineDatabaseRule({
  id: 'view-definition-changed',
  code: 'DB501',
  issueType: 'view_definition_changed',
  change: 'view.changed',
  severity: 'non_breaking',
  title: 'View query changed',
  description: 'Same columns, different query: clients keep working but may see different rows or values.',
  safeAlternative: 'Compare the old and new results on production-like data before replacing it.',
  classify: ({ details: { before, after } }, context) => ({
    description: `Definition of view '${after.key}' changed`,
    impact: 'Clients may see different rows or values',
    suggestedMigration: 'Verify the new results, then replace the view in place',
    affectedOperations: VIEW_OPERATIONS,
    script: sqlScript({
      description: `Replace view ${after.key}`,
      statements: [replaceView(before, after, true)],
      rollback: [rollbackView(after, before, true, context)],
      validation: viewColumnsQuery(after),
      lockTimeout: false,
    }),
  }),
});

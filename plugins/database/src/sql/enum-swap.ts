import { renderColumnType } from '../schema/column-type.js';
import type { Column, DatabaseSchema, EnumType, Index, Routine, Table } from '../schema/model.js';
import { columnDefinition, renderDefault } from './column-definition.js';
import { dropConstraint } from './constraint-ddl.js';
import { checkName } from './constraint-names.js';
import { viewsDependingOn, viewsUsingColumn } from './dependent-views.js';
import { referencedIdentifiers } from './expression.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { createIndex, dropIndex } from './index-ddl.js';
import { quoteLiteral } from './literal.js';
import { createRoutine, dropRoutine } from './routine-ddl.js';
import { createTrigger, dropTrigger, triggersUsingColumn } from './trigger-ddl.js';
import { createView, dropView } from './view-ddl.js';

const PLAIN = /^[A-Za-z_][\w$]*$/;

/** Columns of the schema whose type is the enum (or an array of it). */
export function columnsOfType(schema: DatabaseSchema, type: EnumType): { table: Table; column: Column }[] {
  const names = new Set([type.name, type.key, `${type.schema ?? 'public'}.${type.name}`]);
  return schema.tables.flatMap((table) => table.columns.filter((column) => names.has(column.type.name)).map((column) => ({ table, column })));
}

/**
 * Indexes whose predicate or expression names the column: ALTER COLUMN … TYPE rebuilds them with
 * their constants still of the renamed type (`operator does not exist: m = m_before_rollback`),
 * so they are dropped before the swap and created again after. Plain column indexes rebuild fine.
 */
function indexesWithExpressions(table: Table, columns: readonly string[]): Index[] {
  const names = (sql: string) => referencedIdentifiers(sql).some((word) => columns.includes(word));
  return table.indexes.filter((i) => (i.predicate !== null && names(i.predicate)) || i.columns.some((c) => !PLAIN.test(c) && names(c)));
}

/** Functions whose result or a parameter is of the type: after the rename they would hold the old type. */
function routinesOfType(schema: DatabaseSchema, names: ReadonlySet<string>): Routine[] {
  const bare = (text: string) =>
    text
      .replace(/\[\]/g, '')
      .replace(/^setof\s+/i, '')
      .trim();
  return schema.routines.filter((r) => (r.returns !== null && names.has(bare(r.returns))) || r.parameters.some((p) => names.has(p.type.name)));
}

/** Whether an expression calls one of the routines (`STATE_FROMTEXT(value #>> '{state, current}')`). */
function callsAny(expression: string, routines: readonly Routine[]): boolean {
  return routines.some((r) => new RegExp(`(^|[^\\w$"])"?${r.name.replace(/[$]/g, '\\$')}"?\\s*\\(`, 'i').test(expression));
}

/**
 * Stored generated columns of the type, or computed by a function of the type: PostgreSQL refuses
 * `ALTER COLUMN … TYPE … USING` on them and their expression holds the old type, so they are
 * dropped before the swap and added again with their expression after (PostgreSQL 17's SET
 * EXPRESSION is not assumed). kestra's `state_current state_type GENERATED ALWAYS AS
 * (STATE_FROMTEXT(…)) STORED`.
 */
function generatedColumns(schema: DatabaseSchema, names: ReadonlySet<string>, routines: readonly Routine[]): { table: Table; column: Column }[] {
  return schema.tables.flatMap((table) =>
    table.columns.filter((c) => c.generated && (names.has(c.type.name) || callsAny(c.generated, routines))).map((column) => ({ table, column })),
  );
}

/**
 * The CHECKs on the type's columns as they stand when the rollback runs, not as the after schema
 * has them: another script's rollback (run before this one, in reverse order) may have put an older
 * form back, or the project's own migration a form of its own. Kept in a temporary table for the
 * transaction, printed while the type still has its name, so the constants resolve to the new type.
 */
function saveChecks(checks: readonly { table: Table; name: string }[]): string {
  const which = checks.map(
    ({ table, name }) => `(c.conrelid = to_regclass(${quoteLiteral(quoteQualifiedName(table.schema, table.name))}) AND c.conname = ${quoteLiteral(name)})`,
  );
  return [
    'CREATE TEMPORARY TABLE enum_swap_checks ON COMMIT DROP AS',
    '  SELECT c.conrelid::regclass::text AS relation, c.conname::text AS name, pg_get_constraintdef(c.oid) AS definition',
    `  FROM pg_constraint c WHERE c.contype = 'c' AND (${which.join(' OR ')});`,
  ].join('\n');
}

const RESTORE_CHECKS = `DO $restore$
DECLARE saved record;
BEGIN
  FOR saved IN SELECT * FROM enum_swap_checks LOOP
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', saved.relation, saved.name, saved.definition);
  END LOOP;
END $restore$;`;

/**
 * PostgreSQL cannot drop an enum label, so the rollback swaps the type: the current one is renamed
 * aside, the old labels are created under the name, every column is converted through text, and
 * the renamed type is dropped. What holds constants or operators of the type around the columns
 * (defaults, CHECKs, partial and expression indexes, trigger conditions, views, the views over
 * those, stored generated columns and the functions that return or take the type) is dropped first
 * and re-created after from its text (CHECKs from the catalog's, as they stand then), so its
 * constants resolve to the new type. All in one transaction: it fails, leaving everything as it was, while a row still holds a
 * removed label.
 */
export function enumSwap(type: EnumType, labelsToKeep: readonly string[], current: DatabaseSchema, previous?: DatabaseSchema): string[] {
  // A view the change drops is back when this rollback runs (rollbacks run in reverse): it holds the type too.
  const schema = previous ? { ...current, views: [...current.views, ...previous.views.filter((v) => !current.views.some((c) => c.key === v.key))] } : current;
  const typeName = quoteQualifiedName(type.schema, type.name);
  const asideName = `${type.name}_before_rollback`;
  const typeNames = new Set([type.name, type.key, `${type.schema ?? 'public'}.${type.name}`]);
  const routines = routinesOfType(schema, typeNames);
  const generated = generatedColumns(schema, typeNames, routines);
  const users = [...columnsOfType(schema, type), ...generated.filter((g) => !columnsOfType(schema, type).some((u) => u.column === g.column))];
  const byTable = new Map<Table, string[]>();
  for (const { table, column } of users) byTable.set(table, [...(byTable.get(table) ?? []), column.name]);
  const mentionsType = (sql: string) => referencedIdentifiers(sql).includes(type.name.toLowerCase());

  const views = viewsDependingOn(schema, [
    ...users.flatMap(({ table, column }) => viewsUsingColumn(schema, table, column.name)),
    ...schema.views.filter((v) => mentionsType(v.definition)),
  ]);
  // Indexes over a generated column go with it: dropped first by name, created again once it is back.
  const overGenerated = (table: Table, index: Index) =>
    generated.some((g) => g.table === table && index.columns.some((c) => referencedIdentifiers(c).includes(g.column.name)));
  const indexes = [...byTable].flatMap(([table, columns]) =>
    table.indexes.filter((index) => indexesWithExpressions(table, columns).includes(index) || overGenerated(table, index)).map((index) => ({ table, index })),
  );
  const checks = schema.tables.flatMap((table) =>
    table.checks
      .filter((c) => mentionsType(c.expression) || referencedIdentifiers(c.expression).some((word) => (byTable.get(table) ?? []).includes(word)))
      .map((check) => ({ table, name: checkName(table, check) })),
  );
  const triggers = [...new Set([...byTable].flatMap(([table, columns]) => columns.flatMap((c) => triggersUsingColumn(schema.triggers, table.key, c))))];

  const regenerated = generated.map(({ table, column }) => ({
    drop: `ALTER TABLE ${quoteQualifiedName(table.schema, table.name)} DROP COLUMN ${quoteIdentifier(column.name)};`,
    add: `ALTER TABLE ${quoteQualifiedName(table.schema, table.name)} ADD COLUMN ${columnDefinition(column)};`,
  }));
  const conversions = users
    .filter((u) => !generated.some((g) => g.column === u.column))
    .flatMap(({ table, column }) => {
      const alter = `ALTER TABLE ${quoteQualifiedName(table.schema, table.name)} ALTER COLUMN ${quoteIdentifier(column.name)}`;
      const target = renderColumnType(column.type);
      const text = `text${'[]'.repeat(column.type.arrayDimensions)}`;
      return [
        ...(column.default ? [`${alter} DROP DEFAULT;`] : []),
        `${alter} TYPE ${target} USING ${quoteIdentifier(column.name)}::${text}::${target};`,
        ...(column.default ? [`${alter} SET DEFAULT ${renderDefault(column.default)};`] : []),
      ];
    });
  const dependents = [
    ...(views.length ? [`-- Views on the type or its columns (${views.map((v) => v.key).join(', ')}) are re-created: re-apply their grants after.`] : []),
    ...[...views].reverse().map(dropView),
    ...triggers.map(dropTrigger),
    ...indexes.map(({ table, index }) => dropIndex(table, index.name, { concurrently: false })),
    ...(checks.length ? [saveChecks(checks)] : []),
    ...checks.map(({ table, name }) => dropConstraint(table, name)),
    ...regenerated.map((g) => g.drop),
    ...routines.map(dropRoutine),
  ];
  const restored = [
    ...(checks.length ? [RESTORE_CHECKS] : []),
    ...indexes.map(({ table, index }) => createIndex(table, index, { concurrently: false })),
    ...triggers.map(createTrigger),
    ...views.map((v) => createView(v, { orReplace: false })),
  ];
  return [
    '-- Rebuilds the type without the added labels; fails (and changes nothing) while a row holds one of them.',
    'BEGIN;',
    ...dependents,
    `ALTER TYPE ${typeName} RENAME TO ${quoteIdentifier(asideName)};`,
    `CREATE TYPE ${typeName} AS ENUM (${labelsToKeep.map(quoteLiteral).join(', ')});`,
    ...conversions,
    ...routines.map(createRoutine),
    ...regenerated.map((g) => g.add),
    `DROP TYPE ${quoteQualifiedName(type.schema, asideName)};`,
    ...restored,
    'COMMIT;',
  ];
}

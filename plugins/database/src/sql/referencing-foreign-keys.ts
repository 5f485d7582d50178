import type { DatabaseSchema, ForeignKey, QualifiedName, Table } from '../schema/model.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { addConstraintNotValid, alterTable, foreignKeyClause } from './constraint-ddl.js';
import { defaultObjectName, foreignKeyName } from './constraint-names.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { guardedBlock, relationExists } from './rollback-guards.js';

export interface ReferencingKey {
  table: Table;
  fk: ForeignKey;
  name: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

/** Foreign keys (of any table) that reference exactly these columns of the table: they depend on the index of its key. */
export function foreignKeysReferencing(schema: DatabaseSchema, table: QualifiedName, columns: readonly string[]): ReferencingKey[] {
  return schema.tables.flatMap((t) =>
    t.foreignKeys
      .filter((fk) => objectIdentity(fk.references) === objectIdentity(table) && sameSet(fk.references.columns, columns))
      .map((fk) => ({ table: t, fk, name: foreignKeyName(t, fk) })),
  );
}

/**
 * PostgreSQL refuses to drop a key while foreign keys reference it ("cannot drop constraint … because
 * other objects depend on it"): those of `from` are dropped before the swap (in its transaction), and
 * the ones `to` still has under the same name are added again after it, NOT VALID then validated.
 */
export function aroundReferencingKeys(
  statements: readonly string[],
  from: readonly ReferencingKey[],
  to: DatabaseSchema,
): { statements: string[]; afterCommit: string[] } {
  if (from.length === 0) return { statements: [...statements], afterCommit: [] };
  const kept = from.flatMap(({ table, name }) =>
    to.tables
      .filter((t) => objectIdentity(t) === objectIdentity(table))
      .flatMap((t) => t.foreignKeys.filter((fk) => foreignKeyName(t, fk) === name).map((fk) => ({ table: t, fk, name }))),
  );
  const drops = from.map(({ table, name }) => `${alterTable(table)} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(name)};`);
  const adds = kept.map(({ table, fk, name }) => addConstraintNotValid(table, name, foreignKeyClause(fk), fk));
  return {
    statements: [
      `-- Foreign keys referencing the key are dropped and added again around the swap (${from.map((k) => k.name).join(', ')}).`,
      ...drops,
      ...statements,
      ...adds.map((lines) => lines[0]!),
    ],
    afterCommit: adds.flatMap((lines) => lines.slice(1)),
  };
}

/** Those of `from` that `to` no longer has (same table, same name): their drop scripts. */
export function droppedReferencingKeys(from: readonly ReferencingKey[], to: DatabaseSchema): ReferencingKey[] {
  return from.filter(
    ({ table, name }) => !to.tables.some((t) => objectIdentity(t) === objectIdentity(table) && t.foreignKeys.some((fk) => foreignKeyName(t, fk) === name)),
  );
}

/**
 * A key is dropped while foreign keys still reference it: those the same change drops on tables it
 * keeps go first (the key's drop depends on their scripts), and those of tables it retires (renamed
 * aside with their foreign keys, which would block the drop) are dropped from the aside table by
 * the key's own script, after the retirement; its rollback adds them back there, before the
 * retirement's rollback renames the table back (or re-creates it, foreign keys included).
 */
export function releaseReferencingKeys(
  referencing: readonly ReferencingKey[],
  after: DatabaseSchema,
): { statements: string[]; rollback: string[]; dependencies: string[] } {
  const kept = (table: Table) => after.tables.some((t) => objectIdentity(t) === objectIdentity(table));
  const retired = referencing.filter(({ table }) => !kept(table));
  const asideOf = (table: Table) => ({ schema: table.schema, name: defaultObjectName(table.name, [], 'deprecated') });
  return {
    statements: retired.map(
      ({ table, name }) => `ALTER TABLE IF EXISTS ${quoteQualifiedName(table.schema, asideOf(table).name)} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(name)};`,
    ),
    rollback: retired.map(({ table, fk, name }) =>
      guardedBlock([{ when: relationExists(asideOf(table)), run: addConstraintNotValid(asideOf(table), name, foreignKeyClause(fk), fk) }]),
    ),
    dependencies: [
      ...droppedReferencingKeys(referencing, after)
        .filter(({ table }) => kept(table))
        .map(({ table, name }) => `Drop foreign key ${name} of table ${table.key}`),
      ...[...new Set(retired.map(({ table }) => table.key))].map((key) => `Retire table ${key}`),
    ],
  };
}

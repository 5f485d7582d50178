import type { ForeignKey, Table } from '../schema/model.js';
import { addConstraintNotValid, alterTable, dropConstraint, foreignKeyClause, validateConstraint } from '../sql/constraint-ddl.js';
import { defaultObjectName, foreignKeyName, primaryKeyName, uniqueConstraintName } from '../sql/constraint-names.js';
import { ifElseBlock, relationExists } from '../sql/rollback-guards.js';
import { constraintQuery } from '../sql/catalog-queries.js';
import { quoteIdentifier } from '../sql/identifier.js';
import { orphansQuery } from '../sql/integrity-queries.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { type DatabaseRuleContext, defineConstraintRule } from './database-rule.js';
import { beforeTableOf, columnRenameScript, renamedColumns, tableDependencies } from './declared-renames.js';
import { addColumnDescription, newColumnDependencies, sqlScript } from './migration-script.js';

const target = (fk: ForeignKey) => `${fk.references.schema ? `${fk.references.schema}.` : ''}${fk.references.name}(${fk.references.columns.join(', ')})`;

/** Whether an index (or key) starts with the foreign key's columns, so parent deletes can find children. */
function hasCoveringIndex(table: Table, fk: ForeignKey): boolean {
  const starts = (columns: readonly string[]) => fk.columns.every((c) => columns.slice(0, fk.columns.length).includes(c));
  return (
    table.indexes.some((i) => !i.predicate && starts(i.columns)) ||
    table.uniques.some((u) => starts(u.columns)) ||
    (table.primaryKey !== null && starts(table.primaryKey.columns))
  );
}

function indexNote(table: Table, fk: ForeignKey): string {
  return hasCoveringIndex(table, fk)
    ? ''
    : `; no index starts with (${fk.columns.join(', ')}), so every DELETE or key UPDATE on ${fk.references.name} scans ${table.key}: index it (CONCURRENTLY)`;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

/**
 * A foreign key waits for what it references: the table when it is new or renamed, columns of it
 * the same change adds or renames, and the primary key or UNIQUE over them when the change makes it
 * (PostgreSQL needs a unique key on the referenced columns before the foreign key can be added).
 */
function newTargetDependencies(fk: ForeignKey, context: DatabaseRuleContext): string[] {
  const table = context.after.tables.find((t) => objectIdentity(t) === objectIdentity(fk.references));
  const previous = table && beforeTableOf(context, table);
  if (!table || !previous) return tableDependencies(context, fk.references);
  const columns = fk.references.columns
    .filter((c) => !previous.columns.some((b) => b.name === c))
    .map((c) => columnRenameScript(context.after, table.key, c) ?? addColumnDescription(table.key, c));
  // The before table's keys under the names declared renames give their columns: a key over renamed columns is the same key.
  const was = (cols: readonly string[]) => sameSet(renamedColumns(context.after, table.key, cols), fk.references.columns);
  const key =
    table.primaryKey && sameSet(table.primaryKey.columns, fk.references.columns)
      ? previous.primaryKey && was(previous.primaryKey.columns)
        ? []
        : [previous.primaryKey ? `Replace primary key of table ${table.key}` : `Add primary key ${primaryKeyName(table)} to table ${table.key}`]
      : table.uniques
          .filter((u) => sameSet(u.columns, fk.references.columns) && !previous.uniques.some((b) => was(b.columns)))
          .map((u) => {
            const name = uniqueConstraintName(table, u);
            return previous.uniques.some((b) => uniqueConstraintName(previous, b) === name)
              ? `Replace unique constraint ${name} of table ${table.key}`
              : `Add unique constraint ${name} to table ${table.key}`;
          });
  return [...tableDependencies(context, fk.references), ...columns, ...key];
}

/**
 * Whether replacing the primary key of the referenced table moves this foreign key already: that
 * script drops the foreign keys on the old key and adds them again as the after schema has them,
 * and its rollback does the reverse, so this script's own rollback must leave it to that one (run
 * first, it would reference columns with no unique key yet).
 */
function movedWithKey(before: ForeignKey, after: ForeignKey, context: DatabaseRuleContext): string | undefined {
  const table = context.after.tables.find((t) => objectIdentity(t) === objectIdentity(after.references));
  const previous = table && beforeTableOf(context, table);
  const moved =
    !!table?.primaryKey &&
    !!previous?.primaryKey &&
    objectIdentity(previous) === objectIdentity(before.references) &&
    sameSet(renamedColumns(context.after, table.key, previous.primaryKey.columns), before.references.columns) &&
    sameSet(table.primaryKey.columns, after.references.columns) &&
    !sameSet(renamedColumns(context.after, table.key, previous.primaryKey.columns), table.primaryKey.columns);
  return moved ? `Replace primary key of table ${table.key}` : undefined;
}

export const foreignKeyAdded = defineConstraintRule('foreign_key', 'added', {
  id: 'foreign-key-added',
  code: 'DB207',
  issueType: 'foreign_key_added',
  severity: 'potentially_breaking',
  title: 'Foreign key added',
  description:
    'Existing orphan rows make the constraint fail to validate; afterwards writes of rows without a parent fail, and deletes on the parent follow ON DELETE. ADD FOREIGN KEY locks both tables (SHARE ROW EXCLUSIVE) and, without NOT VALID, scans the whole table while holding the locks.',
  safeAlternative: 'Fix orphans, ADD CONSTRAINT … NOT VALID (brief lock), then VALIDATE CONSTRAINT in its own transaction (writes continue).',
  classify: ({ tables, after }, _change, context) => {
    const fk = after!;
    const name = foreignKeyName(tables.after, fk);
    return {
      description: `New foreign key (${fk.columns.join(', ')}) → ${target(fk)} added to table '${tables.after.key}'`,
      impact: `New foreign key may reject existing data (orphans) and writes without a parent row${indexNote(tables.after, fk)}`,
      suggestedMigration: 'Delete or fix orphan rows, add the constraint NOT VALID, then VALIDATE CONSTRAINT separately',
      affectedOperations: ['INSERT', 'UPDATE', `DELETE on ${fk.references.name}`],
      script: sqlScript({
        description: `Add foreign key ${name} to table ${tables.after.key}`,
        statements: addConstraintNotValid(tables.after, name, foreignKeyClause(fk), fk),
        rollback: [dropConstraint(tables.after, name)],
        validation: orphansQuery(tables.after, fk),
        dependencies: [...newColumnDependencies(tables, fk.columns), ...newTargetDependencies(fk, context)],
      }),
    };
  },
});

export const foreignKeyRemoved = defineConstraintRule('foreign_key', 'removed', {
  id: 'foreign-key-removed',
  code: 'DB122',
  issueType: 'foreign_key_removed',
  severity: 'potentially_breaking',
  title: 'Foreign key removed',
  description:
    'Referential integrity is no longer enforced: orphan rows become possible, and ON DELETE CASCADE / SET NULL behaviour that clients relied on stops happening.',
  safeAlternative: 'Move the integrity check (and any cascade) into the application before dropping it.',
  classify: ({ tables, before }) => {
    const fk = before!;
    const name = foreignKeyName(tables.before, fk);
    return {
      description: `Foreign key (${fk.columns.join(', ')}) → ${target(fk)} removed from table '${tables.after.key}'`,
      impact: `No longer enforcing references to ${fk.references.name}${fk.onDelete && fk.onDelete !== 'NO ACTION' ? `; ON DELETE ${fk.onDelete} no longer happens` : ''}`,
      suggestedMigration: 'Consider application-level validation for removed constraint',
      affectedOperations: ['INSERT', 'UPDATE', `DELETE on ${fk.references.name}`],
      script: sqlScript({
        description: `Drop foreign key ${name} of table ${tables.after.key}`,
        statements: [dropConstraint(tables.after, name)],
        rollback: addConstraintNotValid(tables.after, name, foreignKeyClause(fk), fk),
        validation: constraintQuery(tables.after, name),
      }),
    };
  },
});

export const foreignKeyModified = defineConstraintRule('foreign_key', 'modified', {
  id: 'foreign-key-modified',
  code: 'DB208',
  issueType: 'foreign_key_modified',
  severity: 'breaking',
  title: 'Foreign key changed',
  description:
    'The reference now points elsewhere or behaves differently on delete/update: writes valid before may be rejected, and cascades change what a parent DELETE does to child rows.',
  safeAlternative: 'Swap old for new NOT VALID in one short transaction, then VALIDATE the new one separately.',
  classify: ({ tables, before, after }, _change, context) => {
    const oldName = foreignKeyName(tables.before, before!);
    const name = foreignKeyName(tables.after, after!);
    const swap = (dropName: string, addName: string, fk: ForeignKey) => [
      'BEGIN;',
      dropConstraint(tables.after, dropName),
      `${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(addName)} ${foreignKeyClause(fk)} NOT VALID;`,
      'COMMIT;',
      ...validateConstraint(tables.after, addName, fk),
    ];
    // A foreign key moved off a table this change retires: its rollback may run while that table is
    // still set aside (the retirement's rollback, which renames it back, runs after the new table's
    // is dropped), so it then references the table under its aside name and follows it back.
    const retired = !context.after.tables.some((t) => objectIdentity(t) === objectIdentity(before!.references));
    const aside = { ...before!.references, name: defaultObjectName(before!.references.name, [], 'deprecated') };
    const keyScript = movedWithKey(before!, after!, context);
    const rollback = keyScript
      ? [`-- "${keyScript}" moved it with the key; its rollback moves it back.`]
      : retired
        ? [
            'BEGIN;',
            dropConstraint(tables.after, name),
            ifElseBlock(
              relationExists(before!.references),
              [`${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(oldName)} ${foreignKeyClause(before!)} NOT VALID;`],
              [`${alterTable(tables.after)} ADD CONSTRAINT ${quoteIdentifier(oldName)} ${foreignKeyClause({ ...before!, references: aside })} NOT VALID;`],
            ),
            'COMMIT;',
            ...validateConstraint(tables.after, oldName, before!),
          ]
        : swap(name, oldName, before!);
    return {
      description:
        `Foreign key on table '${tables.after.key}' changed from (${before!.columns.join(', ')}) → ${target(before!)} ${before!.onDelete ? `ON DELETE ${before!.onDelete}` : ''} to (${after!.columns.join(', ')}) → ${target(after!)} ${after!.onDelete ? `ON DELETE ${after!.onDelete}` : ''}`
          .replace(/\s+/g, ' ')
          .trim(),
      impact: `Writes and parent deletes behave differently${indexNote(tables.after, after!)}`,
      suggestedMigration: 'Swap the constraint NOT VALID in one transaction, then validate it',
      affectedOperations: ['INSERT', 'UPDATE', `DELETE on ${after!.references.name}`],
      script: sqlScript({
        description: `Replace foreign key ${oldName} of table ${tables.after.key}`,
        statements: swap(oldName, name, after!),
        rollback,
        validation: orphansQuery(tables.after, after!),
        dependencies: [...newColumnDependencies(tables, after!.columns), ...newTargetDependencies(after!, context)],
      }),
    };
  },
});

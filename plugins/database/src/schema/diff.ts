import { formatPath, type DiffOptions } from '@migration-architect/core';
import { changeLocation } from './change-location.js';
import { change, type DatabaseChange, type TablePair } from './changes.js';
import { diffColumnAdditionsAndChanges, diffColumnRemovals } from './column-diff.js';
import { diffConstraints } from './constraint-diff.js';
import { diffDomains } from './domain-diff.js';
import { diffEnums } from './enum-diff.js';
import { diffExtensions } from './extension-diff.js';
import { diffIndexes } from './index-diff.js';
import type { DatabaseSchema, SchemaObject, Table } from './model.js';
import { diffPartitionMembership, withInheritedDefinitions } from './partition-membership.js';
import { possibleRenames } from './possible-renames.js';
import { diffRelationComments } from './relation-comment-diff.js';
import { objectIdentity } from './qualified-name.js';
import { applyRenameHints, declaredRenames } from './rename-hints.js';
import { diffRoutines } from './routine-diff.js';
import { diffSequences } from './sequence-diff.js';
import { diffTriggers } from './trigger-diff.js';
import { diffViews } from './view-diff.js';

/**
 * New tables in an order they can be created in: a table after the new tables its foreign keys
 * reference and, for a partition, after its parent (a dump lists them alphabetically).
 */
function parentsFirst(tables: Table[]): Table[] {
  const byId = new Map(tables.map((t) => [objectIdentity(t), t]));
  const ordered: Table[] = [];
  const state = new Map<Table, 'visiting' | 'done'>();
  const visit = (table: Table) => {
    if (state.has(table)) return; // done, or a cycle (two tables referencing each other): keep file order
    state.set(table, 'visiting');
    const parents = [...table.foreignKeys.map((fk) => fk.references), ...(table.partitionOf ? [table.partitionOf] : [])];
    for (const parent of parents) {
      const found = byId.get(objectIdentity(parent));
      if (found && found !== table) visit(found);
    }
    state.set(table, 'done');
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

const isPartition = (tables: TablePair) => tables.before.partitionOf !== undefined && tables.after.partitionOf !== undefined;

function tableValue(table: Table) {
  return { columns: table.columns.map((c) => c.name), primary_key: table.primaryKey?.columns ?? [] };
}

function diffSchemaNames(before: readonly SchemaObject[], after: readonly SchemaObject[]): { added: DatabaseChange[]; removed: DatabaseChange[] } {
  const path = (s: SchemaObject) => formatPath(['schemas', s.name]);
  return {
    added: after
      .filter((s) => !before.some((b) => b.name === s.name))
      .map((schema) => change('schema.added', path(schema), schema.name, { after: schema.name }, { schema })),
    removed: before
      .filter((s) => !after.some((a) => a.name === s.name))
      .map((schema) => change('schema.removed', path(schema), schema.name, { before: schema.name }, { schema })),
  };
}

/**
 * Every difference between two schemas, in the order their scripts can run (and, reversed, roll
 * back): renames, then expand (new schemas, types and tables; new and changed columns,
 * constraints and indexes of kept tables), then views, routines and triggers, then contract
 * (dropped columns, tables, sequences, types, schemas). So a view stops using a column before the
 * column is dropped, and on rollback the column is back before the old view is. A new table's
 * columns, constraints and indexes belong to its `table.added`. Tables match by schema and name,
 * an unqualified name being in `public`.
 */
export function diffDatabaseSchemas(
  original: DatabaseSchema,
  after: DatabaseSchema,
  options: Pick<DiffOptions, 'renames'> = { renames: [] },
): DatabaseChange[] {
  const { before, changes: renames } = applyRenameHints(original, after, options.renames, declaredRenames(after));
  const afterById = new Map(after.tables.map((t) => [objectIdentity(t), t]));
  const beforeIds = new Set(before.tables.map(objectIdentity));
  const path = (t: Table) => formatPath(['tables', t.key]);
  const kept: TablePair[] = before.tables.flatMap((old) => {
    const next = afterById.get(objectIdentity(old));
    return next ? [withInheritedDefinitions({ before: old, after: next }, before, after)] : [];
  });
  // Detaching runs before the table's own changes (a key dropped from the detached table), attaching after them.
  const membership = diffPartitionMembership(kept, after);
  const addedTables = parentsFirst(after.tables.filter((t) => !beforeIds.has(objectIdentity(t))));
  const removedTables = before.tables.filter((t) => !afterById.has(objectIdentity(t)));
  const schemas = diffSchemaNames(before.schemas ?? [], after.schemas ?? []);
  const enums = diffEnums(before.enums ?? [], after.enums ?? []);
  const sequences = diffSequences(before.sequences ?? [], after.sequences ?? []);
  // Only when both sides can say: the JSON format has no extensions, which is not "none".
  const extensions = before.extensions && after.extensions ? diffExtensions(before.extensions, after.extensions) : [];
  // Likewise domains.
  const domains = before.domains && after.domains ? diffDomains(before.domains, after.domains) : [];
  const changes: DatabaseChange[] = [
    ...renames,
    ...schemas.added,
    // Extensions next: their types and operator classes are used by the tables and indexes after.
    ...extensions.filter((c) => c.kind !== 'extension.removed'),
    ...enums.filter((c) => c.kind !== 'enum.removed'),
    // Domains after enums (a domain over an enum), before the tables whose columns use them.
    ...domains.filter((c) => c.kind !== 'domain.removed'),
    ...sequences.filter((c) => c.kind === 'sequence.added'),
    ...addedTables.map((table) => change('table.added', path(table), table.key, { after: tableValue(table) }, { table })),
    ...membership.filter((c) => c.details.tables.before.partitionOf),
    // A partition's columns are its parent's: a change to them is the parent's change, made (and
    // scripted) once on the parent; ALTER TABLE on the partition itself fails.
    ...kept.flatMap((tables) => [...(isPartition(tables) ? [] : diffColumnAdditionsAndChanges(tables)), ...diffConstraints(tables), ...diffIndexes(tables)]),
    ...membership.filter((c) => !c.details.tables.before.partitionOf),
    ...diffViews(before.views, after.views),
    ...diffRelationComments(before, after),
    ...diffRoutines(before.routines, after.routines),
    ...diffTriggers(before.triggers ?? [], after.triggers ?? []),
    ...kept.flatMap((tables) => (isPartition(tables) ? [] : diffColumnRemovals(tables))),
    ...removedTables.map((table) => change('table.removed', path(table), table.key, { before: tableValue(table) }, { table })),
    ...possibleRenames(removedTables, addedTables, kept),
    ...sequences.filter((c) => c.kind === 'sequence.removed'),
    // Once no column uses them; before the enums they may be over.
    ...domains.filter((c) => c.kind === 'domain.removed'),
    ...enums.filter((c) => c.kind === 'enum.removed'),
    ...extensions.filter((c) => c.kind === 'extension.removed'),
    ...schemas.removed,
  ];
  return changes.map((c) => {
    const location = changeLocation(c);
    return location ? { ...c, location } : c;
  });
}

import { formatPath } from '@migration-architect/core';
import { change, type DatabaseChange, type TablePair } from './changes.js';
import type { DatabaseSchema, Table } from './model.js';
import { inheritedDefinitions, partitionAncestors } from './partition-inheritance.js';
import { objectIdentity } from './qualified-name.js';

// The parent only: bounds as a dump prints them depend on the server's time zone and spelling, so a
// bound alone is not compared (it would report every timestamptz partition of a dump read against its file).
const membership = (t: Table) => (t.partitionOf ? objectIdentity(t.partitionOf) : '');

/** A kept table detached from its partitioned table, attached to one, or moved to another. */
export const partitionMembershipChanged = (tables: TablePair) => membership(tables.before) !== membership(tables.after);

/**
 * The pair as PostgreSQL sees it across a DETACH or ATTACH PARTITION: a detached partition keeps
 * the keys, foreign keys, checks and indexes it inherited as its own, and an attached table's own
 * ones that match its new parent's become inherited (ATTACH creates those it lacks). The reader
 * takes inherited definitions off partitions, so on the partition's side they are put back from the
 * other side, where they are the table's own: otherwise the detached table's key reads as added
 * (and is scripted again, which fails) and an attached table's as dropped.
 */
export function withInheritedDefinitions(tables: TablePair, before: DatabaseSchema, after: DatabaseSchema): TablePair {
  if (!partitionMembershipChanged(tables)) return tables;
  const restore = (partition: Table, model: DatabaseSchema, own: Table): Table => {
    const parents = partitionAncestors(model, partition);
    if (parents.length === 0) return partition;
    const inherited = inheritedDefinitions(parents);
    const missing = <T>(list: readonly T[], from: readonly T[], test: (x: T) => boolean, same: (a: T, b: T) => boolean) => [
      ...list,
      ...from.filter((x) => test(x) && !list.some((y) => same(x, y))),
    ];
    const columns = (x: { columns: readonly string[] }) => x.columns.join(',');
    return {
      ...partition,
      primaryKey: partition.primaryKey ?? (own.primaryKey && inherited.primaryKey(own.primaryKey) ? own.primaryKey : null),
      uniques: missing(partition.uniques, own.uniques, inherited.unique, (a, b) => columns(a) === columns(b)),
      foreignKeys: missing(partition.foreignKeys, own.foreignKeys, inherited.foreignKey, (a, b) => columns(a) === columns(b)),
      checks: missing(partition.checks, own.checks, inherited.check, (a, b) => a.name === b.name),
      indexes: missing(partition.indexes, own.indexes, inherited.index, (a, b) => a.name === b.name),
    };
  };
  return { before: restore(tables.before, before, tables.after), after: restore(tables.after, after, tables.before) };
}

/** One change per kept table whose partition membership differs: scripted as DETACH / ATTACH PARTITION. */
export function diffPartitionMembership(kept: readonly TablePair[], after: DatabaseSchema): DatabaseChange<'table.partition_changed'>[] {
  // A parent the after schema no longer has (dropped, or renamed without --rename) takes its partitions
  // along in its own scripts: the new table's script moves them over (table-added), so not here too.
  const parentKept = (tables: TablePair) =>
    !tables.before.partitionOf || after.tables.some((t) => objectIdentity(t) === objectIdentity(tables.before.partitionOf!));
  return kept
    .filter((tables) => partitionMembershipChanged(tables) && parentKept(tables))
    .map((tables) =>
      change(
        'table.partition_changed',
        formatPath(['tables', tables.after.key]),
        tables.after.key,
        { before: tables.before.partitionOf ?? null, after: tables.after.partitionOf ?? null },
        { tables, table: tables.after },
      ),
    );
}

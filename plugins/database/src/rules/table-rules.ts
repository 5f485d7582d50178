import { DEFAULT_SCHEMA, objectIdentity } from '../schema/qualified-name.js';
import { tableExistsQuery } from '../sql/catalog-queries.js';
import type { DatabaseSchema, Table } from '../schema/model.js';
import { defaultObjectName, foreignKeyName, primaryKeyName, uniqueConstraintName } from '../sql/constraint-names.js';
import { quoteIdentifier, quoteQualifiedName, regclass } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { guardedBlock, noticeBlock, raiseNotice, relationExists } from '../sql/rollback-guards.js';
import { createTableScripts } from '../sql/table-ddl.js';
import { defineDatabaseRule } from './database-rule.js';
import { isRetired, tableDependencies } from './declared-renames.js';
import { createTableDescription, sqlScript } from './migration-script.js';

/**
 * The names a table takes in its schema's namespace of relations besides its own: the indexes behind
 * its keys and its other indexes. A table renamed aside keeps them, so they are renamed aside too,
 * or a new table of the same shape (a table renamed without a declared rename) could not be created.
 */
function indexNames(table: Table): { constraints: string[]; indexes: string[] } {
  const constraints = [
    ...(table.primaryKey ? [primaryKeyName(table)] : []),
    ...table.uniques.map((u) => uniqueConstraintName(table, u)),
    ...(table.exclusions ?? []).flatMap((x) => (x.name ? [x.name] : [])),
  ];
  return { constraints, indexes: table.indexes.map((i) => i.name).filter((name) => !constraints.includes(name)) };
}

/**
 * The sequences its serial columns own, with the name PostgreSQL gives a new one (`<table>_<column>_seq`).
 * They differ after `ALTER TABLE … RENAME`, which leaves the sequence its old name.
 */
function ownedSequences(table: Table, schema: DatabaseSchema): { name: string; serialName: string }[] {
  return schema.sequences
    .filter((s) => s.ownedBy?.table === table.key && (s.schema ?? DEFAULT_SCHEMA) === (table.schema ?? DEFAULT_SCHEMA))
    .filter((s) => table.columns.some((c) => c.name === s.ownedBy!.column && c.identity === 'serial'))
    .map((s) => ({ name: s.name, serialName: defaultObjectName(table.name, [s.ownedBy!.column], 'seq') }));
}

/** Drops every function or procedure whose arguments or result use a table's row type; nothing if the table is gone. */
function dropRowTypeRoutines(table: string): string {
  const type = `to_regtype(${quoteLiteral(table)})`;
  return [
    'DO $drop_row_type_routines$ DECLARE routine regprocedure; BEGIN',
    `  FOR routine IN SELECT p.oid::regprocedure FROM pg_proc p WHERE ${type} IS NOT NULL AND (p.prorettype = ${type} OR ${type} = ANY (p.proargtypes::oid[])) LOOP`,
    "    EXECUTE 'DROP ROUTINE ' || routine;",
    '  END LOOP;',
    'END $drop_row_type_routines$;',
  ].join('\n');
}

export const tableRemoved = defineDatabaseRule({
  id: 'table-removed',
  code: 'DB102',
  issueType: 'table_removed',
  change: 'table.removed',
  severity: 'breaking',
  title: 'Table removed',
  description:
    'Every query, view, function and foreign key that uses the table fails once it is dropped ("relation does not exist"), and its rows go with it: only a backup brings them back.',
  safeAlternative:
    'Stop all reads and writes first (watch pg_stat_user_tables over a full business cycle), rename the table aside as a soft delete, and DROP it in a later release; or leave a view with the old name over its replacement.',
  classify: ({ details: { table } }, { before, after }) => {
    const name = quoteQualifiedName(table.schema, table.name);
    const aside = defaultObjectName(table.name, [], 'deprecated');
    const asideTable = { schema: table.schema, name: aside };
    const asideName = quoteQualifiedName(table.schema, aside);
    const { constraints, indexes } = indexNames(table);
    // Each name and the name it takes aside; the rollback renames back.
    const rename = (from: string, to: string, constraint: boolean) =>
      constraint
        ? `ALTER TABLE ${asideName} RENAME CONSTRAINT ${quoteIdentifier(from)} TO ${quoteIdentifier(to)};`
        : `ALTER INDEX ${quoteQualifiedName(table.schema, from)} RENAME TO ${quoteIdentifier(to)};`;
    const renames = [...constraints.map((name) => ({ name, constraint: true })), ...indexes.map((name) => ({ name, constraint: false }))].map((r) => ({
      ...r,
      aside: defaultObjectName(r.name, [], 'deprecated'),
    }));
    // Its serial columns' sequences too: a new table may take their names (the same table renamed, keeping the old sequence name).
    const sequences = ownedSequences(table, before).map(({ name }) => ({ name, aside: defaultObjectName(name, [], 'deprecated') }));
    const renameSequence = (from: string, to: string) => `ALTER SEQUENCE ${quoteQualifiedName(table.schema, from)} RENAME TO ${quoteIdentifier(to)};`;
    const referencing = before.tables.filter(
      (t) => t !== table && t.foreignKeys.some((fk) => fk.references.name === table.name && fk.references.schema === table.schema),
    );
    const removedReferencing = referencing.filter((t) => !after.tables.some((a) => objectIdentity(a) === objectIdentity(t)));
    // Foreign keys to it from tables removed too (kept aside under their own contract step, which may run later):
    // dropped first, or DROP TABLE fails on them.
    const asideReferences = removedReferencing.flatMap((t) =>
      t.foreignKeys
        .filter((fk) => fk.references.name === table.name && fk.references.schema === table.schema)
        .map(
          (fk) =>
            `ALTER TABLE IF EXISTS ${quoteQualifiedName(t.schema, defaultObjectName(t.name, [], 'deprecated'))} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(foreignKeyName(t, fk))};`,
        ),
    );
    return {
      description: `Table '${table.key}' has been removed`,
      impact: `All operations on this table will fail and its ${table.columns.length} columns of data are deleted${
        referencing.length
          ? `; foreign keys from ${referencing.map((t) => t.key).join(', ')} reference it, so DROP TABLE fails unless they are dropped first`
          : ''
      }`,
      suggestedMigration: `Rename ${table.key} aside and drop it in a later release once nothing has touched it, or CREATE VIEW ${table.key} AS SELECT … FROM <replacement> for clients that still read it`,
      affectedOperations: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
      script: sqlScript({
        description: `Retire table ${table.key}`,
        statements: [
          `-- Before: confirm nothing reads or writes it (counters should stop moving):`,
          `--   SELECT seq_scan, idx_scan, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE relid = ${regclass(table)};`,
          `-- Soft delete: clients still using it fail loudly, and the data stays until the contract step drops it in a later release.`,
          `ALTER TABLE ${name} RENAME TO ${quoteIdentifier(aside)};`,
          ...renames.map((r) => rename(r.name, r.aside, r.constraint)),
          ...sequences.map((q) => renameSequence(q.name, q.aside)),
        ],
        // From any state: renamed back when our forward script kept it aside; re-created empty, with a notice, when it was dropped.
        rollback: [
          guardedBlock([
            {
              when: `${relationExists(asideTable)} AND NOT ${relationExists(table)}`,
              run: [
                ...renames.map((r) => rename(r.aside, r.name, r.constraint)),
                ...sequences.map((q) => renameSequence(q.aside, q.name)),
                `ALTER TABLE ${asideName} RENAME TO ${quoteIdentifier(table.name)};`,
              ],
            },
            {
              when: `NOT ${relationExists(table)}`,
              run: [
                raiseNotice(
                  `${table.key}: no ${aside} table (it was dropped, by the project's migration or the contract step), so it is re-created empty; its rows come back only from the dump taken before the change`,
                ),
                createTableScripts(table).create,
                ...(table.comment ? [`COMMENT ON TABLE ${name} IS ${quoteLiteral(table.comment)};`] : []),
              ],
            },
          ]),
        ],
        validation: tableExistsQuery(table).replace(' AS table_exists;', ' AS still_present;'),
        // After the tables removed with it that reference it (unless they reference each other): rolled back
        // in reverse, it is back before their re-created foreign keys need it.
        dependencies: removedReferencing
          .filter((t) => !table.foreignKeys.some((fk) => fk.references.name === t.name && fk.references.schema === t.schema))
          .map((t) => `Retire table ${t.key}`),
      }),
      contractScript: sqlScript({
        description: `Contract: drop table ${table.key} kept aside`,
        statements: [
          `-- Later release, after a pg_dump --format=custom --table=${quoteLiteral(quoteQualifiedName(table.schema, aside))}, once nothing has touched it:`,
          ...asideReferences,
          // Routines still over its row type (an old overload kept "until callers move") cannot outlive it: DROP TABLE fails on them.
          dropRowTypeRoutines(quoteQualifiedName(table.schema, aside)),
          `DROP TABLE IF EXISTS ${quoteQualifiedName(table.schema, aside)};`,
        ],
        rollback: [
          noticeBlock(
            `${aside} was dropped by the contract step (with any routine over its row type): the rollback of the retirement re-creates ${table.key} empty; its rows come back only from a dump`,
          ),
        ],
        validation: tableExistsQuery(asideTable).replace(' AS table_exists;', ' AS still_kept;'),
        dependencies: [`Retire table ${table.key}`],
      }),
    };
  },
});

export const tableAdded = defineDatabaseRule({
  id: 'table-added',
  code: 'DB401',
  issueType: 'table_added',
  change: 'table.added',
  severity: 'additive',
  title: 'Table added',
  description: 'A new table changes nothing for existing clients: no query that ran before touches it.',
  safeAlternative:
    'Create it with its constraints and indexes in one transaction before deploying code that uses it; foreign keys from existing tables to it come later, NOT VALID then VALIDATE.',
  classify: ({ details: { table } }, context) => {
    const scripts = createTableScripts(table);
    const parents = [...new Set(table.foreignKeys.map((fk) => fk.references.name))];
    // Tables it references or is a partition of that are new or renamed too: their scripts must run first.
    const parentScripts = [...table.foreignKeys.map((fk) => fk.references), ...(table.partitionOf ? [table.partitionOf] : [])]
      .filter((parent) => objectIdentity(parent) !== objectIdentity(table))
      .flatMap((parent) => tableDependencies(context, parent));
    // A removed table (often this one under its old name) still holds the index names this one takes until it is renamed aside.
    const sequences = ownedSequences(table, context.after);
    const ownNames = [...Object.values(indexNames(table)).flat(), ...sequences.map((q) => q.name)];
    const retired = context.before.tables
      .filter(
        (t) => (t.schema ?? DEFAULT_SCHEMA) === (table.schema ?? DEFAULT_SCHEMA) && !context.after.tables.some((a) => objectIdentity(a) === objectIdentity(t)),
      )
      .filter((t) => [...Object.values(indexNames(t)).flat(), ...ownedSequences(t, context.before).map((q) => q.name)].some((n) => ownNames.includes(n)))
      .map((t) => `Retire table ${t.key}`);
    // A serial whose sequence kept another name (its table was renamed): serial names it anew, renamed to the kept name.
    const sequenceNames = sequences
      .filter((q) => q.name !== q.serialName)
      .map((q) => `ALTER SEQUENCE ${quoteQualifiedName(table.schema, q.serialName)} RENAME TO ${quoteIdentifier(q.name)};`);
    // Partitions of a table this change retires that the after schema puts under this one (a
    // partitioned table renamed without --rename): the retired one, set aside, still holds them and
    // its contract step would drop them with it, so they move here, and back on rollback.
    const adopted = context.after.tables.flatMap((partition) => {
      const previous = context.before.tables.find((t) => objectIdentity(t) === objectIdentity(partition));
      const from = previous?.partitionOf;
      if (!partition.partitionOf || objectIdentity(partition.partitionOf) !== objectIdentity(table) || !from || !isRetired(context, from)) return [];
      const name = quoteQualifiedName(partition.schema, partition.name);
      const aside = { schema: from.schema, name: defaultObjectName(from.name, [], 'deprecated') };
      const asideName = quoteQualifiedName(aside.schema, aside.name);
      return [
        {
          retire: `Retire table ${context.before.tables.find((t) => objectIdentity(t) === objectIdentity(from))?.key ?? from.name}`,
          forward: [
            `ALTER TABLE ${asideName} DETACH PARTITION ${name};`,
            `ALTER TABLE ${quoteQualifiedName(table.schema, table.name)} ATTACH PARTITION ${name} ${partition.partitionOf.bound};`,
          ],
          rollback: [
            `ALTER TABLE ${quoteQualifiedName(table.schema, table.name)} DETACH PARTITION ${name};`,
            guardedBlock([{ when: relationExists(aside), run: [`ALTER TABLE ${asideName} ATTACH PARTITION ${name} ${from.bound};`] }]),
          ],
        },
      ];
    });
    return {
      description: `New table '${table.key}' with ${table.columns.length} column(s), ${table.indexes.length} index(es)`,
      impact: parents.length
        ? `None for existing clients; creating its foreign keys briefly takes a SHARE ROW EXCLUSIVE lock on ${parents.join(', ')}`
        : 'None for existing clients',
      suggestedMigration: 'Create the table before deploying the code that writes to it',
      affectedOperations: [],
      script: sqlScript({
        description: createTableDescription(table.key),
        statements: [
          scripts.create,
          ...sequenceNames,
          ...(adopted.length ? ['-- Partitions of the retired table move to this one:', ...adopted.flatMap((a) => a.forward)] : []),
        ],
        rollback: [...adopted.flatMap((a) => a.rollback), scripts.drop],
        validation: tableExistsQuery(table),
        dependencies: [...new Set([...parentScripts, ...retired, ...adopted.map((a) => a.retire)])],
      }),
    };
  },
});

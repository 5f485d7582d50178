import type { Column, Identity, Table } from '../schema/model.js';
import { alterTable } from '../sql/constraint-ddl.js';
import { defaultObjectName } from '../sql/constraint-names.js';
import { quoteIdentifier, quoteQualifiedName, regclass } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { defineDatabaseRule } from './database-rule.js';
import { defaultChangeDescription } from './column-default-rules.js';
import { sqlScript } from './migration-script.js';

const GENERATED: Record<'always' | 'by_default', string> = { always: 'ALWAYS', by_default: 'BY DEFAULT' };

/** Moves a column from one way of generating values to another, keeping the sequence ahead of existing values. */
function identityStatements(table: Table, column: Column, from: Identity | null, to: Identity | null, options: { dropSequence?: boolean } = {}): string[] {
  const alter = `${alterTable(table)} ALTER COLUMN ${quoteIdentifier(column.name)}`;
  const name = quoteQualifiedName(table.schema, table.name);
  const resync = `SELECT setval(pg_get_serial_sequence(${quoteLiteral(name)}, ${quoteLiteral(column.name)}), coalesce(max(${quoteIdentifier(column.name)}), 0) + 1, false) FROM ${name};`;
  const isIdentity = (i: Identity | null): i is 'always' | 'by_default' => i === 'always' || i === 'by_default';
  if (isIdentity(from) && isIdentity(to)) return [`${alter} SET GENERATED ${GENERATED[to]};`];
  const out = ['BEGIN;'];
  if (isIdentity(from)) out.push(`${alter} DROP IDENTITY IF EXISTS;`);
  if (from === 'serial') out.push(`${alter} DROP DEFAULT;`);
  // Undoing a change that made the column serial: the sequence it created goes too (a serial dropped in the after schema keeps its own).
  if (from === 'serial' && options.dropSequence)
    out.push(`DROP SEQUENCE IF EXISTS ${quoteQualifiedName(table.schema, defaultObjectName(table.name, [column.name], 'seq'))};`);
  if (isIdentity(to)) out.push(`${alter} ADD GENERATED ${GENERATED[to]} AS IDENTITY;`, resync);
  if (to === 'serial') {
    const sequence = quoteQualifiedName(table.schema, defaultObjectName(table.name, [column.name], 'seq'));
    out.push(
      `CREATE SEQUENCE IF NOT EXISTS ${sequence} OWNED BY ${name}.${quoteIdentifier(column.name)};`,
      `${alter} SET DEFAULT nextval(${quoteLiteral(sequence)});`,
      resync,
    );
  }
  out.push('COMMIT;');
  return out;
}

const label = (i: Identity | null) => (i === null ? 'none' : i === 'serial' ? 'serial' : `GENERATED ${GENERATED[i]} AS IDENTITY`);

/** How the identity rules describe their scripts; the default rules order theirs by it. */
export const identityChangeDescription = (table: string, column: string, identity: Identity | null) =>
  `Change value generation of column ${column} in table ${table} to ${label(identity)}`;

function identityOutcome(table: Table, before: Column, after: Column) {
  return sqlScript({
    description: identityChangeDescription(table.key, after.name, after.identity),
    // A column made serial gets its nextval default here: the old default goes first, and comes back after (DIFF_SEED=1:14).
    dependencies: after.identity === 'serial' && before.identity !== 'serial' && before.default ? [defaultChangeDescription(table.key, after.name)] : [],
    statements: identityStatements(table, after, before.identity, after.identity),
    rollback: identityStatements(table, after, after.identity, before.identity, { dropSequence: after.identity === 'serial' && before.identity !== 'serial' }),
    validation: `SELECT attidentity, pg_get_serial_sequence(${quoteLiteral(quoteQualifiedName(table.schema, table.name))}, ${quoteLiteral(after.name)}) AS sequence FROM pg_attribute WHERE attrelid = ${regclass(table)} AND attname = ${quoteLiteral(after.name)};`,
  });
}

export const identityRemoved = defineDatabaseRule({
  id: 'identity-removed',
  code: 'DB119',
  issueType: 'identity_removed',
  change: 'column.identity_changed',
  severity: 'breaking',
  title: 'Auto-increment / identity removed',
  description: 'INSERTs that leave the column out no longer get a generated value: they fail on NOT NULL or primary-key constraints, or store NULL.',
  safeAlternative: 'Deploy writers that supply their own values (e.g. UUIDs) first, then remove the identity.',
  when: ({ details: { after } }) => after.identity === null,
  classify: ({ details: { tables, before, after } }) => ({
    description: `Column '${after.name}' of table '${tables.after.key}' no longer generates values (was ${label(before.identity)})`,
    impact: 'INSERT statements that omit this column will fail',
    suggestedMigration: 'Make every writer supply the value before removing the identity',
    affectedOperations: ['INSERT'],
    script: identityOutcome(tables.after, before, after),
  }),
});

export const identityRestricted = defineDatabaseRule({
  id: 'identity-restricted',
  code: 'DB216',
  issueType: 'identity_restricted',
  change: 'column.identity_changed',
  severity: 'potentially_breaking',
  title: 'Identity made GENERATED ALWAYS',
  description:
    'GENERATED ALWAYS rejects INSERTs that supply their own value unless they say OVERRIDING SYSTEM VALUE: data imports, replication and tests that set ids start failing.',
  safeAlternative: 'Keep GENERATED BY DEFAULT, or first change every writer that supplies ids.',
  when: ({ details: { after } }) => after.identity === 'always',
  classify: ({ details: { tables, before, after } }) => ({
    description: `Column '${after.name}' of table '${tables.after.key}' changed from ${label(before.identity)} to ${label(after.identity)}`,
    impact: 'INSERT statements that supply a value for this column will fail',
    suggestedMigration: 'Find writers that set the column explicitly (pg_stat_statements) before the change',
    affectedOperations: ['INSERT', 'COPY'],
    script: identityOutcome(tables.after, before, after),
  }),
});

export const identityChanged = defineDatabaseRule({
  id: 'identity-changed',
  code: 'DB306',
  issueType: 'identity_changed',
  change: 'column.identity_changed',
  severity: 'non_breaking',
  title: 'Auto-increment / identity added or relaxed',
  description: 'The column now generates values for INSERTs that omit it; writes that supply values keep working.',
  safeAlternative: 'Move the sequence past the largest existing value in the same transaction (the script does).',
  classify: ({ details: { tables, before, after } }) => ({
    description: `Column '${after.name}' of table '${tables.after.key}' changed from ${label(before.identity)} to ${label(after.identity)}`,
    impact: 'INSERTs that omit the column get generated values; the sequence must start above existing values',
    suggestedMigration: 'Apply with the sequence resynchronised to max(value) + 1',
    affectedOperations: ['INSERT'],
    script: identityOutcome(tables.after, before, after),
  }),
});

import { InputDataError } from '@migration-architect/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeDocuments, sqlForChange } from '../src/plan/schema-change-sql.js';
import { KNOWN_CHANGE_TYPES } from '../src/plan/spec-fields.js';
import type { SpecSchemaChange } from '../src/plan/spec-readers.js';
import { databaseSchemaFromJson, loadJsonDatabaseSchema } from '../src/schema/json-schema-loader.js';
import type { DatabaseSchema } from '../src/schema/model.js';

/**
 * The planner loads the documents it writes for a spec change without the JSON format's zod
 * schema when they are already in the validated form. These tests hold that shortcut to the
 * validating loader: same model, or the same error, on any change, and the loader used whenever
 * a value is one the validation would change or reject.
 */

const change = (table: string, entry: Record<string, unknown>): SpecSchemaChange & { table: string } => {
  const type = String(entry['type']).toLowerCase();
  const text = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : null);
  return { table, type, oldType: text('old_type'), newType: text('new_type'), column: text('column'), entry, path: 'schema_changes[0].changes[0]' };
};

type Outcome = { model: DatabaseSchema } | { error: string; location: InputDataError['location'] };

function outcome(load: () => DatabaseSchema): Outcome {
  try {
    return { model: load() };
  } catch (error) {
    if (!(error instanceof InputDataError)) throw error;
    return { error: error.message, location: error.location };
  }
}

const both = (c: SpecSchemaChange & { table: string }) => {
  const docs = changeDocuments(c);
  const source = { file: c.path };
  return {
    docs,
    validated: [outcome(() => loadJsonDatabaseSchema({ tables: docs.before }, source)), outcome(() => loadJsonDatabaseSchema({ tables: docs.after }, source))],
    direct: [outcome(() => databaseSchemaFromJson({ tables: docs.before }, source)), outcome(() => databaseSchemaFromJson({ tables: docs.after }, source))],
  };
};

// Names as specs write them, and the ones the format's validation trims or rejects.
const name = fc.constantFrom('id', 'email', 'user_id', 'Email', 'billing.invoices', ' email', 'email ', ' ', 'a b');
const typeName = fc.constantFrom('text', 'bigint', 'varchar(20)', 'numeric(10,2)', 'timestamptz', 'int[]', ' text', 'text ', ' ');
const reference = fc.constantFrom('users(id)', 'users (id, email)', 'users( id )', 'billing.customers(id)', 'users(id,)', 'users( )');
const entry = fc.record(
  {
    type: fc.constantFrom(...KNOWN_CHANGE_TYPES),
    column: name,
    data_type: typeName,
    nullable: fc.boolean(),
    default: fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(Number.NaN)),
    old_type: typeName,
    new_type: typeName,
    new_name: name,
    constraint_type: fc.constantFrom('check', 'unique', 'foreign_key'),
    constraint_name: name,
    definition: fc.constantFrom('amount >= 0', ' amount >= 0', 'true'),
    columns: fc.array(name, { maxLength: 3 }),
    references: reference,
    index_name: name,
    unique: fc.boolean(),
  },
  { requiredKeys: ['type'] },
);

describe('the documents the planner writes for a spec change', () => {
  it('load to the model (or the error) the validating loader gives, on any change', () => {
    let runs = 0;
    let direct = 0;
    fc.assert(
      fc.property(fc.constantFrom('users', 'billing.invoices'), entry, (table, e) => {
        runs++;
        let result: ReturnType<typeof both>;
        try {
          result = both(change(table, e));
        } catch {
          // A change the writer itself cannot turn into documents (a foreign key without
          // `references`) fails the same way before either loader runs.
          return;
        }
        if (!result.docs.inValidatedForm) return;
        direct++;
        expect(result.direct).toEqual(result.validated);
      }),
      { numRuns: 2000 },
    );
    // Both kinds of change are drawn often: the comparison is not vacuous.
    expect(direct).toBeGreaterThan(runs / 10);
    expect(direct).toBeLessThan(runs);
  });

  it.each([
    ['a column name with surrounding blanks in a unique constraint', { type: 'add_constraint', constraint_type: 'unique', columns: [' email'] }],
    ['a blank index name', { type: 'add_index', columns: ['email'], index_name: ' ' }],
    ['a type with surrounding blanks', { type: 'modify_column', column: 'email', new_type: ' text' }],
    ['a type change without a new type', { type: 'modify_column', column: 'email' }],
    ['a unique constraint dropped without its columns', { type: 'drop_constraint', constraint_type: 'unique', constraint_name: 'users_email_key' }],
    ['a default that is not a scalar', { type: 'add_column', column: 'tags', data_type: 'jsonb', default: ['a'] }],
  ])('goes through the validating loader for %s', (_, e) => {
    expect(changeDocuments(change('users', e)).inValidatedForm).toBe(false);
  });

  it('reports what the validating loader reports for a change it cannot use', () => {
    // The planner turns this error into the plan's warning: its text must not change.
    const c = change('users', { type: 'drop_constraint', constraint_type: 'unique', constraint_name: 'users_email_key' });
    expect(() => sqlForChange(c)).toThrow(InputDataError);
    expect(() => sqlForChange(c)).toThrow(/column/);
  });

  it('does not share the spec entry arrays with the model', () => {
    const columns = ['email'];
    const c = change('users', { type: 'add_constraint', constraint_type: 'unique', columns });
    const docs = changeDocuments(c);
    expect(docs.inValidatedForm).toBe(true);
    const model = databaseSchemaFromJson({ tables: docs.after }, { file: c.path });
    expect(model.tables[0]!.uniques).toEqual([{ name: null, columns: ['email'] }]);
    expect(model.tables[0]!.uniques[0]!.columns).not.toBe(columns);
  });

  it('writes the SQL of a plain change without the validating loader, as the loader would', () => {
    const c = change('users', { type: 'add_index', columns: ['email'], index_name: 'users_email_idx', unique: true });
    const docs = changeDocuments(c);
    expect(docs.inValidatedForm).toBe(true);
    const sql = sqlForChange(c);
    expect(sql?.rule).toBe('unique-index-added');
    expect(sql?.script.script_content).toBe("SET lock_timeout = '5s';\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);");
    expect(sql?.after).toEqual(loadJsonDatabaseSchema({ tables: docs.after }, { file: c.path }));
  });
});

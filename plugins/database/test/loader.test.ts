import { checkCompatibility, InputDataError } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { loadJsonDatabaseSchema } from '../src/index.js';
import { emptyDatabaseSchema } from '../src/schema/model.js';
import { clock, readExample, registry } from './fixtures.js';

const load = (document: unknown) => loadJsonDatabaseSchema(document, { file: 'schema.json' });

function errorOf(document: unknown): InputDataError {
  try {
    load(document);
  } catch (error) {
    if (error instanceof InputDataError) return error;
    throw error;
  }
  throw new Error('expected an InputDataError');
}

const usersWith = (table: Record<string, unknown>) => ({ tables: { users: { columns: { id: { type: 'bigint' }, email: { type: 'text' } }, ...table } } });

describe('loading the JSON schema format', () => {
  it.each([
    [[], undefined, /got an array/],
    [null, undefined, /got null/],
    [{ tables: [] }, 'tables', /expected record/],
    [{ tables: { users: { columns: { x: { type: 5 } } } } }, 'tables.users.columns.x.type', /expected string/],
    [{ tables: { users: { columns: { x: {} } } } }, 'tables.users.columns.x.type', /./],
    [{ tables: { users: { columns: { email: { type: 'varchar', length: -1 } } } } }, 'tables.users.columns.email.length', /above 0/],
    [{ tables: { users: { columns: { email: { type: 'varchar', nullable: 'no' } } } } }, 'tables.users.columns.email.nullable', /boolean/],
    [{ tables: { users: { indexes: {} } } }, 'tables.users.indexes', /array/],
    [
      usersWith({ constraints: { foreign_key: [{ columns: ['id'], references: 'users' }] } }),
      'tables.users.constraints.foreign_key[0].references',
      /table\(column/,
    ],
    [
      usersWith({ constraints: { foreign_key: [{ columns: ['id'], references: 'users(id)', on_delete: 'EXPLODE' }] } }),
      'tables.users.constraints.foreign_key[0].on_delete',
      /CASCADE/,
    ],
    [usersWith({ constraints: { unique: ['nope'] } }), 'tables.users.constraints.unique[0]', /"nope" is not a column/],
    [usersWith({ constraints: { primary_key: ['nope'] } }), 'tables.users.constraints.primary_key', /"nope"/],
    [
      usersWith({
        indexes: [
          { name: 'i', columns: ['email'] },
          { name: 'i', columns: ['id'] },
        ],
      }),
      'tables.users.indexes[1].name',
      /defined twice/,
    ],
    [
      usersWith({ constraints: { foreign_key: [{ columns: ['id', 'email'], references: 'users(id)' }] } }),
      'tables.users.constraints.foreign_key[0].references',
      /2 column/,
    ],
    [{ views: { v: { definition: 3 } } }, 'views.v.definition', /string/],
    [
      {
        procedures: [
          { name: 'p', parameters: ['a int'] },
          { name: 'p', parameters: ['b integer'] },
        ],
      },
      'procedures[1].name',
      /p\(integer\) is defined twice/,
    ],
    [{ tables: { 'my table': { columns: { 'col.1': { type: [] } } } } }, 'tables["my table"].columns["col.1"].type', /./],
  ])('%j → %s', (document, path, message) => {
    const error = errorOf(document);
    expect(error.location.path).toBe(path);
    expect(error.location.file).toBe('schema.json');
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(65);
  });

  it('reports the file when called through the engine', async () => {
    await expect(
      checkCompatibility(registry, {
        type: 'database',
        before: { document: { tables: [] }, name: 'old.json' },
        after: { document: {}, name: 'new.json' },
        clock,
      }),
    ).rejects.toThrow(expect.objectContaining({ location: expect.objectContaining({ file: 'old.json', path: 'tables' }) }));
  });

  it('accepts a document with no sections, and unknown keys', () => {
    expect(load({})).toEqual(emptyDatabaseSchema());
    expect(load({ schema_version: '1.0', tables: { t: { columns: { a: { type: 'int', extra: 1 } } } } }).tables).toHaveLength(1);
  });

  it('normalizes the seed sample', () => {
    const model = load(readExample('database_schema_before.json'));
    expect(model.tables.map((t) => t.key)).toEqual(['users', 'user_profiles', 'user_sessions']);
    const users = model.tables[0]!;
    expect(users.primaryKey).toEqual({ name: null, columns: ['id'] });
    // username / email are unique both as column flags and in the constraints list: one constraint each.
    expect(users.uniques).toEqual([
      { name: null, columns: ['username'] },
      { name: null, columns: ['email'] },
    ]);
    expect(users.columns.find((c) => c.name === 'id')).toMatchObject({ identity: 'by_default', nullable: false });
    expect(users.columns.find((c) => c.name === 'is_active')!.default).toEqual({ kind: 'literal', value: true });
    expect(users.columns.find((c) => c.name === 'updated_at')).toMatchObject({
      default: { kind: 'expression', sql: 'CURRENT_TIMESTAMP' },
      onUpdate: 'CURRENT_TIMESTAMP',
    });
    const fk = model.tables[1]!.foreignKeys[0]!;
    expect(fk).toEqual({ name: null, columns: ['user_id'], references: { schema: null, name: 'users', columns: ['id'] }, onDelete: 'CASCADE', onUpdate: null });
    expect(model.routines[0]).toMatchObject({ name: 'cleanup_expired_sessions', kind: 'procedure', parameters: [] });
  });

  it('reads qualified names, shorthand forms and routine parameters', () => {
    const model = load({
      tables: {
        'billing.invoices': {
          columns: { id: { type: 'serial', primary_key: true }, customer_id: { type: 'int' }, code: { type: 'text', unique: true } },
          constraints: { foreign_key: [{ columns: 'customer_id', references: { table: 'crm.customers', columns: 'id' }, on_delete: 'set null' }] },
          indexes: [
            { columns: ['lower(code)'], method: 'BTREE' },
            { name: 'inv_gin', columns: ['code'], method: 'gin', where: 'code IS NOT NULL' },
          ],
        },
      },
      functions: [
        {
          name: 'total',
          parameters: ['IN customer_id integer', 'double precision', { name: 'since', type: 'timestamptz' }],
          returns: 'numeric',
          definition: 'SELECT 1',
        },
      ],
    });
    const table = model.tables[0]!;
    expect(table).toMatchObject({ schema: 'billing', name: 'invoices' });
    expect(table.columns[0]).toMatchObject({ identity: 'serial', nullable: false, type: { name: 'integer' } });
    expect(table.uniques).toEqual([{ name: null, columns: ['code'] }]);
    expect(table.foreignKeys[0]).toMatchObject({ references: { schema: 'crm', name: 'customers', columns: ['id'] }, onDelete: 'SET NULL' });
    expect(table.indexes).toEqual([
      { name: 'invoices_expr_idx', columns: ['lower(code)'], unique: false, predicate: null, method: null },
      { name: 'inv_gin', columns: ['code'], unique: false, predicate: 'code IS NOT NULL', method: 'gin' },
    ]);
    expect(model.routines[0]!.parameters.map((p) => [p.mode, p.name, p.type.name])).toEqual([
      ['in', 'customer_id', 'integer'],
      [null, null, 'double precision'],
      [null, 'since', 'timestamptz'],
    ]);
  });
});

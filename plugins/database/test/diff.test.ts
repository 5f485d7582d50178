import { describe, expect, it } from 'vitest';
import { diffDatabaseSchemas, loadJsonDatabaseSchema } from '../src/index.js';
import { readExample } from './fixtures.js';

const load = (document: unknown) => loadJsonDatabaseSchema(document, { file: 'x.json' });
const diff = (before: unknown, after: unknown) => diffDatabaseSchemas(load(before), load(after));

describe('diff', () => {
  it('finds nothing between a schema and itself', () => {
    for (const file of ['database_schema_before.json', 'database_schema_after.json']) {
      expect(diff(readExample(file), readExample(file))).toEqual([]);
    }
  });

  it('ignores spelling differences of the same schema', () => {
    const before = {
      tables: {
        t: {
          columns: {
            a: { type: 'int4', default: "'5'::integer" },
            b: { type: 'character varying(20)', default: "'web'::character varying" },
            c: { type: 'timestamp without time zone', default: 'now()' },
          },
          constraints: { check: ['LENGTH( b ) > 0'] },
          indexes: [{ name: 'i', columns: ['b'], method: 'btree' }],
        },
      },
      views: { v: { definition: 'SELECT a FROM t;', columns: ['a'] } },
    };
    const after = {
      tables: {
        t: {
          columns: { a: { type: 'INTEGER', default: 5 }, b: { type: 'varchar', length: 20, default: 'web' }, c: { type: 'timestamp', default: 'NOW()' } },
          constraints: { check: ['length(b)>0'] },
          indexes: [{ name: 'i', columns: ['b'] }],
        },
      },
      views: { v: { definition: 'select a from t', columns: ['a'] } },
    };
    expect(diff(before, after)).toEqual([]);
  });

  it("folds a new table's columns and indexes into one table.added", () => {
    const changes = diff({}, { tables: { t: { columns: { a: { type: 'int' } }, indexes: [{ name: 'i', columns: ['a'] }] } } });
    expect(changes.map((c) => c.kind)).toEqual(['table.added']);
  });

  it('orders changes so scripts can run top to bottom: expand, then views and routines, then contract', () => {
    const before = {
      tables: { old: { columns: { a: { type: 'int' } } }, t: { columns: { a: { type: 'int' }, gone: { type: 'int' } } } },
      views: { v: { definition: 'SELECT a, gone FROM t', columns: ['a', 'gone'] } },
    };
    const after = {
      tables: { t: { columns: { a: { type: 'bigint' }, added: { type: 'int' } } }, fresh: { columns: { a: { type: 'int' } } } },
      views: { v: { definition: 'SELECT a FROM t', columns: ['a'] } },
    };
    expect(diff(before, after).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'table.added tables.fresh',
      'column.added tables.t.columns.added',
      'column.type_changed tables.t.columns.a.type',
      'view.changed views.v',
      'column.removed tables.t.columns.gone',
      'table.removed tables.old',
      // Same shape dropped and added: reported as possible renames, besides the drop and the add.
      'table.possibly_renamed tables.fresh',
      'column.possibly_renamed tables.t.columns.added',
    ]);
  });

  it('pairs constraints: same name or same columns is a modification, otherwise removal plus addition', () => {
    const table = (constraints: Record<string, unknown>) => ({ tables: { t: { columns: { a: { type: 'int' }, b: { type: 'int' } }, constraints } } });
    expect(diff(table({ check: ['a > 0'] }), table({ check: ['a > 1'] })).map((c) => c.kind)).toEqual(['constraint.removed', 'constraint.added']);
    expect(diff(table({ check: [{ name: 'k', expression: 'a > 0' }] }), table({ check: [{ name: 'k', expression: 'a > 1' }] })).map((c) => c.kind)).toEqual([
      'constraint.modified',
    ]);
    expect(
      diff(
        table({ foreign_key: [{ columns: ['a'], references: 'x(id)' }] }),
        table({ foreign_key: [{ columns: ['a'], references: 'x(id)', on_delete: 'CASCADE' }] }),
      ).map((c) => [c.kind, (c.details as Record<string, unknown>)['constraintType']]),
    ).toEqual([['constraint.modified', 'foreign_key']]);
    // NO ACTION is the default: spelling it out is no change.
    expect(
      diff(
        table({ foreign_key: [{ columns: ['a'], references: 'x(id)' }] }),
        table({ foreign_key: [{ columns: ['a'], references: 'x(id)', on_delete: 'no action' }] }),
      ),
    ).toEqual([]);
    expect(diff(table({ unique: [['a', 'b']] }), table({ unique: [['b', 'a']] }))).toEqual([]);
  });

  it('reports a routine whose only overload changed arguments as one signature change', () => {
    const changes = diff(
      { procedures: [{ name: 'p', parameters: ['a int'], definition: 'SELECT 1' }] },
      { procedures: [{ name: 'p', parameters: ['a bigint'], definition: 'SELECT 1' }] },
    );
    expect(changes.map((c) => [c.kind, c.before, c.after])).toEqual([['routine.changed', 'p(integer)', 'p(bigint)']]);
  });

  it("uses the seed's dotted paths", () => {
    const paths = diff(readExample('database_schema_before.json'), readExample('database_schema_after.json')).map((c) => c.path);
    expect(paths).toContain('tables.users.columns.email.length');
    expect(paths).toContain('tables.users.constraints.check');
    expect(paths).toContain('tables.user_preferences');
    expect(paths).toContain('views.verified_users');
    expect(paths).toContain('procedures.get_user_with_profile');
  });
});

import { describe, expect, it } from 'vitest';
import { readPostgresqlSql } from '../src/sources/postgresql-sql/postgresql-sql-source.js';
import { StatementLines } from '../src/sources/postgresql-sql/statement-lines.js';
import { checkSql } from './sql-fixtures.js';

describe('statement lines', () => {
  it('gives the line of the first keyword, after blank lines and comments', () => {
    const text = 'SELECT 1;\n\n-- note\n/* block\n comment */\n  CREATE TABLE t (id int);';
    const lines = new StatementLines(text);
    expect(lines.statementLine(text.indexOf(';') + 1)).toBe(6);
    expect(lines.lineAt(0)).toBe(1);
  });
});

describe('reading statements', () => {
  it('deparses defaults, checks and index expressions to one canonical SQL', async () => {
    const model = await readPostgresqlSql(
      `CREATE TABLE t (
        a integer DEFAULT -1 CHECK (a BETWEEN -5 AND 5),
        b boolean NOT NULL DEFAULT false,
        c timestamptz DEFAULT CURRENT_TIMESTAMP,
        d jsonb DEFAULT '{}'::jsonb,
        e text COLLATE "C" CHECK (e IS NOT NULL AND (e <> '' OR e ILIKE 'x%')),
        f numeric(8,3)[],
        g int GENERATED ALWAYS AS (a * 2) STORED
      );
      CREATE INDEX t_e ON t USING gin (lower(e) DESC NULLS LAST) WHERE a IN (1, 2);`,
      't.sql',
    );
    const table = model.tables[0]!;
    expect(table.columns.map((c) => c.default)).toEqual([
      { kind: 'literal', value: -1 },
      { kind: 'literal', value: false },
      { kind: 'expression', sql: 'CURRENT_TIMESTAMP', canonical: expect.any(String) },
      { kind: 'literal', value: '{}' },
      null,
      null,
      null,
    ]);
    expect(table.checks.map((c) => c.expression)).toEqual(['a BETWEEN -5 AND 5', "(e IS NOT NULL) AND ((e <> '') OR (e ILIKE 'x%'))"]);
    expect(table.columns[5]!.type).toMatchObject({ name: 'numeric', precision: 8, scale: 3, arrayDimensions: 1 });
    expect(table.columns[6]!.generated).toBe('a * 2');
    expect(table.indexes[0]).toMatchObject({ columns: ['lower(e) DESC NULLS LAST'], predicate: 'a IN (1, 2)', method: 'gin' });
  });

  it('applies ALTER TYPE … ADD VALUE BEFORE/AFTER, DROP, RENAME and partitions in order', async () => {
    const model = await readPostgresqlSql(
      `CREATE TYPE s AS ENUM ('a', 'c');
       ALTER TYPE s ADD VALUE 'b' BEFORE 'c';
       ALTER TYPE s ADD VALUE 'd' AFTER 'c';
       CREATE TABLE gone (id int);
       DROP TABLE gone;
       CREATE TABLE p (id int, at date) PARTITION BY RANGE (at);
       ALTER TABLE p RENAME COLUMN at TO day;
       CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');`,
      'x.sql',
    );
    expect(model.enums[0]!.values).toEqual(['a', 'b', 'c', 'd']);
    expect(model.tables.map((t) => [t.key, t.columns.map((c) => c.name)])).toEqual([
      ['p', ['id', 'day']],
      ['p1', ['id', 'day']],
    ]);
  });

  it('materialized views go through the view rules', async () => {
    const report = await checkSql(
      'CREATE TABLE t (a int, b int);\nCREATE MATERIALIZED VIEW m AS SELECT a FROM t;',
      'CREATE TABLE t (a int, b int);\nCREATE MATERIALIZED VIEW m AS SELECT a FROM t WHERE b > 0;',
    );
    expect(report.issues.map((i) => [i.rule, i.location?.line])).toEqual([['database/view-definition-changed', 2]]);
  });
});

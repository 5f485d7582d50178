import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canonicalExpression, fetchExpression } from '../src/engines/postgres/postgres-expressions.js';
import type { SideColumn } from '../src/engines/engine-side.js';
import { canonicalValue } from '../src/normalization/canonical-value.js';
import { postgresFamily } from '../src/schema/column-family.js';
import type { Family } from '../src/schema/column-family.js';
import { createDatabase } from './planted-data.js';

/**
 * The row hash of a cross-engine comparison is computed in SQL on PostgreSQL and in JavaScript on
 * SQLite; both must produce the same canonical text for the same value. Checked here on awkward
 * values of every type: SQL canonical text = canonicalValue(the value's text output).
 */
const server = inject('postgresUrl');
let db: { url: string; drop: () => Promise<void> };
let client: pg.Client;

const COLUMNS: [string, string, string[]][] = [
  ['i8', 'bigint', ['0', '-9223372036854775808', '9223372036854775807', '42']],
  ['i2', 'smallint', ['-32768', '7']],
  ['n', 'numeric(12,4)', ['0', '-0.00005', '0.00005', '12345678.9999', '-1.23455']],
  ['nu', 'numeric', ['0.10', '1e20', '-0.000', "'NaN'", '123.4500']],
  ['f8', 'double precision', ['0', "'-0'", '0.1', '1e300', '-2.5e-300', "'Infinity'", "'-Infinity'", "'NaN'", '0.30000000000000004', '123456789.123456789']],
  ['f4', 'real', ['0.1', '3.4e38', '-1.5']],
  ['b', 'boolean', ['true', 'false']],
  ['t', 'text', ["''", "'plain'", "'ünïcödé 😀'", "'N'", "'V3:abc'", "'with '' quote'"]],
  ['u', 'uuid', ["'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'"]],
  [
    'ts',
    'timestamp(6)',
    [
      "'2024-01-02 03:04:05.678901'",
      "'1969-12-31 23:59:59.999999'",
      "'infinity'",
      "'-infinity'",
      "'0001-01-01 00:00:00'",
      "'1899-12-31 23:59:59.999999'",
      "'2100-01-01 00:00:00.000001'",
    ],
  ],
  ['tz', 'timestamptz', ["'2024-01-02 03:04:05.678901+05:30'", "'2000-02-29 12:00:00-08'"]],
  ['d', 'date', ["'2024-02-29'", "'1900-01-01'", "'infinity'"]],
  ['tm', 'time(3)', ["'23:59:59.999'", "'00:00:00'"]],
  ['by', 'bytea', ["'\\x'", "'\\x00ff10'"]],
  ['j', 'jsonb', ['\'{"b": 1, "a": [1, 2]}\'']],
];

/** Pairings a PostgreSQL column meets when the other side is another type or SQLite. */
const PAIRINGS: Record<string, { family: Family; scale?: number | null; precision?: number | null }[]> = {
  n: [
    { family: 'decimal', scale: 2 },
    { family: 'decimal', scale: 0 },
  ],
  nu: [{ family: 'decimal', scale: null }, { family: 'float' }],
  f8: [{ family: 'decimal', scale: 2 }],
  i8: [{ family: 'float' }, { family: 'boolean' }, { family: 'decimal', scale: 2 }],
  ts: [
    { family: 'timestamp', precision: 3 },
    { family: 'timestamp', precision: 0 },
  ],
  tz: [{ family: 'timestamp', precision: 3 }],
  d: [{ family: 'timestamp', precision: 3 }],
  t: [{ family: 'uuid' }, { family: 'bytes' }],
};

beforeAll(async () => {
  db = await createDatabase(server);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; SET bytea_output = 'hex'");
  await client.query(`CREATE TABLE v (${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`);
  const rows = Math.max(...COLUMNS.map(([, , values]) => values.length));
  for (let r = 0; r < rows; r++) {
    await client.query(
      `INSERT INTO v VALUES (${COLUMNS.map(([, type, values]) => (values[r] === undefined ? 'NULL' : `(${values[r]})::${type}`)).join(', ')})`,
    );
  }
  await client.query('INSERT INTO v DEFAULT VALUES');
});

afterAll(async () => {
  await client.end();
  await db.drop();
});

function sideColumn(name: string, type: string, pair: { family: Family; scale?: number | null; precision?: number | null }): SideColumn {
  const shape = { name, declaredType: type, ...postgresFamily(type), nativeHash: true, collation: null, nullable: true };
  return { name, shape, pair: { family: pair.family, scale: pair.scale ?? null, precision: pair.precision ?? null }, hashKind: 'canonical' };
}

describe('PostgreSQL canonical SQL = JavaScript canonical', () => {
  for (const [name, type] of COLUMNS) {
    const own = postgresFamily(type);
    for (const pair of [{ family: own.family, scale: own.scale, precision: own.precision }, ...(PAIRINGS[name] ?? [])]) {
      for (const tolerance of pair.family === 'float' ? [0, 1e-9] : [0]) {
        it(`${type} as ${pair.family}${pair.scale != null ? `(${pair.scale})` : ''}${pair.precision != null ? ` p${pair.precision}` : ''}${tolerance ? ' ±1e-9' : ''}`, async () => {
          const c = sideColumn(name, type, pair);
          const { rows } = await client.query({ text: `SELECT ${canonicalExpression(c, tolerance)}, ${fetchExpression(c)} FROM v`, rowMode: 'array' });
          expect(rows.length).toBeGreaterThan(1);
          for (const [sql, text] of rows as [string | null, string | null][]) expect(canonicalValue(text, c, 'postgres', tolerance)).toBe(sql);
        });
      }
    }
  }
});

describe('PostgreSQL canonical timestamps, pinned', () => {
  // Microseconds since 1970 worked out by hand (Python's datetime), on both sides of the years
  // 1900 and 2100 where the expression switches between date_part() and extract().
  const cases: [string, number, string][] = [
    ['2024-01-02 03:04:05.678901', 6, '1704164645678901'],
    ['2024-01-02 03:04:05.678901', 3, '1704164645678'],
    ['1969-12-31 23:59:59.999999', 6, '-1'],
    ['1969-12-31 23:59:59.999999', 0, '-1'],
    ['1899-12-31 23:59:59.999999', 6, '-2208988800000001'],
    ['1899-12-31 23:59:59.999999', 3, '-2208988800001'],
    ['1900-01-01 00:00:00', 6, '-2208988800000000'],
    ['2099-12-31 23:59:59.999999', 6, '4102444799999999'],
    ['2099-12-31 23:59:59.999999', 0, '4102444799'],
    ['2100-01-01 00:00:00.000001', 6, '4102444800000001'],
  ];
  it('gives the exact microsecond (or millisecond, second) count', async () => {
    for (const [text, precision, expected] of cases) {
      const c = sideColumn('x', 'timestamp(6)', { family: 'timestamp', precision });
      const { rows } = await client.query({
        text: `SELECT ${canonicalExpression(c, 0)} FROM (SELECT $1::timestamp(6) AS x) s`,
        values: [text],
        rowMode: 'array',
      });
      expect(rows[0]![0], `${text} p${precision}`).toBe(expected);
    }
  });
});

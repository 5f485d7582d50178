import fc from 'fast-check';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CRC_PROBES, mysqlTextHash } from '../src/engines/mysql/mysql-expressions.js';
import { crc32PairText, crc32PairValue } from '../src/hashing/crc32-pair.js';
import { RowTextFields } from '../src/hashing/row-text-fields.js';
import { canonicalRowText, writeSqliteCanonicalRow } from '../src/normalization/canonical-row.js';
import type { CanonicalColumn } from '../src/normalization/canonical-value.js';
import { createMariadbDatabase } from './mariadb-data.js';

/** The CRC pair (CRC32 << 32 | CRC32C) in JavaScript against MariaDB's own functions, in the expression the rows use. */

const server = inject('mariadbUrl');
const drops: (() => Promise<void>)[] = [];
let connection: mysql.Connection;

const js = (text: string): string => {
  const out: [number, number] = [0, 0];
  crc32PairText(text, out);
  return crc32PairValue(out).toString();
};

/** Every length around the 4-byte steps, multibyte UTF-8 that straddles them, and a long text. */
const AWKWARD = [
  ...Array.from({ length: 20 }, (_, n) => 'abcdefghijklmnopqrstuvwxyz'.slice(0, n + 1)),
  'é',
  'xxxé',
  'xx€',
  'xxx😀',
  'Ünïcödé ✓ 中文 𝄞',
  '\u0001\u007f',
  'V2:abNV16:3ff0000000000000',
  'long '.repeat(2000),
  ...CRC_PROBES,
];

/** The server's values, one row per text in order: the user variable the expression reads must follow each row. */
async function serverHashes(texts: string[]): Promise<{ each: string[]; sum: string }> {
  const rows = texts.map((_, i) => `SELECT ${i} AS i, CONVERT(? USING utf8mb4) AS x`).join(' UNION ALL ');
  const [each] = (await connection.query({
    sql: `SELECT CAST(${mysqlTextHash('x', 'crc')} AS CHAR) FROM (${rows}) v ORDER BY i`,
    values: texts,
    rowsAsArray: true,
  })) as [unknown[][], unknown];
  const [[[sum]]] = (await connection.query({
    sql: `SELECT CAST(SUM(h) AS CHAR) FROM (SELECT ${mysqlTextHash('x', 'crc')} AS h FROM (${rows}) v) s`,
    values: texts,
    rowsAsArray: true,
  })) as [[[unknown]], unknown];
  return { each: each.map((r) => String(r[0])), sum: String(sum) };
}

beforeAll(async () => {
  const db = await createMariadbDatabase(server);
  drops.push(db.drop);
  connection = await mysql.createConnection({ uri: db.url });
  await connection.query('SET NAMES utf8mb4');
});

afterAll(async () => {
  await connection?.end();
  for (const drop of drops) await drop();
});

describe('the CRC pair in JavaScript and in MariaDB', () => {
  it('gives values a real MariaDB gave (pinned)', () => {
    expect(js('migration-architect crc probe')).toBe(PINNED.probe);
    expect(js('zürich')).toBe('2069000107668106053');
    expect(js('')).toBe('0');
  });

  it('matches the server row by row and summed, on awkward texts', async () => {
    const server = await serverHashes(AWKWARD);
    expect(AWKWARD.map(js)).toEqual(server.each);
    expect(AWKWARD.reduce((sum, t) => sum + BigInt(js(t)), 0n).toString()).toBe(server.sum);
  });

  it('matches the server on arbitrary text', async () => {
    const texts = fc.sample(fc.string({ unit: 'grapheme', maxLength: 60 }), { numRuns: 300, seed: 21 }).filter((t) => !t.includes('\u0000'));
    expect(texts.map(js)).toEqual((await serverHashes(texts)).each);
  });

  it('hashes the row written field by field exactly as the text canonicalRowText() spells', () => {
    const columns: CanonicalColumn[] = ['integer', 'float', 'text', 'decimal'].map((family) => ({
      pair: { family: family as CanonicalColumn['pair']['family'], scale: 2, precision: 6 },
      shape: { family: family as CanonicalColumn['shape']['family'] },
    }));
    const row = fc.tuple(
      fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
      fc.option(fc.double()),
      fc.option(fc.string({ unit: 'grapheme', maxLength: 30 })),
      fc.option(fc.constantFrom('1.5', '-0.01', '12345678901234567890.12')),
    );
    const fields = new RowTextFields('crc');
    fc.assert(
      fc.property(row, (values) => {
        const direct: [number, number] = [0, 0];
        fields.reset();
        writeSqliteCanonicalRow(values, columns, 0, fields);
        fields.finish(direct);
        const viaText: [number, number] = [0, 0];
        crc32PairText(canonicalRowText(values, columns, 'sqlite', 0), viaText);
        expect(direct).toEqual(viaText);
      }),
      { numRuns: 1000 },
    );
  });
});

// From MariaDB 10.11: SELECT CRC32(t) << 32 | CRC32C(t).
const PINNED = { probe: '10897324879788679084' };

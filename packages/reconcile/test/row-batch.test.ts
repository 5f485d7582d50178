import { describe, expect, it } from 'vitest';
import type { RawValue } from '../src/normalization/canonical-value.js';
import { readRowBatch, RowBatchWriter } from '../src/engines/sqlite/row-batch.js';
import { seededRandom } from './seeded-random.js';

const seed = Number(process.env.RECONCILE_TEST_SEED ?? Date.now() % 1_000_000);
const replay = `replay with RECONCILE_TEST_SEED=${seed}`;

const EDGES: RawValue[] = [
  null,
  0n,
  -1n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  0.1,
  '',
  'naïve — 日本語 😀',
  '\u0000 inside',
  new Uint8Array(0),
  new Uint8Array([0, 255, 1, 128]),
];

function randomValue(r: () => number): RawValue {
  const kind = Math.floor(r() * 6);
  if (kind === 0) return EDGES[Math.floor(r() * EDGES.length)]!;
  if (kind === 1) return BigInt.asIntN(64, BigInt(Math.floor(r() * 2 ** 32)) * BigInt(Math.floor(r() * 2 ** 32)) - 2n ** 62n);
  if (kind === 2) return (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
  if (kind === 3) {
    const length = Math.floor(r() * 200);
    // Code points from every UTF-8 length, surrogate pairs included (never a lone surrogate: SQLite text is UTF-8).
    return Array.from({ length }, () => {
      const band = r();
      const code =
        band < 0.5
          ? 32 + Math.floor(r() * 95)
          : band < 0.7
            ? 0x80 + Math.floor(r() * 0x780)
            : band < 0.9
              ? 0xe000 + Math.floor(r() * 0x1000)
              : 0x10000 + Math.floor(r() * 0xfffff);
      return String.fromCodePoint(code);
    }).join('');
  }
  if (kind === 4) return Uint8Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * 256));
  return null;
}

describe('rows packed into one transferred buffer (SQLite worker → main thread)', () => {
  it('gives back every value exactly as read, in every kind SQLite hands over', () => {
    const r = seededRandom(seed);
    const width = 1 + Math.floor(r() * 8);
    // Enough rows to outgrow the first buffer several times.
    const rows = Array.from({ length: 3_000 }, () => Array.from({ length: width }, () => randomValue(r)));
    rows.push(
      EDGES.slice(0, width),
      Array.from({ length: width }, (_, i) => EDGES[(EDGES.length - 1 - i) % EDGES.length]!),
    );
    const writer = new RowBatchWriter(width);
    writer.addAll(rows);
    const batch = writer.finish();
    expect(batch.buffer.byteLength, replay).toBe(batch.length);
    const back = readRowBatch(structuredClone(batch, { transfer: [batch.buffer] }));
    expect(back.length, replay).toBe(rows.length);
    for (let i = 0; i < rows.length; i++) {
      for (let c = 0; c < width; c++) {
        const [sent, got] = [rows[i]![c]!, back[i]![c]!];
        const where = `row ${i} column ${c}; ${replay}`;
        if (sent instanceof Uint8Array) {
          expect(got, where).toBeInstanceOf(Uint8Array);
          expect([...(got as Uint8Array)], where).toEqual([...sent]);
        } else if (typeof sent === 'number') {
          expect(typeof got, where).toBe('number');
          expect(Object.is(got, sent), `${where}: ${sent} came back as ${String(got)}`).toBe(true);
        } else expect(got, where).toBe(sent);
      }
    }
  });

  it('counts value bytes as --stats does (UTF-8 text, BLOB bytes, 8 per number, 1 per NULL)', () => {
    const writer = new RowBatchWriter(4);
    writer.add([1n, 'é€', null, new Uint8Array(3)]);
    writer.add([0.5, '', null, 'abc']);
    expect(writer.valueBytes).toBe(8 + 5 + 1 + 3 + 8 + 0 + 1 + 3);
    expect(readRowBatch(writer.finish())).toEqual([
      [1n, 'é€', null, new Uint8Array(3)],
      [0.5, '', null, 'abc'],
    ]);
  });

  it('refuses a row of another width and values SQLite never hands over', () => {
    const writer = new RowBatchWriter(2);
    expect(() => writer.add([1n])).toThrow(/row of 1 values in a batch of 2/);
    expect(() => writer.add([1n, true])).toThrow(/cannot pack a boolean/);
  });

  it('detects a truncated batch', () => {
    const writer = new RowBatchWriter(1);
    writer.add(['hello']);
    const batch = writer.finish();
    expect(() => readRowBatch({ ...batch, rows: 2 })).toThrow();
    expect(() => readRowBatch({ ...batch, length: batch.length + 1, buffer: new ArrayBuffer(batch.length + 1) })).toThrow(/corrupt row batch/);
  });
});

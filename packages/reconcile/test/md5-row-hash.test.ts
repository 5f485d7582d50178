import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5Halves } from '../src/hashing/md5-row-hash.js';
import { RowTextFields } from '../src/hashing/row-text-fields.js';
import { canonicalRowText, writeSqliteCanonicalRow } from '../src/normalization/canonical-row.js';
import type { CanonicalColumn } from '../src/normalization/canonical-value.js';

const halvesOf = (text: string): string => {
  const out: [number, number] = [0, 0];
  md5Halves(text, out);
  return out[0].toString(16).padStart(8, '0') + out[1].toString(16).padStart(8, '0');
};

describe('md5 row hash (written out, no node:crypto call per row)', () => {
  it('gives the first 8 bytes of the RFC 1321 test digests', () => {
    // RFC 1321, appendix A.5.
    expect(halvesOf('')).toBe('d41d8cd98f00b204');
    expect(halvesOf('abc')).toBe('900150983cd24fb0');
    expect(halvesOf('message digest')).toBe('f96b697d7cb7938d');
    expect(halvesOf('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe('57edf4a22be3c955');
  });

  it('hashes UTF-8 bytes, as PostgreSQL md5() does on a UTF8 database', () => {
    // md5('é') in PostgreSQL: 2 bytes c3 a9.
    expect(halvesOf('é')).toBe(
      createHash('md5')
        .update(Buffer.from([0xc3, 0xa9]))
        .digest('hex')
        .slice(0, 16),
    );
    expect(halvesOf('V4:😀')).toBe(createHash('md5').update('V4:😀', 'utf8').digest('hex').slice(0, 16));
  });

  it('agrees with node:crypto at every padding boundary and on arbitrary text', () => {
    for (let n = 0; n < 200; n++) {
      const text = 'x'.repeat(n);
      expect(halvesOf(text), `length ${n}`).toBe(createHash('md5').update(text).digest('hex').slice(0, 16));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(halvesOf(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex').slice(0, 16));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('SQLite canonical row written straight into the digest', () => {
  const families = ['integer', 'float', 'timestamp', 'text', 'decimal', 'boolean', 'date'] as const;
  const value = fc.oneof(
    fc.constant(null),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.bigInt({ min: -(2n ** 53n) - 2n, max: 2n ** 53n + 2n }),
    fc.double(),
    fc.constantFrom(-0, 0.1, 1e21, 5e-324, Number.NaN, 0.005, -0.005, 2 ** 52 / 100, 45035996273704.95, 1e15 + 0.5),
    // Decimals as SQLite stores them (REAL): the scaled fast path, and its edges near 2^52.
    fc
      .bigInt({ min: -(2n ** 53n), max: 2n ** 53n })
      .chain((i) => fc.constantFrom(Number(i) / 100, Number(i) / 10, Number(i) / 1000, Number(i) / 10_000, Number(i / 1000n) / 100)),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .date({ min: new Date('1600-01-01'), max: new Date('2400-01-01'), noInvalidDate: true })
      .chain((d) => fc.constantFrom(d.toISOString().replace('T', ' ').replace('Z', ''), d.toISOString().slice(0, 19), d.toISOString().slice(0, 22))),
    fc.constantFrom('0000-00-00 00:00:00', 'infinity', '2024-02-30 10:00:00', '2024-01-02 03:04:05.1234567', '2024-01-02T03:04:05+02'),
  );
  const column = fc.record({
    family: fc.constantFrom(...families),
    precision: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    scale: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  });

  it('gives the digest of canonicalRowText() for any row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(column, value), { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 0.001), (cells, tolerance) => {
        const columns: CanonicalColumn[] = cells.map(([c]) => ({
          pair: { family: c.family, scale: c.scale, precision: c.precision },
          shape: { family: c.family },
        }));
        const values = cells.map(([, v]) => v);
        const fields = new RowTextFields('md5');
        const direct: [number, number] = [0, 0];
        fields.reset();
        writeSqliteCanonicalRow(values, columns, tolerance, fields);
        fields.finish(direct);
        const viaText: [number, number] = [0, 0];
        md5Halves(canonicalRowText(values, columns, 'sqlite', tolerance), viaText);
        expect(direct).toEqual(viaText);
      }),
      { numRuns: 5000 },
    );
  });

  it('writes lengths in UTF-8 bytes, also when they have more digits than the characters', () => {
    const text = 'é'.repeat(8); // 8 characters, 16 bytes
    const fields = new RowTextFields('md5');
    const out: [number, number] = [0, 0];
    fields.text(text);
    fields.finish(out);
    expect(halvesOf(`V16:${text}`)).toBe(out[0].toString(16).padStart(8, '0') + out[1].toString(16).padStart(8, '0'));
  });
});

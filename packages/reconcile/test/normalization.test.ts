import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalValue, floatsEqual, type CanonicalColumn } from '../src/normalization/canonical-value.js';
import { numberText, roundDecimalText, scaledNumberText, trimDecimalText } from '../src/normalization/decimal-text.js';
import { canonicalRowText } from '../src/normalization/canonical-row.js';
import { encodeFields } from '../src/normalization/field-encoding.js';
import { floatCell } from '../src/normalization/float-cell.js';
import { formatMicros, parseTimestampMicros } from '../src/normalization/temporal-text.js';
import { longestIncreasingSubsequence } from '../src/algorithm/longest-increasing-subsequence.js';
import { pairFamilies } from '../src/schema/column-pairing.js';
import { postgresFamily, sqliteFamily } from '../src/schema/column-family.js';
import { HashSum, sumModulo64 } from '../src/hashing/hash-sum.js';
import { TypedRowHash } from '../src/hashing/typed-row-hash.js';

const column = (family: CanonicalColumn['pair']['family'], extra: Partial<CanonicalColumn['pair']> = {}, own = family): CanonicalColumn => ({
  pair: { family, scale: null, precision: null, ...extra },
  shape: { family: own },
});

describe('decimal text', () => {
  it('rounds half away from zero to the scale, like PostgreSQL round(numeric, s)', () => {
    expect(roundDecimalText('12.345', 2)).toBe('12.35');
    expect(roundDecimalText('-12.345', 2)).toBe('-12.35');
    expect(roundDecimalText('1.005', 2)).toBe('1.01');
    expect(roundDecimalText('0.004', 2)).toBe('0.00');
    expect(roundDecimalText('-0.004', 2)).toBe('0.00');
    expect(roundDecimalText('9.995', 2)).toBe('10.00');
    expect(roundDecimalText('12', 2)).toBe('12.00');
    expect(roundDecimalText('1e-7', 2)).toBe('0.00');
    expect(roundDecimalText('1.5e3', 0)).toBe('1500');
    expect(roundDecimalText('0.5', 0)).toBe('1');
    expect(roundDecimalText('abc', 2)).toBeNull();
  });

  it('trims to the shortest plain form', () => {
    expect(trimDecimalText('12.50')).toBe('12.5');
    expect(trimDecimalText('1e21')).toBe('1000000000000000000000');
    expect(trimDecimalText('-0.000')).toBe('0');
    expect(trimDecimalText('100')).toBe('100');
    expect(trimDecimalText('1.2e-3')).toBe('0.0012');
  });
});

describe('decimals stored as doubles', () => {
  it('scaledNumberText equals rounding the shortest text, or declines', () => {
    const check = (value: number, scale: number) => {
      const fast = scaledNumberText(value, scale);
      if (fast !== null) expect(fast, `${value} at scale ${scale}`).toBe(roundDecimalText(numberText(value), scale));
      return fast;
    };
    // Prices as SQLite REALs, negatives, zero and −0, values near 2^52, and doubles that are no short decimal.
    for (const [value, scale] of [
      [12.5, 2],
      [-0.5, 2],
      [0, 2],
      [-0, 2],
      [999.99, 2],
      [0.1, 1],
      [1e15 / 100, 2],
      [4503599627370495, 0],
      [-123456.789, 3],
      [7, 0],
    ] as const)
      expect(check(value, scale)).not.toBeNull();
    expect(check(0.1 + 0.2, 2)).toBeNull();
    expect(check(1.005, 2)).toBeNull();
    expect(check(2 ** 53, 0)).toBeNull();
    expect(check(Number.NaN, 2)).toBeNull();
    expect(check(Number.POSITIVE_INFINITY, 2)).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.oneof(
          fc.double(),
          fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((n) => n / 100),
        ),
        (scale, value) => {
          check(value, scale);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('timestamps', () => {
  it('read as UTC microseconds from the forms SQLite and PostgreSQL write', () => {
    const base = parseTimestampMicros('2024-01-02 03:04:05.678901')!;
    expect(parseTimestampMicros('2024-01-02T03:04:05.678901Z')).toBe(base);
    expect(parseTimestampMicros('2024-01-02 05:04:05.678901+02')).toBe(base);
    expect(parseTimestampMicros('2024-01-02 05:04:05.678901+02:00')).toBe(base);
    expect(parseTimestampMicros('2024-01-01 22:34:05.678901-04:30')).toBe(base);
    expect(parseTimestampMicros('1969-12-31 23:59:59.5')).toBe(-500_000n);
    expect(formatMicros(base)).toBe('2024-01-02 03:04:05.678901');
    expect(parseTimestampMicros('yesterday')).toBeNull();
  });

  it('compare at the coarser precision, cut toward the past', () => {
    const ms = column('timestamp', { precision: 3 });
    expect(canonicalValue('2024-01-02 03:04:05.678901', ms, 'postgres', 0)).toBe(canonicalValue('2024-01-02T03:04:05.678Z', ms, 'sqlite', 0));
    expect(canonicalValue('1969-12-31 23:59:59.9995', ms, 'sqlite', 0)).toBe('-1');
    // SQLite integers are Unix seconds.
    expect(canonicalValue(1704164645n, column('timestamp', { precision: 0 }), 'sqlite', 0)).toBe(
      canonicalValue('2024-01-02 03:04:05', column('timestamp', { precision: 0 }), 'postgres', 0),
    );
  });

  it('any instant round-trips through the text form', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -62_135_596_800_000_000n, max: 253_402_300_799_999_999n }), (micros) => {
        expect(parseTimestampMicros(formatMicros(micros))).toBe(micros);
      }),
    );
  });
});

describe('canonical values', () => {
  it('decimals meet at the smaller scale whatever their storage', () => {
    const money = column('decimal', { scale: 2 });
    expect(canonicalValue(12.5, money, 'sqlite', 0)).toBe('12.50');
    expect(canonicalValue(12n, money, 'sqlite', 0)).toBe('12.00');
    expect(canonicalValue('12.50', money, 'postgres', 0)).toBe('12.50');
    expect(canonicalValue(0.1 + 0.2, money, 'sqlite', 0)).toBe('0.30');
    expect(pairFamilies(postgresFamily('numeric(12,4)'), sqliteFamily('DECIMAL(10,2)'))).toMatchObject({ family: 'decimal', scale: 2 });
  });

  it('booleans, UUIDs, bytes', () => {
    const flag = column('boolean');
    expect([true, 1n, 'true', 't'].map((v) => canonicalValue(v, flag, 'sqlite', 0))).toEqual(['1', '1', '1', '1']);
    expect(canonicalValue(2n, flag, 'sqlite', 0)).toBe('2');
    expect(canonicalValue('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', column('uuid', {}, 'text'), 'sqlite', 0)).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    expect(canonicalValue('\\x0a0b', column('bytes'), 'postgres', 0)).toBe(canonicalValue(new Uint8Array([10, 11]), column('bytes'), 'sqlite', 0));
  });

  it('NULL and the empty string never meet', () => {
    const text = column('text');
    expect(canonicalValue(null, text, 'sqlite', 0)).toBeNull();
    expect(encodeFields([null])).not.toBe(encodeFields(['']));
    expect(encodeFields(['N'])).not.toBe(encodeFields([null]));
  });

  it('a value that does not read as its family never equals a well-formed one', () => {
    expect(canonicalValue('twelve', column('integer'), 'sqlite', 0)).toBe('x:twelve');
    expect(canonicalValue('soon', column('timestamp', { precision: 3 }), 'sqlite', 0)).toBe('x:soon');
  });
});

describe('field encoding', () => {
  it('is injective: different rows never encode alike', () => {
    const field = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 4 }), fc.array(field, { maxLength: 4 }), (a, b) => {
        if (JSON.stringify(a) !== JSON.stringify(b)) expect(encodeFields(a)).not.toBe(encodeFields(b));
      }),
    );
    // data-diff's pipe join makes these two rows hash alike.
    expect(encodeFields(['a|b', 'c'])).not.toBe(encodeFields(['a', 'b|c']));
  });
});

describe('floats', () => {
  it('same grid cell ⇒ equal under the tolerance (an equal hash never hides a difference)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
        fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
        fc.constantFrom(1e-9, 1e-6, 0.5, 10),
        (a, b, tolerance) => {
          if (floatCell(a, tolerance) === floatCell(b, tolerance)) expect(floatsEqual(a, b, tolerance)).toBe(true);
        },
      ),
    );
  });

  it('exact without a tolerance; -0 equals 0', () => {
    expect(floatsEqual(0.1 + 0.2, 0.3, 0)).toBe(false);
    expect(floatsEqual(-0, 0, 0)).toBe(true);
    expect(floatCell(-0, 0)).toBe(floatCell(0, 0));
    expect(floatsEqual(1e-13 + 2, 2, 1e-9)).toBe(true);
    expect(floatsEqual(2.001, 2, 1e-9)).toBe(false);
    // Relative for large values.
    expect(floatsEqual(1e12 + 1e-4, 1e12, 1e-9)).toBe(true);
  });
});

describe('hash sums', () => {
  it('the lane sum equals the exact sum modulo 2^64, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })), { maxLength: 200 }), (halves) => {
        const sum = new HashSum();
        let exact = 0n;
        for (const [high, low] of halves) {
          sum.add(high, low);
          exact += BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low));
        }
        expect(sum.value()).toBe(sumModulo64(exact));
      }),
    );
  });

  it('the typed row hash tells storage classes and NULL apart', () => {
    const hashOf = (...values: unknown[]) => {
      const h = new TypedRowHash();
      for (const v of values) h.value(v);
      const out: [number, number] = [0, 0];
      h.finish(out);
      return out.join(':');
    };
    const distinct = new Set([
      hashOf(1n),
      hashOf(1),
      hashOf('1'),
      hashOf(null),
      hashOf(''),
      hashOf(new Uint8Array([1])),
      hashOf('a', 'b'),
      hashOf('ab'),
      hashOf('ab', null),
    ]);
    expect(distinct.size).toBe(9);
    expect(hashOf(2n ** 60n)).not.toBe(hashOf(2n ** 60n + 1n));
  });
});

describe('bucket bounds', () => {
  it('keeps a longest subsequence sorted in both orders', () => {
    expect(longestIncreasingSubsequence([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
    expect(longestIncreasingSubsequence([3, 0, 1, 2])).toEqual([1, 2, 3]);
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 60 }), (values) => {
        const kept = longestIncreasingSubsequence(values);
        for (let i = 1; i < kept.length; i++) {
          expect(kept[i]!).toBeGreaterThan(kept[i - 1]!);
          expect(values[kept[i]!]!).toBeGreaterThan(values[kept[i - 1]!]!);
        }
      }),
    );
  });
});

describe('fast paths of the hash pass agree with the general parsers', () => {
  // A leading space sends the text through the general parser (which trims); without it, the fast path reads it.
  it('timestamps without a zone, 0 to 6 fraction digits, years 0001-9999', () => {
    const text = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.stringMatching(/^(\.\d{1,6})?$/),
        fc.constantFrom(' ', 'T'),
      )
      .map(
        ([y, mo, d, h, mi, s, f, sep]) =>
          `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${f}`,
      );
    fc.assert(fc.property(text, (t) => parseTimestampMicros(t) === parseTimestampMicros(` ${t}`)));
    expect(parseTimestampMicros('2024-13-01 00:00:00')).toBe(parseTimestampMicros(' 2024-13-01 00:00:00'));
  });

  it('decimals rounded to a scale', () => {
    const text = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
      fc.stringMatching(/^-?(0|[1-9]\d{0,12})(\.\d{1,8})?$/),
    );
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 6 }), (t, scale) => roundDecimalText(t, scale) === roundDecimalText(` ${t}`, scale)));
  });
});

describe('canonicalRowText', () => {
  it('is encodeFields of every canonical value', () => {
    const columns: CanonicalColumn[] = [
      { pair: { family: 'text', scale: null, precision: null }, shape: { family: 'text' } },
      { pair: { family: 'decimal', scale: 2, precision: null }, shape: { family: 'decimal' } },
      { pair: { family: 'timestamp', scale: null, precision: 3 }, shape: { family: 'text' } },
    ];
    const value = fc.oneof(fc.constant(null), fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true }), fc.bigInt());
    fc.assert(
      fc.property(fc.tuple(value, value, value), (row) => {
        const expected = encodeFields(row.map((v, i) => canonicalValue(v, columns[i]!, 'sqlite', 0)));
        expect(canonicalRowText(row, columns, 'sqlite', 0)).toBe(expected);
      }),
    );
  });
});

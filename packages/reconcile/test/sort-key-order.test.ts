import { describe, expect, it } from 'vitest';
import { compareIntegerTexts, compareSortKeys } from '../src/algorithm/sort-key-order.js';
import { seededRandom } from './seeded-random.js';

const seed = Number(process.env.RECONCILE_TEST_SEED ?? Date.now() % 1_000_000);
const replay = `replay with RECONCILE_TEST_SEED=${seed}`;

/** The order as it was defined before: a regular expression, then BigInt subtraction. */
function byBigInt(x: string, y: string): number | null {
  if (!/^-?\d+$/.test(x) || !/^-?\d+$/.test(y)) return null;
  const d = BigInt(x) - BigInt(y);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

function integerText(r: () => number): string {
  const sign = r() < 0.4 ? '-' : '';
  const zeros = r() < 0.2 ? '0'.repeat(Math.floor(r() * 3)) : '';
  const digits = Array.from({ length: 1 + Math.floor(r() * 25) }, () => String(Math.floor(r() * 10))).join('');
  return sign + zeros + (r() < 0.1 ? '0' : digits);
}

function anyText(r: () => number): string {
  const kind = r();
  if (kind < 0.6) return integerText(r);
  if (kind < 0.7) return ['', '-', '1.5', '1e3', ' 1', '+1', '٣', 'abc', '-x'][Math.floor(r() * 9)]!;
  return integerText(r) + (r() < 0.5 ? 'a' : '');
}

describe('the order of differences by key', () => {
  it('compares integer texts by value exactly as BigInt does, and refuses other text', () => {
    const r = seededRandom(seed);
    for (let n = 0; n < 20_000; n++) {
      const [x, y] = [anyText(r), r() < 0.1 ? anyText(r) : anyText(r)];
      expect(compareIntegerTexts(x, y), `${x} vs ${y}; ${replay}`).toBe(byBigInt(x, y));
    }
  });

  it('orders key tuples: NULL first, integers by value, other text by code point', () => {
    expect(compareSortKeys(['9'], ['10'])).toBe(-1);
    expect(compareSortKeys(['-0'], ['0'])).toBe(0);
    expect(compareSortKeys(['007'], ['7'])).toBe(0);
    expect(compareSortKeys([null], ['0'])).toBe(-1);
    expect(compareSortKeys(['b'], ['a'])).toBe(1);
    expect(compareSortKeys(['10', 'b'], ['10', 'a'])).toBe(1);
    expect(compareSortKeys(['9a'], ['10'])).toBe(1);
    expect(compareSortKeys(['1'], ['1', 'x'])).toBe(-1);
  });
});

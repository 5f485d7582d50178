import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedNumber } from '../src/numbers/grouped-number.js';

// One formatter per digit count: toLocaleString would build one per call.
const formatters = Array.from({ length: 9 }, (_, digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));
const icu = (n: number, digits = 3) => formatters[digits]!.format(n);

describe('groupedNumber', () => {
  it('groups and rounds as en-US does', () => {
    expect(groupedNumber(50_000_000)).toBe('50,000,000');
    expect(groupedNumber(1234.5678)).toBe('1,234.568');
    expect(groupedNumber(999.9996)).toBe('1,000');
    expect(groupedNumber(0.25, 1)).toBe('0.3');
    expect(groupedNumber(-0.25, 1)).toBe('-0.3');
    expect(groupedNumber(1.0005)).toBe('1.001');
    expect(groupedNumber(-0)).toBe('-0');
    expect(groupedNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(groupedNumber(1.5e-7)).toBe('0');
  });

  it('gives the text toLocaleString gives, for any number and fraction digits', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 8 }), (n, digits) => {
        expect(groupedNumber(n, digits)).toBe(icu(n, digits));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (whole, scaled, digits) => {
        // Decimals with few digits, where halves and carries happen.
        const n = whole / 10 ** scaled;
        expect(groupedNumber(n, digits)).toBe(icu(n, digits));
      }),
      { numRuns: 5_000 },
    );
  });
});

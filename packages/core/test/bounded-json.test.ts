import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedJson } from '../src/compatibility/bounded-json.js';

describe('bounded JSON preview', () => {
  it('equals JSON.stringify(value, null, 2) cut at the limit, for any JSON value (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat({ max: 600 }), (value, limit) => {
        const full = JSON.stringify(value, null, 2);
        const { text, truncated } = boundedJson(value, limit);
        expect(text).toBe(full.slice(0, limit));
        expect(truncated).toBe(full.length > limit);
      }),
      { numRuns: 300 },
    );
  });

  it('skips undefined properties like JSON.stringify', () => {
    expect(boundedJson({ a: undefined, b: [undefined, 1] }, 100).text).toBe(JSON.stringify({ a: undefined, b: [undefined, 1] }, null, 2));
  });
});

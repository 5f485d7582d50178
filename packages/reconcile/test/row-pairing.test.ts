import { describe, expect, it } from 'vitest';
import { RowPairer } from '../src/algorithm/row-pairing.js';
import type { SideColumn } from '../src/engines/engine-side.js';
import type { ComparePlan } from '../src/plan/compare-plan.js';
import { sqliteFamily } from '../src/schema/column-family.js';

const column = (name: string, type: string): SideColumn => {
  const family = sqliteFamily(type);
  return {
    name,
    shape: { name, declaredType: type, ...family, nativeHash: true, collation: null, nullable: true },
    pair: { family: family.family, scale: family.scale, precision: family.precision },
    hashKind: 'raw',
  };
};
const columns = [column('id', 'INTEGER'), column('v', 'TEXT')];
const plan = { name: 't', key: ['id'], columns: ['v'] } as unknown as ComparePlan;
const side = { engine: 'sqlite' as const, columns };

describe('pairing rows chunk by chunk', () => {
  it('finds the partner of a row the two sides placed in different chunks', () => {
    const pairer = new RowPairer(plan, side, side, 0);
    pairer.add(
      [
        [1n, 'a'],
        [2n, 'b'],
      ],
      [[1n, 'a']],
    );
    pairer.add(
      [[3n, 'c']],
      [
        [2n, 'B'],
        [3n, 'c'],
        [4n, 'd'],
      ],
    );
    const result = pairer.finish();
    expect(result.unchanged).toBe(2);
    expect(result.differences.map((d) => [d.kind, d.key.id, d.columns.map((c) => `${c.column}:${c.source}→${c.target}`)])).toEqual([
      ['changed', '2', ['v:b→B']],
      ['extra', '4', []],
    ]);
  });

  it('with unique keys, pairs rows at the same position at once and groups the rest by key, with the same result', () => {
    const chunks: [unknown[][], unknown[][]][] = [
      // Same keys in the same order, one changed value; then the sides part (a missing row, another order).
      [
        [
          [1n, 'a'],
          [2n, 'b'],
          [3n, 'c'],
          [5n, 'e'],
          [4n, 'd'],
        ],
        [
          [1n, 'a'],
          [2n, 'B'],
          [4n, 'd'],
          [5n, 'e'],
        ],
      ],
      // The partner of 3 comes later; 6 is extra.
      [
        [[7n, 'g']],
        [
          [3n, 'c'],
          [6n, 'f'],
          [7n, 'G'],
        ],
      ],
    ];
    const run = (unique: boolean) => {
      const pairer = new RowPairer(plan, side, side, 0, unique);
      for (const [s, t] of chunks) pairer.add(s as never, t as never);
      const result = pairer.finish();
      return { unchanged: result.unchanged, differences: result.differences.map((d) => [d.kind, d.key.id, d.columns]) };
    };
    expect(run(true)).toEqual(run(false));
    expect(run(true)).toEqual({
      unchanged: 4,
      differences: [
        ['changed', '2', [{ column: 'v', source: 'b', target: 'B' }]],
        ['extra', '6', []],
        ['changed', '7', [{ column: 'v', source: 'g', target: 'G' }]],
      ],
    });
  });

  it('matches duplicate and NULL keys as multisets of whole rows', () => {
    const pairer = new RowPairer(plan, side, side, 0);
    pairer.add(
      [
        [5n, 'x'],
        [5n, 'x'],
        [null, 'n'],
        [null, 'm'],
      ],
      [
        [5n, 'x'],
        [null, 'n'],
      ],
    );
    const result = pairer.finish();
    expect(result.unchanged).toBe(2);
    expect(result.differences.map((d) => [d.kind, d.key.id, d.duplicateKey])).toEqual([
      ['missing', null, true],
      ['missing', '5', true],
    ]);
  });

  it('sorts differences by key value, numbers numerically', () => {
    const pairer = new RowPairer(plan, side, side, 0);
    pairer.add(
      [
        [10n, 'a'],
        [9n, 'a'],
        [100n, 'a'],
      ],
      [],
    );
    expect(pairer.finish().differences.map((d) => d.key.id)).toEqual(['9', '10', '100']);
  });
});

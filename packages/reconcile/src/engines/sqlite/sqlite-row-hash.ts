import type { Database } from 'better-sqlite3';
import { HashSum } from '../../hashing/hash-sum.js';
import { md5Halves } from '../../hashing/md5-row-hash.js';
import { TypedRowHash } from '../../hashing/typed-row-hash.js';
import { canonicalRowText } from '../../normalization/canonical-row.js';
import type { SidePlan } from '../engine-side.js';

export const ROW_HASH_FUNCTION = 'ma_row_hash';

/**
 * Registers the aggregate `ma_row_hash(key..., columns...)`: the sum (mod 2^64) of the row hashes
 * of a range, returned as a 64-bit integer. SQLite has no md5 or 64-bit hash of its own, and its
 * sum() raises on overflow, so hashing and summing both happen here, once per row.
 */
export function registerRowHash(db: Database, plan: SidePlan): void {
  const columns = [...plan.key, ...plan.columns];
  const halves: [number, number] = [0, 0];
  let step: (sum: HashSum, values: unknown[]) => void;
  if (plan.hashMode === 'native') {
    const hasher = new TypedRowHash();
    const cells = columns.map((c) => c.hashKind === 'cell');
    step = (sum, values) => {
      hasher.reset();
      for (let i = 0; i < values.length; i++) {
        if (cells[i]) hasher.cell(values[i], plan.tolerance);
        else hasher.value(values[i]);
      }
      hasher.finish(halves);
      sum.add(halves[0], halves[1]);
    };
  } else {
    // Another engine on the other side: the canonical text, as PostgreSQL builds it in SQL.
    step = (sum, values) => {
      md5Halves(canonicalRowText(values, columns, 'sqlite', plan.tolerance), halves);
      sum.add(halves[0], halves[1]);
    };
  }
  db.aggregate(ROW_HASH_FUNCTION, {
    varargs: true,
    safeIntegers: true,
    start: () => new HashSum(),
    step: (sum: HashSum, ...values: unknown[]) => {
      step(sum, values);
    },
    result: (sum: HashSum) => BigInt.asIntN(64, sum.value()),
  });
}

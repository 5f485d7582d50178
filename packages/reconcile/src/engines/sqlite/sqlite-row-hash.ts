import type { Database } from 'better-sqlite3';
import { HashSum } from '../../hashing/hash-sum.js';
import { RowTextFields } from '../../hashing/row-text-fields.js';
import { TypedRowHash } from '../../hashing/typed-row-hash.js';
import { writeSqliteCanonicalRow } from '../../normalization/canonical-row.js';
import type { SidePlan } from '../engine-side.js';

export const ROW_HASH_FUNCTION = 'ma_row_hash';

/** Hashes one row (key columns, then compared columns) into two uint32 halves. */
export type RowHasher = (values: readonly unknown[], out: [number, number]) => void;

/**
 * The row hash of a plan. Same engine: the typed hash of the stored values. Another engine on the
 * other side: lookup3 or md5 of the canonical text, as PostgreSQL and MySQL build it in SQL.
 */
export function rowHasher(plan: SidePlan): RowHasher {
  const columns = [...plan.key, ...plan.columns];
  if (plan.hashMode === 'native') {
    const hasher = new TypedRowHash();
    const cells = columns.map((c) => c.hashKind === 'cell');
    return (values, out) => {
      hasher.reset();
      for (let i = 0; i < values.length; i++) {
        if (cells[i]) hasher.cell(values[i], plan.tolerance);
        else hasher.value(values[i]);
      }
      hasher.finish(out);
    };
  }
  return canonicalRowHasher(plan);
}

/** The plan's canonical hash (lookup3 or md5) of the canonical row text: across engines, and for tables compared without a key. */
export function canonicalRowHasher(plan: SidePlan): RowHasher {
  const columns = [...plan.key, ...plan.columns];
  const fields = new RowTextFields(plan.canonicalHash);
  return (values, out) => {
    fields.reset();
    writeSqliteCanonicalRow(values, columns, plan.tolerance, fields);
    fields.finish(out);
  };
}

/**
 * Registers the aggregate `ma_row_hash(key..., columns...)`: the sum (mod 2^64) of the row hashes
 * of a range, returned as a 64-bit integer. SQLite has no md5 or 64-bit hash of its own, and its
 * sum() raises on overflow, so hashing and summing both happen here, once per row.
 */
export function registerRowHash(db: Database, plan: SidePlan): void {
  const hash = rowHasher(plan);
  const halves: [number, number] = [0, 0];
  db.aggregate(ROW_HASH_FUNCTION, {
    varargs: true,
    safeIntegers: true,
    start: () => new HashSum(),
    step: (sum: HashSum, ...values: unknown[]) => {
      hash(values, halves);
      sum.add(halves[0], halves[1]);
    },
    result: (sum: HashSum) => BigInt.asIntN(64, sum.value()),
  });
}

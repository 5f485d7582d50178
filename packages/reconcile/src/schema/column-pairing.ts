import type { Family, FamilyOf } from './column-family.js';

/** The family two sides are compared in, and why when it is a fallback. */
export interface Pairing extends FamilyOf {
  warning: string | null;
}

const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

/** Families a text column can be read as: SQLite applications often store dates and ids as TEXT. */
const TEXT_READS_AS: Family[] = ['uuid', 'timestamp', 'date', 'time', 'decimal', 'integer', 'float', 'boolean', 'json', 'bytes'];

/**
 * The common ground of two declared types: integers with decimals compare as decimals at the
 * smaller scale, timestamps at the coarser precision, a date with a timestamp as timestamps, a
 * boolean with an integer as 0/1, text with a typed column as that type. Anything else is
 * compared as text, with a warning.
 */
export function pairFamilies(a: FamilyOf, b: FamilyOf): Pairing {
  const ok = (family: Family, scale: number | null = null, precision: number | null = null): Pairing => ({ family, scale, precision, warning: null });
  if (a.family === b.family) return ok(a.family, minOf(a.scale, b.scale), minOf(a.precision, b.precision));
  const has = (x: Family, y: Family) => (a.family === x && b.family === y) || (a.family === y && b.family === x);
  const other = (x: Family) => (a.family === x ? b : a);
  if (has('integer', 'boolean')) return ok('boolean');
  if (has('integer', 'decimal')) return ok('decimal', 0);
  if (has('integer', 'float')) return ok('float');
  if (has('decimal', 'float')) {
    const decimal = other('float');
    return decimal.scale === null ? ok('float') : ok('decimal', decimal.scale);
  }
  if (has('date', 'timestamp')) return ok('timestamp', null, other('date').precision);
  if (has('json', 'text')) return ok('text');
  for (const family of TEXT_READS_AS) {
    if (has('text', family)) {
      const typed = other('text');
      return ok(family, typed.scale, typed.precision);
    }
  }
  return { family: 'text', scale: null, precision: null, warning: `compared as text (${a.family} on one side, ${b.family} on the other)` };
}

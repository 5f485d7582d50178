import type { SideColumn } from '../engines/engine-side.js';
import { canonicalValue, displayValue, floatsEqual, numericValue, type RawValue } from '../normalization/canonical-value.js';
import { encodeFields } from '../normalization/field-encoding.js';
import type { ComparePlan } from '../plan/compare-plan.js';
import type { Engine } from '../schema/table-shape.js';

export type DifferenceKind = 'missing' | 'extra' | 'changed';

export interface ColumnDiff {
  column: string;
  source: string | null;
  target: string | null;
}

/** One row-level difference, with the rows it came from (fix SQL needs them). */
export interface FoundDifference {
  kind: DifferenceKind;
  key: Record<string, string | null>;
  /** Sorts differences by key: numbers by value, text by code point. */
  sortKey: (string | null)[];
  columns: ColumnDiff[];
  duplicateKey: boolean;
  sourceRow: RawValue[] | null;
  targetRow: RawValue[] | null;
}

export interface PairingResult {
  differences: FoundDifference[];
  /** Rows read back that turned out equal (a differing range holds equal rows too). */
  unchanged: number;
  columnMismatches: Record<string, number>;
}

interface SideRows {
  engine: Engine;
  columns: SideColumn[];
  rows: RawValue[][];
}

/** The key of a row as canonical text: rows of both sides with the same key meet under it. */
function keyText(row: RawValue[], side: SideRows, keyCount: number): string {
  const parts: (string | null)[] = [];
  for (let i = 0; i < keyCount; i++) parts.push(canonicalValue(row[i]!, side.columns[i]!, side.engine, 0));
  return encodeFields(parts);
}

function rowText(row: RawValue[], side: SideRows, tolerance: number): string {
  return encodeFields(row.map((v, i) => canonicalValue(v, side.columns[i]!, side.engine, tolerance)));
}

function valuesEqual(a: RawValue, b: RawValue, left: SideRows, right: SideRows, i: number, tolerance: number): boolean {
  // The same stored value on the same engine is the same data: no normalization needed.
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (left.engine === right.engine && a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)) return true;
  const column = left.columns[i]!;
  if (column.pair.family === 'float') {
    const x = numericValue(a);
    const y = numericValue(b);
    if (x !== null && y !== null) return floatsEqual(x, y, tolerance);
  }
  return canonicalValue(a, column, left.engine, tolerance) === canonicalValue(b, right.columns[i]!, right.engine, tolerance);
}

function compareSortKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (/^-?\d+$/.test(x) && /^-?\d+$/.test(y)) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Pairs the rows read back from both sides by key and classifies them: a key on the source only
 * is missing, on the target only extra, on both with a differing column changed. Keys that occur
 * more than once (or are NULL) are matched as multisets of whole rows; what is left over on either
 * side is missing or extra, marked as a duplicate key. All ranges are pooled, so a row that the two
 * sides placed in different buckets (different key orders) still finds its partner.
 */
export function pairRows(plan: ComparePlan, source: SideRows, target: SideRows, tolerance: number): PairingResult {
  const keyCount = plan.key.length;
  const names = [...plan.key, ...plan.columns];
  const groups = new Map<string, { source: RawValue[][]; target: RawValue[][] }>();
  const add = (side: 'source' | 'target', rows: SideRows) => {
    for (const row of rows.rows) {
      let nullKey = false;
      for (let i = 0; i < keyCount; i++) nullKey ||= row[i] === null;
      const id = nullKey ? `null:${rowText(row, rows, tolerance)}` : keyText(row, rows, keyCount);
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { source: [], target: [] }));
      group[side].push(row);
    }
  };
  add('source', source);
  add('target', target);

  const result: PairingResult = { differences: [], unchanged: 0, columnMismatches: {} };
  const describe = (kind: DifferenceKind, row: RawValue[], side: SideRows, duplicateKey: boolean, other: RawValue[] | null = null, columns: ColumnDiff[] = []): FoundDifference => {
    const key: Record<string, string | null> = {};
    plan.key.forEach((name, i) => (key[name] = displayValue(row[i]!)));
    const sortKey = plan.key.map((_, i) => canonicalValue(row[i]!, side.columns[i]!, side.engine, 0));
    return { kind, key, sortKey, columns, duplicateKey, sourceRow: side === source ? row : other, targetRow: side === target ? row : other };
  };

  for (const group of groups.values()) {
    const [s, t] = [group.source, group.target];
    if (s.length === 1 && t.length === 1) {
      const columns: ColumnDiff[] = [];
      for (let i = keyCount; i < names.length; i++) {
        if (!valuesEqual(s[0]![i]!, t[0]![i]!, source, target, i, tolerance)) {
          columns.push({ column: names[i]!, source: displayValue(s[0]![i]!), target: displayValue(t[0]![i]!) });
          result.columnMismatches[names[i]!] = (result.columnMismatches[names[i]!] ?? 0) + 1;
        }
      }
      if (columns.length) result.differences.push(describe('changed', s[0]!, source, false, t[0]!, columns));
      else result.unchanged++;
      continue;
    }
    const duplicate = s.length > 1 || t.length > 1 || s.concat(t).some((row) => row.slice(0, keyCount).some((v) => v === null));
    // Multiset matching: identical rows pair up, whatever is left differs.
    const pending = new Map<string, RawValue[][]>();
    for (const row of t) {
      const text = rowText(row, target, tolerance);
      pending.set(text, [...(pending.get(text) ?? []), row]);
    }
    for (const row of s) {
      const match = pending.get(rowText(row, source, tolerance));
      if (match?.length) {
        match.pop();
        result.unchanged++;
      } else result.differences.push(describe('missing', row, source, duplicate));
    }
    for (const rows of pending.values()) for (const row of rows) result.differences.push(describe('extra', row, target, duplicate));
  }
  result.differences.sort((a, b) => compareSortKeys(a.sortKey, b.sortKey));
  return result;
}

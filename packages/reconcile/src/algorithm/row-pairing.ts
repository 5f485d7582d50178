import type { SideColumn } from '../engines/engine-side.js';
import { canonicalValue, displayValue, floatsEqual, numericValue, type RawValue } from '../normalization/canonical-value.js';
import { encodeFields } from '../normalization/field-encoding.js';
import type { ComparePlan } from '../plan/compare-plan.js';
import type { Engine } from '../schema/table-shape.js';
import { compareSortKeys } from './sort-key-order.js';

export type DifferenceKind = 'missing' | 'extra' | 'changed';

export interface ColumnDiff {
  column: string;
  source: string | null;
  target: string | null;
}

/**
 * One row-level difference, with the rows it came from (fix SQL needs them). A changed row keeps
 * only its key and its differing columns (the other values are null): every differing row is kept
 * until the end, and when every row differs, whole rows kept were most of the garbage collector's
 * work (each survived two young-generation copies). Its key and columns as display text are
 * computed when asked for (the report lists `--limit` of them), not for every difference.
 */
export interface FoundDifference {
  kind: DifferenceKind;
  readonly key: Record<string, string | null>;
  readonly columns: ColumnDiff[];
  duplicateKey: boolean;
  sourceRow: RawValue[] | null;
  targetRow: RawValue[] | null;
}

/** What a difference needs to describe itself: shared by every difference of a table. */
interface Naming {
  /** The names a row is identified by: the key, or every column without a key. */
  naming: string[];
  /** Key columns, then compared columns. */
  names: string[];
}

class Difference implements FoundDifference {
  constructor(
    readonly kind: DifferenceKind,
    readonly duplicateKey: boolean,
    readonly sourceRow: RawValue[] | null,
    readonly targetRow: RawValue[] | null,
    private readonly context: Naming,
    /** Indexes (into the row) of the changed columns. */
    private readonly changed: number[] = [],
  ) {}

  get key(): Record<string, string | null> {
    const row = (this.kind === 'extra' ? this.targetRow : this.sourceRow)!;
    const key: Record<string, string | null> = {};
    for (const [i, name] of this.context.naming.entries()) key[name] = displayValue(row[i]!);
    return key;
  }

  get columns(): ColumnDiff[] {
    const names = this.context.names;
    return this.changed.map((i) => ({ column: names[i]!, source: displayValue(this.sourceRow![i]!), target: displayValue(this.targetRow![i]!) }));
  }
}

/** The row with only its first `keyCount` values and those at `changed` kept, the others null. */
function keepChanged(row: RawValue[], keyCount: number, changed: number[]): RawValue[] {
  const kept: RawValue[] = new Array(row.length).fill(null);
  for (let i = 0; i < keyCount; i++) kept[i] = row[i]!;
  for (const i of changed) kept[i] = row[i]!;
  return kept;
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
  // One key column: its canonical text, marked so that it never meets a NULL key's `null:` id.
  if (keyCount === 1) return `V${canonicalValue(row[0]!, side.columns[0]!, side.engine, 0)}`;
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
  if (left.engine === right.engine && a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b))
    return true;
  const column = left.columns[i]!;
  if (column.pair.family === 'float') {
    const x = numericValue(a);
    const y = numericValue(b);
    if (x !== null && y !== null) return floatsEqual(x, y, tolerance);
  }
  return canonicalValue(a, column, left.engine, tolerance) === canonicalValue(b, right.columns[i]!, right.engine, tolerance);
}

type SideName = 'source' | 'target';

interface Group {
  source: RawValue[][];
  target: RawValue[][];
}

/**
 * Pairs the rows read back from both sides by key and classifies them: a key on the source only
 * is missing, on the target only extra, on both with a differing column changed. Keys that occur
 * more than once (or are NULL) are matched as multisets of whole rows; what is left over on either
 * side is missing or extra, marked as a duplicate key.
 *
 * Rows arrive in chunks (a batch of ranges from both sides) and are paired as they come, so memory
 * holds one chunk and the differences, not the tables. A key's rows on one side always arrive
 * together (a key lies in one range), so a key seen on both sides is settled at once; a key seen on
 * one side only waits: its partner may come in a later chunk when the two sides placed it in
 * different ranges (different key orders), and what still waits at the end is missing or extra.
 */
export class RowPairer {
  private readonly waiting = new Map<string, Group>();
  private readonly result: PairingResult = { differences: [], unchanged: 0, columnMismatches: {} };
  private readonly keyCount: number;
  private readonly names: string[];
  private readonly naming: Naming;
  /** Each side's engine and columns, built once: a copy per row was a third of the pairing time when every row differs. */
  private readonly sides: Record<SideName, SideRows>;

  constructor(
    plan: ComparePlan,
    source: Omit<SideRows, 'rows'>,
    target: Omit<SideRows, 'rows'>,
    private readonly tolerance: number,
    /**
     * No NULL and no duplicate key on either side (checked before reading): a key then occurs
     * once per side in the whole table, so two rows of one chunk at the same position with the
     * same key are each other's only partner and pair at once, without the grouping by key
     * (Maps and a group per key were half the pairing's time when every row is read).
     */
    private readonly uniqueKeys = false,
  ) {
    this.keyCount = plan.key.length;
    this.names = [...plan.key, ...plan.columns];
    // Without a key, a row is named by all its values.
    this.naming = { naming: this.keyCount > 0 ? plan.key : this.names, names: this.names };
    this.sides = { source: { ...source, rows: [] }, target: { ...target, rows: [] } };
  }

  private side(name: SideName): SideRows {
    return this.sides[name];
  }

  /** Adds one chunk of rows from both sides and settles every key now seen on both. */
  add(sourceRows: RawValue[][], targetRows: RawValue[][]): void {
    let from = 0;
    if (this.uniqueKeys && this.keyCount > 0) {
      // Both sides read the same ranges in key order: usually row i of one side is row i of the other.
      const source = this.side('source');
      const target = this.side('target');
      const end = Math.min(sourceRows.length, targetRows.length);
      while (from < end) {
        const s = sourceRows[from]!;
        const t = targetRows[from]!;
        if (keyText(s, source, this.keyCount) !== keyText(t, target, this.keyCount)) break;
        this.settlePair(s, t);
        from++;
      }
      if (from === sourceRows.length && from === targetRows.length) return;
    }
    this.group(from ? sourceRows.slice(from) : sourceRows, from ? targetRows.slice(from) : targetRows);
  }

  /** The general path: rows grouped by key, across chunks. */
  private group(sourceRows: RawValue[][], targetRows: RawValue[][]): void {
    const touched = new Map<string, Group>();
    const put = (name: SideName, rows: RawValue[][]) => {
      const side = this.side(name);
      for (const row of rows) {
        let nullKey = false;
        for (let i = 0; i < this.keyCount; i++) nullKey ||= row[i] === null;
        const id = nullKey ? `null:${rowText(row, side, this.tolerance)}` : keyText(row, side, this.keyCount);
        let group = touched.get(id);
        if (!group) {
          group = this.waiting.get(id) ?? { source: [], target: [] };
          this.waiting.delete(id);
          touched.set(id, group);
        }
        group[name].push(row);
      }
    };
    put('source', sourceRows);
    put('target', targetRows);
    for (const [id, group] of touched) {
      if (group.source.length && group.target.length) this.settle(group);
      else this.waiting.set(id, group);
    }
  }

  /**
   * Settles what is still waiting (one side only) and returns the classification, sorted by key
   * (numbers by value, text by code point). Streamed and read-back rows mostly arrive in key order
   * already: the sort keys are made once, and sorting is skipped when they are in order.
   */
  finish(): PairingResult {
    for (const group of this.waiting.values()) this.settle(group);
    this.waiting.clear();
    const differences = this.result.differences;
    const keys = differences.map((d) => this.sortKey(d));
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = compareSortKeys(keys[i - 1]!, keys[i]!) <= 0;
    if (!sorted) {
      const order = differences.map((_, i) => i).sort((a, b) => compareSortKeys(keys[a]!, keys[b]!) || a - b);
      this.result.differences = order.map((i) => differences[i]!);
    }
    return this.result;
  }

  /** The canonical text of the values a difference is named by (an extra row's on the target, any other's on the source). */
  private sortKey(d: FoundDifference): (string | null)[] {
    const name: SideName = d.kind === 'extra' ? 'target' : 'source';
    const side = this.side(name);
    const row = (name === 'source' ? d.sourceRow : d.targetRow)!;
    return this.naming.naming.map((_, i) => canonicalValue(row[i]!, side.columns[i]!, side.engine, 0));
  }

  /** A row on one side only: missing (source) or extra (target). */
  private oneSided(kind: 'missing' | 'extra', row: RawValue[], duplicateKey: boolean): void {
    this.result.differences.push(new Difference(kind, duplicateKey, kind === 'missing' ? row : null, kind === 'extra' ? row : null, this.naming));
  }

  /** One row of each side with the same key: unchanged, or changed in the columns that differ. */
  private settlePair(s: RawValue[], t: RawValue[]): void {
    const { keyCount, names, tolerance, result } = this;
    const source = this.side('source');
    const target = this.side('target');
    let changed: number[] | null = null;
    for (let i = keyCount; i < names.length; i++) {
      if (!valuesEqual(s[i]!, t[i]!, source, target, i, tolerance)) {
        (changed ??= []).push(i);
        result.columnMismatches[names[i]!] = (result.columnMismatches[names[i]!] ?? 0) + 1;
      }
    }
    // Without a key a row is named by all its values: kept whole.
    const keep = (row: RawValue[]) => (keyCount > 0 ? keepChanged(row, keyCount, changed!) : row);
    if (changed) result.differences.push(new Difference('changed', false, keep(s), keep(t), this.naming, changed));
    else result.unchanged++;
  }

  private settle(group: Group): void {
    const { keyCount, tolerance, result } = this;
    const source = this.side('source');
    const target = this.side('target');
    const [s, t] = [group.source, group.target];
    if (s.length === 1 && t.length === 1) {
      this.settlePair(s[0]!, t[0]!);
      return;
    }
    if (t.length === 0 && s.length === 1) {
      this.oneSided(
        'missing',
        s[0]!,
        s[0]!.slice(0, keyCount).some((v) => v === null),
      );
      return;
    }
    if (s.length === 0 && t.length === 1) {
      this.oneSided(
        'extra',
        t[0]!,
        t[0]!.slice(0, keyCount).some((v) => v === null),
      );
      return;
    }
    // Without a key every row is matched this way; that is the comparison, not a key problem.
    const duplicate = keyCount > 0;
    // Multiset matching: identical rows pair up, whatever is left differs.
    const unmatched = new Map<string, RawValue[][]>();
    for (const row of t) {
      const text = rowText(row, target, tolerance);
      unmatched.set(text, [...(unmatched.get(text) ?? []), row]);
    }
    for (const row of s) {
      const match = unmatched.get(rowText(row, source, tolerance));
      if (match?.length) {
        match.pop();
        result.unchanged++;
      } else this.oneSided('missing', row, duplicate);
    }
    for (const rows of unmatched.values()) for (const row of rows) this.oneSided('extra', row, duplicate);
  }
}

/** Pairs two complete sets of rows at once (see RowPairer). */
export function pairRows(plan: ComparePlan, source: SideRows, target: SideRows, tolerance: number): PairingResult {
  const pairer = new RowPairer(plan, source, target, tolerance);
  pairer.add(source.rows, target.rows);
  return pairer.finish();
}

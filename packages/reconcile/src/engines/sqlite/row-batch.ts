import type { RawValue } from '../../normalization/canonical-value.js';

/**
 * Rows read by an SQLite worker, packed into one buffer that is transferred to the main thread
 * (moved, not copied). Posting the rows themselves made the worker serialize, and the main thread
 * deserialize, one object per row and value: measured on 200,000 rows of six columns, that was
 * 0.3 s and 0.5 s of CPU per side, and the objects it made were most of the main thread's garbage
 * collection. Packed, the worker writes bytes and the main thread builds each row once.
 *
 * SQLite hands over five kinds of value (null, bigint with safe integers, number for REAL, string,
 * Buffer for BLOB); each is a tag byte and its payload, rows one after the other.
 */
export interface RowBatch {
  buffer: ArrayBuffer;
  /** Bytes of `buffer` in use. */
  length: number;
  rows: number;
  /** Values per row. */
  width: number;
}

const NULL = 0;
const INTEGER = 1;
const REAL = 2;
const TEXT = 3;
const BLOB = 4;

/** Builds one batch; grows its buffer as needed. */
export class RowBatchWriter {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  private at = 0;
  private rows = 0;
  /** The values' size as --stats counts it (text in UTF-8 bytes, BLOB bytes, 8 per number, 1 per NULL). */
  valueBytes = 0;

  constructor(private readonly width: number) {}

  private room(needed: number): void {
    if (this.at + needed <= this.bytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + needed));
    this.bytes.copy(next, 0, 0, this.at);
    this.bytes = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  add(row: readonly unknown[]): void {
    if (row.length !== this.width) throw new Error(`row of ${row.length} values in a batch of ${this.width}`);
    this.rows++;
    for (const value of row) {
      if (value === null || value === undefined) {
        this.room(1);
        this.bytes[this.at++] = NULL;
        this.valueBytes += 1;
      } else if (typeof value === 'bigint') {
        this.room(9);
        this.bytes[this.at] = INTEGER;
        this.view.setBigInt64(this.at + 1, value, true);
        this.at += 9;
        this.valueBytes += 8;
      } else if (typeof value === 'number') {
        this.room(9);
        this.bytes[this.at] = REAL;
        this.view.setFloat64(this.at + 1, value, true);
        this.at += 9;
        this.valueBytes += 8;
      } else if (typeof value === 'string') {
        // At most 3 UTF-8 bytes per UTF-16 unit: reserve that, write, then store the real length.
        this.room(5 + value.length * 3);
        const written = this.bytes.write(value, this.at + 5, 'utf8');
        this.bytes[this.at] = TEXT;
        this.view.setUint32(this.at + 1, written, true);
        this.at += 5 + written;
        this.valueBytes += written;
      } else if (value instanceof Uint8Array) {
        this.room(5 + value.length);
        this.bytes[this.at] = BLOB;
        this.view.setUint32(this.at + 1, value.length, true);
        this.bytes.set(value, this.at + 5);
        this.at += 5 + value.length;
        this.valueBytes += value.length;
      } else throw new Error(`cannot pack a ${typeof value} value`);
    }
  }

  addAll(rows: readonly (readonly unknown[])[]): void {
    for (const row of rows) this.add(row);
  }

  /** The batch, in a buffer of its own (so that it can be transferred). */
  finish(): RowBatch {
    const buffer = new ArrayBuffer(this.at);
    new Uint8Array(buffer).set(this.bytes.subarray(0, this.at));
    return { buffer, length: this.at, rows: this.rows, width: this.width };
  }
}

/** The rows of a batch, each value as the worker read it (a BLOB as a Uint8Array of its own). */
export function readRowBatch(batch: RowBatch): RawValue[][] {
  const bytes = Buffer.from(batch.buffer, 0, batch.length);
  const view = new DataView(batch.buffer, 0, batch.length);
  const rows: RawValue[][] = new Array(batch.rows);
  let at = 0;
  for (let r = 0; r < batch.rows; r++) {
    const row: RawValue[] = new Array(batch.width);
    for (let c = 0; c < batch.width; c++) {
      const tag = bytes[at]!;
      if (tag === NULL) {
        row[c] = null;
        at += 1;
      } else if (tag === INTEGER) {
        row[c] = view.getBigInt64(at + 1, true);
        at += 9;
      } else if (tag === REAL) {
        row[c] = view.getFloat64(at + 1, true);
        at += 9;
      } else if (tag === TEXT || tag === BLOB) {
        const length = view.getUint32(at + 1, true);
        // A BLOB is copied out: a view would keep the whole batch alive as long as a difference holds it.
        row[c] = tag === TEXT ? bytes.toString('utf8', at + 5, at + 5 + length) : new Uint8Array(bytes.subarray(at + 5, at + 5 + length));
        at += 5 + length;
      } else throw new Error(`corrupt row batch: tag ${tag} at byte ${at}`);
    }
    rows[r] = row;
  }
  if (at !== batch.length) throw new Error(`corrupt row batch: ${batch.length - at} byte(s) left over`);
  return rows;
}

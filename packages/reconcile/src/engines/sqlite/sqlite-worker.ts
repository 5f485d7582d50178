import { parentPort, workerData } from 'node:worker_threads';
import Database, { type Database as DatabaseType, type Statement } from 'better-sqlite3';
import type { RawValue } from '../../normalization/canonical-value.js';
import {
  bucketRange,
  rangeChain,
  type BucketHash,
  type BucketRequest,
  type DuplicateKeys,
  type KeyRange,
  type KeyTuple,
  type SidePlan,
} from '../engine-side.js';
import { describeSqliteTable, listSqliteTables, quoteSqliteIdent } from './sqlite-catalog.js';
import type { WorkerData, WorkerRequest, WorkerResponse } from './sqlite-protocol.js';
import { canonicalRowHasher, registerRowHash, ROW_HASH_FUNCTION, type RowHasher } from './sqlite-row-hash.js';
import { HashSum } from '../../hashing/hash-sum.js';
import { RowBatchWriter, type RowBatch } from './row-batch.js';

/**
 * One read-only connection to an SQLite file, in its own thread (better-sqlite3 is synchronous;
 * threads let both sides and all jobs hash at once). The file is opened read-only, must exist,
 * and runs with query_only; one read transaction keeps a single snapshot for the whole run.
 */
const { file } = workerData as WorkerData;
const db: DatabaseType = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('query_only = ON');
db.defaultSafeIntegers(true);
db.exec('BEGIN');

let plan: SidePlan | null = null;
const statements = new Map<string, Statement>();
let bytesFetched = 0;
let rowsFetched = 0;

function current(): SidePlan {
  if (!plan) throw new Error('prepare() was not called');
  return plan;
}

function statement(sql: string): Statement {
  let s = statements.get(sql);
  if (!s) {
    s = db.prepare(sql);
    statements.set(sql, s);
  }
  return s;
}

const q = quoteSqliteIdent;
const keyColumns = () => current().key.map((c) => q(c.name));
const keyTuple = () => (current().key.length === 1 ? keyColumns()[0]! : `(${keyColumns().join(', ')})`);
const placeholder = () =>
  current().key.length === 1
    ? '?'
    : `(${current()
        .key.map(() => '?')
        .join(', ')})`;
const notNull = () =>
  keyColumns()
    .map((c) => `${c} IS NOT NULL`)
    .join(' AND ');
const anyNull = () =>
  `(${keyColumns()
    .map((c) => `${c} IS NULL`)
    .join(' OR ')})`;
const where = (extra: string[] = []) => ['1', ...(current().where ? [`(${current().where})`] : []), ...extra].join(' AND ');
const table = () => current().table.sqlName;
const allColumns = () => [...current().key, ...current().columns].map((c) => q(c.name)).join(', ');

/** Non-NULL key, inside the range and every range it lies within (SQL; see rangeParams). */
function rangeSql(range: KeyRange): string[] {
  const out = [notNull()];
  for (const r of rangeChain(range)) {
    if (r.lo) out.push(`${keyTuple()} >= ${placeholder()}`);
    if (r.hi) out.push(`${keyTuple()} < ${placeholder()}`);
  }
  return out;
}

function rangeParams(range: KeyRange): unknown[] {
  return rangeChain(range).flatMap((r) => [...(r.lo ?? []), ...(r.hi ?? [])]);
}

/** A result whose buffer moves to the main thread instead of being copied. */
class Transferred {
  constructor(
    readonly value: RowBatch,
    readonly list: ArrayBuffer[],
  ) {}
}

const rowWidth = () => current().key.length + current().columns.length;

/** Rows read, packed into one transferred buffer (row-batch.ts) and counted for --stats. */
function fetched(writer: RowBatchWriter): Transferred {
  const batch = writer.finish();
  rowsFetched += batch.rows;
  bytesFetched += writer.valueBytes;
  return new Transferred(batch, [batch.buffer]);
}

/** The canonical row hash (lookup3 or md5 of the row's canonical text, as the other side computes it) of tables compared without a key. */
const halves: [number, number] = [0, 0];
let canonicalHash: RowHasher | null = null;
function rowHashHalves(row: RawValue[]): void {
  canonicalHash ??= canonicalRowHasher(current());
  canonicalHash(row, halves);
}

/** The top `bits` bits of the last row hash. */
const partitionOf = (bits: number): number => (bits === 0 ? 0 : halves[0] >>> (32 - bits));

const ops: Record<string, (...args: never[]) => unknown> = {
  listTables: () => listSqliteTables(db),
  // `public.actor` (a PostgreSQL name) or `main.actor` means the table actor here.
  describeTable: (name: string) =>
    describeSqliteTable(db, name) ?? (name.includes('.') ? describeSqliteTable(db, name.slice(name.lastIndexOf('.') + 1)) : null),
  prepare: (next: SidePlan) => {
    plan = next;
    canonicalHash = null;
    statements.clear();
    registerRowHash(db, next);
    return null;
  },
  count: () => statement(`SELECT count(*) FROM ${table()} WHERE ${where()}`).pluck().get(),
  nullKeyCount: () =>
    statement(`SELECT count(*) FROM ${table()} WHERE ${where([anyNull()])}`)
      .pluck()
      .get(),
  duplicateKeys: (limit: number): DuplicateKeys => {
    const names = current().key.map((c) => c.name);
    if (current().table.uniqueKeys.some((u) => u.every((c) => names.includes(c)))) return { keys: 0n, sample: [] };
    const rows = statement(
      `SELECT count(*) OVER (), ${keyColumns().join(', ')} FROM ${table()} WHERE ${where([notNull()])} GROUP BY ${keyColumns().join(', ')} HAVING count(*) > 1 ORDER BY ${keyColumns().join(', ')} LIMIT ${limit}`,
    )
      .raw()
      .all() as unknown[][];
    return { keys: rows.length ? BigInt(rows[0]![0] as bigint) : 0n, sample: rows.map((r) => r.slice(1) as KeyTuple) };
  },
  keyExtent: () => {
    const k = keyColumns()[0]!;
    // Two queries: SQLite reads one end of the index for min() or max() alone, but scans for both.
    const min = statement(`SELECT min(${k}) FROM ${table()} WHERE ${where()}`).pluck().get() as RawValue;
    const max = statement(`SELECT max(${k}) FROM ${table()} WHERE ${where()}`).pluck().get() as RawValue;
    return min === null || max === null ? null : { min: [min], max: [max] };
  },
  quantiles: (range: KeyRange, step: number) => {
    const k = keyColumns().join(', ');
    return statement(
      `SELECT ${k} FROM (SELECT ${k}, row_number() OVER (ORDER BY ${k}) AS rn FROM ${table()} WHERE ${where(rangeSql(range))}) WHERE rn % ${Math.max(1, Math.floor(step))} = 0 ORDER BY rn`,
    )
      .raw()
      .all(...rangeParams(range));
  },
  order: (keys: KeyTuple[]) => {
    // Compared by SQLite itself, with each key column's collation, so the order is the one its
    // range conditions use.
    const comparators = current().key.map((c) => {
      const coll = c.shape.collation ? ` COLLATE ${c.shape.collation}` : '';
      return statement(`SELECT CASE WHEN ? < ?${coll} THEN -1 WHEN ? = ?${coll} THEN 0 ELSE 1 END`).pluck();
    });
    const compare = (a: KeyTuple, b: KeyTuple): number => {
      for (let i = 0; i < comparators.length; i++) {
        const c = Number(comparators[i]!.get(a[i], b[i], a[i], b[i]));
        if (c !== 0) return c;
      }
      return 0;
    };
    const indexes = keys.map((_, i) => i);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = compare(keys[i - 1]!, keys[i]!) < 0;
    return sorted ? indexes : indexes.sort((a, b) => compare(keys[a]!, keys[b]!) || a - b);
  },
  hashBuckets: (request: BucketRequest): BucketHash[] => {
    // One indexed range query per bucket: SQLite finds each bucket's first row by the key index.
    const out: BucketHash[] = [];
    const columns = allColumns();
    // The SQL depends only on which bounds the range and its enclosing ranges have: built and
    // looked up once per shape, not per bucket (building the string and finding its statement by
    // it took as long as stepping SQLite through the bucket's rows).
    const byShape = new Map<string, Statement>();
    for (let i = 0; i <= request.bounds.length; i++) {
      const range = bucketRange(request, i);
      const shape = rangeChain(range)
        .map((r) => (r.lo ? 'l' : '-') + (r.hi ? 'h' : '-'))
        .join('');
      let query = byShape.get(shape);
      if (!query) {
        query = statement(`SELECT count(*), ${ROW_HASH_FUNCTION}(${columns}) FROM ${table()} WHERE ${where(rangeSql(range))}`).raw();
        byShape.set(shape, query);
      }
      const [count, sum] = query.get(...rangeParams(range)) as [bigint, bigint | null];
      out.push({ count: BigInt(count), sum: BigInt.asUintN(64, BigInt(sum ?? 0n)) });
    }
    return out;
  },
  fetchRows: (ranges: KeyRange[]) => {
    // all() per range: about a third less CPU than iterate() on long streamed ranges.
    const writer = new RowBatchWriter(rowWidth());
    for (const range of ranges) {
      writer.addAll(
        statement(`SELECT ${allColumns()} FROM ${table()} WHERE ${where(rangeSql(range))}`)
          .raw()
          .all(...rangeParams(range)) as RawValue[][],
      );
    }
    return fetched(writer);
  },
  fetchNullKeyRows: () => {
    const writer = new RowBatchWriter(rowWidth());
    writer.addAll(
      statement(`SELECT ${allColumns()} FROM ${table()} WHERE ${where([anyNull()])}`)
        .raw()
        .all() as RawValue[][],
    );
    return fetched(writer);
  },
  hashPartitions: (bits: number): BucketHash[] => {
    const sums = Array.from({ length: 2 ** bits }, () => ({ count: 0n, sum: new HashSum() }));
    for (const row of statement(`SELECT ${allColumns()} FROM ${table()} WHERE ${where()}`).raw().iterate()) {
      rowHashHalves(row as RawValue[]);
      const bucket = sums[partitionOf(bits)]!;
      bucket.count++;
      bucket.sum.add(halves[0], halves[1]);
    }
    return sums.map((p) => ({ count: p.count, sum: p.sum.value() }));
  },
  fetchPartitions: (bits: number, partitions: number[]) => {
    const wanted = new Set(partitions);
    const writer = new RowBatchWriter(rowWidth());
    for (const row of statement(`SELECT ${allColumns()} FROM ${table()} WHERE ${where()}`).raw().iterate()) {
      rowHashHalves(row as RawValue[]);
      if (wanted.has(partitionOf(bits))) writer.add(row as RawValue[]);
    }
    return fetched(writer);
  },
  stats: () => ({ bytesFetched, rowsFetched }),
  close: () => {
    db.close();
    return null;
  },
};

/** SQLite result codes that mean the file is busy or unusable rather than the SQL being wrong. */
function exitCodeOf(error: unknown): number | null {
  const code = (error as { code?: string }).code ?? '';
  if (/^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|PROTOCOL)/.test(code)) return 69;
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) return 65;
  if (code.startsWith('SQLITE_')) return 65;
  return null;
}

parentPort!.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const op = ops[request.op];
    if (!op) throw new Error(`unknown operation ${request.op}`);
    let result = (op as (...args: unknown[]) => unknown)(...request.args);
    if (result instanceof Transferred) {
      transfer = result.list;
      result = result.value;
    }
    response = { id: request.id, ok: true, result };
  } catch (error) {
    response = { id: request.id, ok: false, error: { message: (error as Error).message, exitCode: exitCodeOf(error) } };
  }
  parentPort!.postMessage(response, transfer);
});

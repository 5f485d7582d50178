import { open as openFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputDataError, InputMissingError, ServiceUnavailableError } from '@migration-architect/core';
import type { ConnectionTarget } from '../../connection/connection-target.js';
import type { RawValue } from '../../normalization/canonical-value.js';
import type { TableShape } from '../../schema/table-shape.js';
import type { BucketHash, BucketRequest, DuplicateKeys, EngineSide, KeyRange, KeyTuple, SidePlan, SideStats } from '../engine-side.js';
import { JobPool } from '../job-pool.js';
import type { WorkerData, WorkerRequest, WorkerResponse } from './sqlite-protocol.js';
import { readRowBatch, type RowBatch } from './row-batch.js';

const HEADER = 'SQLite format 3\u0000';

/** A worker thread running sqlite-worker.js, answering one request at a time. */
class SqliteWorker {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;

  constructor(
    file: string,
    private readonly describe: (message: string, exitCode: number | null) => Error,
  ) {
    this.worker = new Worker(new URL('./sqlite-worker.js', import.meta.url), { workerData: { file } satisfies WorkerData });
    this.worker.on('message', (response: WorkerResponse) => {
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      if (response.ok) waiter.resolve(response.result);
      else waiter.reject(this.describe(response.error.message, response.error.exitCode));
    });
    const fail = (error: Error) => {
      this.failure = this.describe(error.message, null);
      for (const waiter of this.pending.values()) waiter.reject(this.failure);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => code !== 0 && fail(new Error(`worker stopped (exit ${code})`)));
  }

  call<T>(op: string, ...args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    if (!this.failure) await this.call('close').catch(() => {});
    await this.worker.terminate();
  }
}

/**
 * An SQLite file, read by `jobs` worker threads that each open it read-only (never created:
 * a missing file is exit 66) with query_only set. better-sqlite3 loads inside the workers only.
 */
export class SqliteSide implements EngineSide {
  readonly engine = 'sqlite' as const;
  readonly display: string;
  private workers: SqliteWorker[] = [];
  private pool: JobPool<SqliteWorker> | null = null;
  private plan: SidePlan | null = null;
  private queries = 0;

  constructor(private readonly target: ConnectionTarget) {
    this.display = target.display;
  }

  private error(message: string, exitCode: number | null): Error {
    const what = this.plan ? `table ${this.plan.table.name}: ` : '';
    const text = `${this.display}: ${what}${message.split('\n')[0]}`;
    if (exitCode === 69) return new ServiceUnavailableError(text);
    if (exitCode === 66) return new InputMissingError(text);
    return new InputDataError(text);
  }

  /** Checks the file before any thread opens it: it must exist and be an SQLite database. */
  private async checkFile(): Promise<void> {
    const path = this.target.location;
    let handle;
    try {
      handle = await openFile(path, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'no such file (reconcile never creates one)'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'is a directory'
              : (error as Error).message;
      throw new InputMissingError(`cannot read SQLite database ${this.display}: ${reason}`);
    }
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0).catch((error: NodeJS.ErrnoException) => {
        throw new InputMissingError(
          `cannot read SQLite database ${this.display}: ${error.code === 'EISDIR' ? 'it is a directory, not a database file' : error.message}`,
        );
      });
      if (bytesRead > 0 && buffer.subarray(0, bytesRead).toString('latin1') !== HEADER.slice(0, bytesRead)) {
        throw new InputDataError(`${this.display} is not an SQLite database (no "SQLite format 3" header)`);
      }
    } finally {
      await handle.close();
    }
  }

  /**
   * One worker thread per job, at most one per CPU: SQLite work runs on this machine, and each
   * worker holds its own connection and page cache, so more threads than cores only cost memory.
   */
  async open(jobs: number): Promise<number> {
    await this.checkFile();
    const threads = Math.max(1, Math.min(jobs, availableParallelism()));
    this.workers = Array.from({ length: threads }, () => new SqliteWorker(this.target.location, (m, c) => this.error(m, c)));
    this.pool = new JobPool(this.workers);
    // Every worker answers once before work starts, so an unreadable file fails here.
    await Promise.all(this.workers.map((w) => w.call('stats')));
    return threads;
  }

  /** The worker hashes in JavaScript: lookup3.ts itself. */
  async lookup3Matches(): Promise<boolean> {
    return true;
  }

  /** The worker hashes in JavaScript: crc32-pair.ts itself. */
  async crcMatches(): Promise<boolean> {
    return true;
  }

  private call<T>(op: string, ...args: unknown[]): Promise<T> {
    if (!this.pool) throw new Error('SQLite side used before open()');
    this.queries++;
    return this.pool.run((worker) => worker.call<T>(op, ...args));
  }

  listTables(): Promise<string[]> {
    return this.call('listTables');
  }

  describeTable(name: string): Promise<TableShape | null> {
    return this.call('describeTable', name);
  }

  async prepare(plan: SidePlan): Promise<void> {
    this.plan = plan;
    await Promise.all(this.workers.map((w) => w.call('prepare', plan)));
  }

  async count(): Promise<bigint> {
    return BigInt(await this.call<bigint>('count'));
  }

  /** SQLite counts a b-tree quickly (no statistics needed). */
  estimateRows(): Promise<bigint> {
    return this.count();
  }

  async nullKeyCount(): Promise<bigint> {
    return BigInt(await this.call<bigint>('nullKeyCount'));
  }

  duplicateKeys(limit: number): Promise<DuplicateKeys> {
    return this.call('duplicateKeys', limit);
  }

  keyExtent(): Promise<{ min: KeyTuple; max: KeyTuple } | null> {
    return this.call('keyExtent');
  }

  quantiles(range: KeyRange, step: number): Promise<KeyTuple[]> {
    return this.call('quantiles', range, step);
  }

  order(keys: KeyTuple[]): Promise<number[]> {
    return this.call('order', keys);
  }

  hashBuckets(request: BucketRequest): Promise<BucketHash[]> {
    return this.call('hashBuckets', request);
  }

  async fetchRows(ranges: KeyRange[]): Promise<RawValue[][]> {
    return readRowBatch(await this.call<RowBatch>('fetchRows', ranges));
  }

  async fetchNullKeyRows(): Promise<RawValue[][]> {
    return readRowBatch(await this.call<RowBatch>('fetchNullKeyRows'));
  }

  hashPartitions(bits: number): Promise<BucketHash[]> {
    return this.call('hashPartitions', bits);
  }

  async fetchPartitions(bits: number, partitions: number[]): Promise<RawValue[][]> {
    return readRowBatch(await this.call<RowBatch>('fetchPartitions', bits, partitions));
  }

  async stats(): Promise<SideStats> {
    const each = await Promise.all(this.workers.map((w) => w.call<{ bytesFetched: number; rowsFetched: number }>('stats')));
    const total: SideStats = { bytesFetched: 0, rowsFetched: 0, queries: this.queries };
    for (const s of each) {
      total.bytesFetched += s.bytesFetched;
      total.rowsFetched += s.rowsFetched;
    }
    return total;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers = [];
    this.pool = null;
  }
}

import { InputDataError } from '@migration-architect/core';
import type { Client } from 'pg';
import type { ConnectionTarget } from '../../connection/connection-target.js';
import type { RawValue } from '../../normalization/canonical-value.js';
import type { TableShape } from '../../schema/table-shape.js';
import {
  bucketRange,
  rangeChain,
  type BucketHash,
  type BucketRequest,
  type DuplicateKeys,
  type EngineSide,
  type KeyRange,
  type KeyTuple,
  type SidePlan,
  type SideStats,
} from '../engine-side.js';
import { lookup3Int64, lookup3Text } from '../../hashing/lookup3.js';
import { rangeBatches } from '../server/range-batches.js';
import { ServerConnections } from '../server/server-connections.js';
import { describePostgresTable, listPostgresTables } from './postgres-catalog.js';
import { postgresError } from './postgres-errors.js';
import {
  anyNullKey,
  collate,
  fetchExpression,
  fixedWidthKey,
  keyParameter,
  keyTuple,
  LOOKUP3_PROBE,
  lookup3Expression,
  notNullKey,
  quoteIdent,
  rowHashExpression,
  whereFilter,
} from './postgres-expressions.js';

/** Session settings that make text output (and so normalization) independent of the server's defaults. */
const SESSION = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
  'SET LOCAL statement_timeout = 0',
  "SET LOCAL lock_timeout = '10s'",
  // JIT compilation costs more than it saves on these short aggregate queries.
  'SET LOCAL jit = off',
  // Sum per bucket in a hash table: the planner cannot know there are few buckets and would sort
  // every row by bucket first (measured 2-3× slower). Sorts that are needed still happen.
  "SET LOCAL work_mem = '64MB'",
  'SET LOCAL enable_sort = off',
];

interface Connection {
  client: Client;
  baseline: number;
}

/**
 * A PostgreSQL database, read through `jobs` connections that each hold a READ ONLY, REPEATABLE
 * READ transaction on one exported snapshot: every query of every job sees the same data, and
 * the server refuses any write. The driver is imported on first use.
 */
export class PostgresSide implements EngineSide {
  readonly engine = 'postgres' as const;
  readonly display: string;
  /** The snapshot the first connection exported; the others read the same data through it. */
  private snapshot: string | null = null;
  private readonly servers = new ServerConnections<Connection>(
    {
      first: async () => {
        const { connection, snapshot } = await this.connect(null);
        this.snapshot = snapshot;
        return connection;
      },
      more: async () => (await this.connect(this.snapshot)).connection,
      free: () => this.freeConnections(),
      end: async ({ client }) => {
        await client.query('ROLLBACK').catch(() => {});
        await client.end().catch(() => {});
      },
    },
    'PostgreSQL',
  );
  private plan: SidePlan | null = null;
  private lookup3: Promise<boolean> | null = null;
  private queries = 0;
  private rowsFetched = 0;

  constructor(private readonly target: ConnectionTarget) {
    this.display = target.display;
  }

  private async connect(snapshot: string | null): Promise<{ connection: Connection; snapshot: string | null }> {
    const { default: pg } = await import('pg');
    const client: Client = new pg.Client({
      connectionString: this.target.location,
      connectionTimeoutMillis: 10_000,
      application_name: 'migration-architect reconcile',
    });
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw postgresError(error, this.target, 'cannot connect');
    }
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let exported = snapshot;
      if (snapshot) await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
      else
        exported = await client.query('SELECT pg_export_snapshot()').then(
          (r) => String(r.rows[0]?.pg_export_snapshot ?? ''),
          () => null,
        );
      // A failed export (a standby) aborts nothing we need, but the transaction must be usable.
      if (!snapshot && exported === null) {
        await client.query('ROLLBACK');
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      }
      for (const statement of SESSION) await client.query(statement);
      const version = Number((await client.query("SELECT current_setting('server_version_num') AS v")).rows[0]?.v ?? 0);
      if (version < 140000)
        throw new InputDataError(
          `${this.display}: reconcile needs PostgreSQL 14 or newer (hash_record_extended, exact extract(epoch)); the server is ${Math.floor(version / 10000)}`,
        );
      const stream = (client as unknown as { connection: { stream: { bytesRead: number } } }).connection.stream;
      return { connection: { client, baseline: stream.bytesRead }, snapshot: exported };
    } catch (error) {
      await client.end().catch(() => {});
      throw postgresError(error, this.target, 'cannot start a read-only transaction');
    }
  }

  /** Connections the server, the database and the role leave free (the first connection excluded). */
  private async freeConnections(): Promise<number> {
    const [[free]] = (await this.query(
      `SELECT least(
           current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
             - coalesce(current_setting('reserved_connections', true)::int, 0)
             - (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend'),
           (SELECT CASE WHEN datconnlimit < 0 THEN NULL ELSE datconnlimit - (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database()) END
              FROM pg_database WHERE datname = current_database()),
           (SELECT CASE WHEN rolconnlimit < 0 OR rolsuper THEN NULL ELSE rolconnlimit - (SELECT count(*)::int FROM pg_stat_activity WHERE usename = current_user) END
              FROM pg_roles WHERE rolname = current_user))`,
      [],
      'counting free connections',
    )) as [[number]];
    return Number(free);
  }

  /** Opens `jobs` connections (see ServerConnections: at most half of the free ones, all closed together). */
  async open(jobs: number): Promise<number> {
    return this.servers.open(jobs);
  }

  /**
   * Hashes a probe text in the server with the very expression the row hash uses and compares it
   * with lookup3.ts: PostgreSQL's lookup3 reads words in the server's byte order, so a big-endian
   * server (or a `hashtextextended` that is not PostgreSQL's own, earlier on the search_path)
   * gives other values, and the comparison then falls back to md5.
   */
  /** No SQL-callable CRC before PostgreSQL 18 (crc32c(bytea)); not probed yet. */
  async crcMatches(): Promise<boolean> {
    return false;
  }

  async lookup3Matches(): Promise<boolean> {
    this.lookup3 ??= this.servers.run(async ({ client }) => {
      this.queries++;
      // In a savepoint: a failing probe must not abort the read-only transaction.
      await client.query('SAVEPOINT lookup3_probe');
      try {
        const { rows } = await client.query({ text: `SELECT ${lookup3Expression('$1::text')}::text`, values: [LOOKUP3_PROBE], rowMode: 'array' });
        await client.query('RELEASE SAVEPOINT lookup3_probe');
        const expected: [number, number] = [0, 0];
        lookup3Text(LOOKUP3_PROBE, expected);
        return String(rows[0]?.[0]) === lookup3Int64(expected).toString();
      } catch {
        await client.query('ROLLBACK TO SAVEPOINT lookup3_probe');
        return false;
      }
    });
    return this.lookup3;
  }

  private async query(sql: string, params: unknown[] = [], what = 'query failed'): Promise<unknown[][]> {
    this.queries++;
    return this.servers.run(async ({ client }) => {
      try {
        return (await client.query({ text: sql, values: params, rowMode: 'array' })).rows as unknown[][];
      } catch (error) {
        throw postgresError(error, this.target, what);
      }
    });
  }

  private get current(): SidePlan {
    if (!this.plan) throw new Error('PostgreSQL side used before prepare()');
    return this.plan;
  }

  private tableWhat(): string {
    return `table ${this.current.table.name}`;
  }

  async listTables(): Promise<string[]> {
    return listPostgresTables((sql, params) => this.query(sql, params, 'reading the catalog'));
  }

  async describeTable(name: string): Promise<TableShape | null> {
    return describePostgresTable((sql, params) => this.query(sql, params, `reading table ${name}`), name);
  }

  async prepare(plan: SidePlan): Promise<void> {
    this.plan = plan;
    if (plan.naiveTimeZone) await this.query('SELECT now() AT TIME ZONE $1', [plan.naiveTimeZone], `--naive-time-zone ${plan.naiveTimeZone}`);
    if (plan.crossEngine) {
      const [[encoding]] = (await this.query("SELECT current_setting('server_encoding')")) as [[string]];
      if (encoding !== 'UTF8') throw new InputDataError(`${this.display}: comparing with another engine needs a UTF8 database (this one is ${encoding})`);
    }
  }

  private filters(extra: string[] = []): string {
    return ['TRUE', ...whereFilter(this.current), ...extra].join(' AND ');
  }

  /** Conditions of one range alone (not the ranges it lies within). */
  private bounds(range: KeyRange, params: unknown[]): string[] {
    const plan = this.current;
    const out: string[] = [];
    if (range.lo) out.push(`${keyTuple(plan)} >= ${keyParameter(plan, range.lo, params)}`);
    if (range.hi) out.push(`${keyTuple(plan)} < ${keyParameter(plan, range.hi, params)}`);
    return out;
  }

  /** Non-NULL key, inside the range and every range it lies within. */
  private rangeFilters(range: KeyRange, params: unknown[]): string[] {
    return [notNullKey(this.current), ...rangeChain(range).flatMap((r) => this.bounds(r, params))];
  }

  async count(): Promise<bigint> {
    const [[n]] = (await this.query(
      `SELECT count(*)::text FROM ${this.current.table.sqlName} WHERE ${this.filters()}`,
      [],
      `counting ${this.tableWhat()}`,
    )) as [[string]];
    return BigInt(n);
  }

  async estimateRows(): Promise<bigint> {
    const plan = this.current;
    // The planner's statistics cost nothing; a filter or a table never analyzed needs a count.
    if (!plan.where) {
      const rows = await this.query(
        `SELECT c.reltuples::bigint::text FROM pg_class c WHERE c.oid = to_regclass($1)`,
        [plan.table.sqlName],
        `estimating rows of ${this.tableWhat()}`,
      );
      const estimate = rows.length ? BigInt(String(rows[0]![0])) : -1n;
      if (estimate > 0n) return estimate;
    }
    return this.count();
  }

  async nullKeyCount(): Promise<bigint> {
    const plan = this.current;
    const [[n]] = (await this.query(
      `SELECT count(*)::text FROM ${plan.table.sqlName} WHERE ${this.filters([anyNullKey(plan)])}`,
      [],
      `counting NULL keys of ${this.tableWhat()}`,
    )) as [[string]];
    return BigInt(n);
  }

  async duplicateKeys(limit: number): Promise<DuplicateKeys> {
    const plan = this.current;
    const keyNames = plan.key.map((c) => c.name);
    // A unique constraint on (a subset of) the key already rules duplicates out.
    if (plan.table.uniqueKeys.some((unique) => unique.every((c) => keyNames.includes(c)))) return { keys: 0n, sample: [] };
    const columns = plan.key.map((c) => quoteIdent(c.name));
    const rows = await this.query(
      `SELECT count(*) OVER ()::text, ${columns.map((c) => `${c}::text`).join(', ')} FROM ${plan.table.sqlName}
       WHERE ${this.filters([notNullKey(plan)])} GROUP BY ${columns.join(', ')} HAVING count(*) > 1 ORDER BY ${columns.join(', ')} LIMIT ${limit}`,
      [],
      `looking for duplicate keys in ${this.tableWhat()}`,
    );
    return { keys: rows.length ? BigInt(String(rows[0]![0])) : 0n, sample: rows.map((r) => r.slice(1) as KeyTuple) };
  }

  async keyExtent(): Promise<{ min: KeyTuple; max: KeyTuple } | null> {
    const plan = this.current;
    const k = quoteIdent(plan.key[0]!.name);
    const [[min, max]] = (await this.query(
      `SELECT min(${k})::text, max(${k})::text FROM ${plan.table.sqlName} WHERE ${this.filters()}`,
      [],
      `reading the key range of ${this.tableWhat()}`,
    )) as [[string | null, string | null]];
    return min === null || max === null ? null : { min: [min], max: [max] };
  }

  async quantiles(range: KeyRange, step: number): Promise<KeyTuple[]> {
    const plan = this.current;
    const params: unknown[] = [];
    const columns = plan.key.map((c) => quoteIdent(c.name));
    const rows = await this.query(
      `SELECT ${columns.map((c) => `${c}::text`).join(', ')} FROM (
         SELECT ${columns.join(', ')}, row_number() OVER (ORDER BY ${columns.join(', ')}) AS rn
         FROM ${plan.table.sqlName} WHERE ${this.filters(this.rangeFilters(range, params))}) s
       WHERE rn % ${Math.max(1, Math.floor(step))} = 0 ORDER BY rn`,
      params,
      `sampling keys of ${this.tableWhat()}`,
    );
    return rows as KeyTuple[];
  }

  async order(keys: KeyTuple[]): Promise<number[]> {
    if (keys.length < 2) return keys.map((_, i) => i);
    const plan = this.current;
    const arrays = plan.key.map((column, i) => keys.map((k) => k[i]));
    const aliases = plan.key.map((_, i) => `k${i}`);
    const rows = await this.query(
      `SELECT i - 1 FROM unnest(${plan.key.map((c, i) => `$${i + 1}::${c.shape.declaredType}[]`).join(', ')}) WITH ORDINALITY AS u(${aliases.join(', ')}, i)
       ORDER BY ${plan.key.map((c, i) => `${aliases[i]}${collate(c)}`).join(', ')}`,
      arrays,
      `ordering keys of ${this.tableWhat()}`,
    );
    return rows.map((r) => Number(r[0]));
  }

  async hashBuckets(request: BucketRequest): Promise<BucketHash[]> {
    const plan = this.current;
    const total = request.bounds.length + 1;
    const result: BucketHash[] = Array.from({ length: total }, () => ({ count: 0n, sum: 0n }));
    const put = (index: number, count: unknown, sum: unknown) => {
      result[index] = { count: BigInt(String(count)), sum: BigInt.asUintN(64, BigInt(String(sum ?? '0'))) };
    };
    const hash = rowHashExpression(plan);
    const what = `hashing ${this.tableWhat()}`;
    const grouped = (bucket: string, params: unknown[], filters: string[]) =>
      this.query(
        `SELECT b, count(*)::text, sum(h)::text FROM (SELECT ${bucket} AS b, ${hash} AS h FROM ${plan.table.sqlName} WHERE ${this.filters(filters)}) s GROUP BY b`,
        params,
        what,
      );

    if (total === 1 || request.arithmetic || fixedWidthKey(plan)) {
      // One scan of the range; the bucket of each row is computed, and rows are summed per bucket.
      const params: unknown[] = [];
      const filters = this.rangeFilters(request.range, params);
      const k = keyTuple(plan);
      let bucket = '0';
      if (total > 1 && request.arithmetic) {
        // bounds[i] = base + (i + 1) × width: the bucket is a division. Keys below the first or
        // above the last bound are placed first, so the subtraction stays within the key's range.
        const firstBound = keyParameter(plan, request.bounds[0]!, params);
        const lastBound = keyParameter(plan, request.bounds[total - 2]!, params);
        params.push(request.arithmetic.base.toString(), request.arithmetic.width.toString());
        bucket = `CASE WHEN ${k} < ${firstBound} THEN 0 WHEN ${k} >= ${lastBound} THEN ${total - 1} ELSE ((${k}::int8 - $${params.length - 1}::int8) / $${params.length}::int8)::int END`;
      } else if (total > 1) {
        // A binary search over the bounds (fixed-width types only: others make it a linear scan).
        params.push(request.bounds.map((b) => b[0]));
        bucket = `width_bucket(${k}, $${params.length}::${plan.key[0]!.shape.declaredType}[])`;
      }
      for (const [b, count, sum] of await grouped(bucket, params, filters)) put(Number(b), count, sum);
      return result;
    }
    // Variable-width or composite key: one index range scan per bucket, all in one query
    // (LATERAL); the first and last bucket, open on one side, get their own query.
    const params: unknown[] = [];
    const outer = this.rangeFilters(request.range, params);
    for (const i of [0, total - 1]) {
      const own: unknown[] = [...params];
      for (const [, count, sum] of await grouped(String(i), own, [...outer, ...this.bounds(bucketRange(request, i), own)])) put(i, count, sum);
    }
    if (total > 2) {
      const inner = Array.from({ length: total - 2 }, (_, j) => j + 1);
      const own: unknown[] = [...params];
      own.push(inner);
      const indexParam = `$${own.length}::int[]`;
      const arrays = (pick: (i: number) => KeyTuple) =>
        plan.key.map((c, j) => {
          own.push(inner.map((i) => pick(i)[j]));
          return `$${own.length}::${c.shape.declaredType}[]`;
        });
      const lo = arrays((i) => request.bounds[i - 1]!);
      const hi = arrays((i) => request.bounds[i]!);
      const tuple = (prefix: string) => (plan.key.length === 1 ? `r.${prefix}0` : `(${plan.key.map((_, j) => `r.${prefix}${j}`).join(', ')})`);
      const rows = await this.query(
        `SELECT r.i, s.c, s.h FROM unnest(${indexParam}, ${[...lo, ...hi].join(', ')}) AS r(i, ${[...plan.key.map((_, j) => `l${j}`), ...plan.key.map((_, j) => `h${j}`)].join(', ')})
         CROSS JOIN LATERAL (SELECT count(*)::text AS c, sum(${hash})::text AS h FROM ${plan.table.sqlName}
           WHERE ${this.filters([...outer, `${keyTuple(plan)} >= ${tuple('l')}`, `${keyTuple(plan)} < ${tuple('h')}`])}) s`,
        own,
        what,
      );
      for (const [i, count, sum] of rows) put(Number(i), count, sum);
    }
    return result;
  }

  private columnsSql(): string {
    const plan = this.current;
    return [...plan.key, ...plan.columns].map(fetchExpression).join(', ');
  }

  async fetchRows(ranges: KeyRange[]): Promise<RawValue[][]> {
    const plan = this.current;
    const results = await Promise.all(
      rangeBatches(ranges, (range, params) => this.bounds(range, params)).map(({ condition, params }) =>
        this.query(
          `SELECT ${this.columnsSql()} FROM ${plan.table.sqlName} WHERE ${this.filters([notNullKey(plan), condition])}`,
          params,
          `reading rows of ${this.tableWhat()}`,
        ),
      ),
    );
    const rows = results.flat() as RawValue[][];
    this.rowsFetched += rows.length;
    return rows;
  }

  async fetchNullKeyRows(): Promise<RawValue[][]> {
    const plan = this.current;
    const rows = (await this.query(
      `SELECT ${this.columnsSql()} FROM ${plan.table.sqlName} WHERE ${this.filters([anyNullKey(plan)])}`,
      [],
      `reading rows with NULL keys of ${this.tableWhat()}`,
    )) as RawValue[][];
    this.rowsFetched += rows.length;
    return rows;
  }

  /** The partition of a row hash: its top `bits` bits. */
  private partition(hash: string, bits: number): string {
    return bits === 0 ? '0' : `((${hash} >> ${64 - bits}) & ${(1 << bits) - 1})::int`;
  }

  async hashPartitions(bits: number): Promise<BucketHash[]> {
    const plan = this.current;
    const result: BucketHash[] = Array.from({ length: 2 ** bits }, () => ({ count: 0n, sum: 0n }));
    const rows = await this.query(
      `SELECT ${this.partition('h', bits)} AS p, count(*)::text, sum(h)::text FROM (SELECT ${rowHashExpression(plan)} AS h FROM ${plan.table.sqlName} WHERE ${this.filters()}) s GROUP BY p`,
      [],
      `hashing ${this.tableWhat()}`,
    );
    for (const [p, count, sum] of rows) result[Number(p)] = { count: BigInt(String(count)), sum: BigInt.asUintN(64, BigInt(String(sum ?? '0'))) };
    return result;
  }

  async fetchPartitions(bits: number, partitions: number[]): Promise<RawValue[][]> {
    const plan = this.current;
    const rows = (await this.query(
      `SELECT ${this.columnsSql()} FROM ${plan.table.sqlName} WHERE ${this.filters([`${this.partition(rowHashExpression(plan), bits)} = ANY($1::int[])`])}`,
      [partitions],
      `reading rows of ${this.tableWhat()}`,
    )) as RawValue[][];
    this.rowsFetched += rows.length;
    return rows;
  }

  async stats(): Promise<SideStats> {
    const bytes = this.servers.connections.reduce(
      (sum, { client, baseline }) => sum + (client as unknown as { connection: { stream: { bytesRead: number } } }).connection.stream.bytesRead - baseline,
      0,
    );
    return { bytesFetched: bytes, queries: this.queries, rowsFetched: this.rowsFetched };
  }

  async close(): Promise<void> {
    await this.servers.close();
  }
}

import type { Connection, FieldPacket } from 'mysql2/promise';
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
  type SideColumn,
  type SidePlan,
  type SideStats,
} from '../engine-side.js';
import { rangeBatches } from '../server/range-batches.js';
import { ServerConnections } from '../server/server-connections.js';
import { describeMysqlTable, listMysqlTables } from './mysql-catalog.js';
import { mysqlError } from './mysql-errors.js';
import { CRC_PROBES, mysqlFetchExpression, mysqlRowHash, mysqlTextHash, quoteMysqlIdent } from './mysql-expressions.js';
import { crc32PairText, crc32PairValue } from '../../hashing/crc32-pair.js';

/** Session settings that make values (and so normalization) independent of the server's defaults. */
const SESSION = ["SET time_zone = '+00:00'", 'SET NAMES utf8mb4', 'SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ'];

/** Buckets per UNION ALL statement. */
const BUCKETS_PER_QUERY = 64;

/** How a key value sent as a parameter is typed in SQL, so it compares in the column's own order. */
function keyCast(column: SideColumn): string {
  switch (column.shape.family) {
    case 'integer':
    case 'boolean':
      return /unsigned/i.test(column.shape.declaredType) ? 'CAST(? AS UNSIGNED)' : 'CAST(? AS SIGNED)';
    case 'decimal':
      return `CAST(? AS DECIMAL(65, ${column.shape.scale ?? 30}))`;
    case 'float':
      return 'CAST(? AS DOUBLE)';
    case 'timestamp':
      return 'CAST(? AS DATETIME(6))';
    case 'date':
      return 'CAST(? AS DATE)';
    case 'time':
      return 'CAST(? AS TIME(6))';
    case 'bytes':
      return 'CAST(? AS BINARY)';
    default:
      return column.shape.collation ? `CONVERT(? USING utf8mb4) COLLATE ${column.shape.collation}` : '?';
  }
}

/**
 * A MySQL 8 or MariaDB 10.6+ database, read through `jobs` connections (mysql2), each in a READ
 * ONLY transaction WITH CONSISTENT SNAPSHOT: the server refuses writes. MySQL cannot share one
 * snapshot between connections, so with --jobs > 1 each connection sees its own (started
 * together). Rows are hashed in the server: md5 of the canonical row text, as on every engine.
 */
export class MysqlSide implements EngineSide {
  readonly engine = 'mysql' as const;
  readonly display: string;
  private readonly servers = new ServerConnections<Connection>(
    {
      first: () => this.connect(),
      // MySQL cannot share a snapshot: each connection starts its own.
      more: () => this.connect(),
      free: async () => {
        const [[free]] = (await this.query('SELECT @@max_connections - (SELECT COUNT(*) FROM information_schema.PROCESSLIST)')) as [[unknown]];
        return Number(free);
      },
      end: async (connection) => {
        await connection.query('ROLLBACK').catch(() => {});
        await connection.end().catch(() => {});
      },
    },
    'MySQL',
  );
  private plan: SidePlan | null = null;
  private queries = 0;
  private crc: Promise<boolean> | null = null;
  private rowsFetched = 0;

  constructor(private readonly target: ConnectionTarget) {
    this.display = target.display;
  }

  private async connect(): Promise<Connection> {
    const mysql = await import('mysql2/promise');
    let connection: Connection | null = null;
    try {
      connection = await mysql.createConnection({
        uri: this.target.location,
        connectTimeout: 10_000,
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
        decimalNumbers: false,
        rowsAsArray: true,
        // JSON columns as their text (MySQL), like every other text.
        typeCast: (field, next) => (field.type === 'JSON' ? field.string('utf8') : next()),
      });
      connection.on('error', () => {});
      for (const statement of SESSION) await connection.query(statement);
      await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      return connection;
    } catch (error) {
      await connection?.end().catch(() => {});
      throw mysqlError(error, this.target, 'cannot connect');
    }
  }

  /** Opens `jobs` connections (see ServerConnections: at most half of the free ones, all closed together). */
  async open(jobs: number): Promise<number> {
    return this.servers.open(jobs);
  }

  /** MySQL has no lookup3 (PostgreSQL's hashtextextended). */
  async lookup3Matches(): Promise<boolean> {
    return false;
  }

  /**
   * Whether the server computes the CRC pair of a text as crc32-pair.ts does, in the very
   * expression the rows use, summed over several rows (the expression reads a user variable that
   * each row must set first): MariaDB 10.8+; MySQL 8 has no CRC32C, so the probe fails and md5 is used.
   */
  async crcMatches(): Promise<boolean> {
    this.crc ??= this.servers.run(async (connection) => {
      const rows = CRC_PROBES.map(() => 'SELECT CONVERT(? USING utf8mb4) AS x').join(' UNION ALL ');
      try {
        const [[[sum]]] = (await connection.query({
          sql: `SELECT CAST(SUM(h) AS CHAR) FROM (SELECT ${mysqlTextHash('x', 'crc')} AS h FROM (${rows}) v) s`,
          values: CRC_PROBES,
          rowsAsArray: true,
        })) as [[[unknown]], FieldPacket[]];
        const out: [number, number] = [0, 0];
        const expected = CRC_PROBES.reduce((total, text) => {
          crc32PairText(text, out);
          return total + crc32PairValue(out);
        }, 0n);
        return String(sum) === expected.toString();
      } catch {
        return false;
      }
    });
    return this.crc;
  }

  private async query(sql: string, params: unknown[] = [], what = 'query failed'): Promise<unknown[][]> {
    this.queries++;
    return this.servers.run(async (connection) => {
      try {
        const [rows] = (await connection.query({ sql, values: params, rowsAsArray: true })) as [unknown[][], FieldPacket[]];
        return rows;
      } catch (error) {
        throw mysqlError(error, this.target, what);
      }
    });
  }

  private get current(): SidePlan {
    if (!this.plan) throw new Error('MySQL side used before prepare()');
    return this.plan;
  }

  private tableWhat(): string {
    return `table ${this.current.table.name}`;
  }

  listTables(): Promise<string[]> {
    return listMysqlTables((sql, params) => this.query(sql, params, 'reading the catalog'));
  }

  describeTable(name: string): Promise<TableShape | null> {
    return describeMysqlTable((sql, params) => this.query(sql, params, `reading table ${name}`), name);
  }

  async prepare(plan: SidePlan): Promise<void> {
    this.plan = plan;
  }

  private keyTuple(): string {
    const names = this.current.key.map((c) => quoteMysqlIdent(c.name));
    return names.length === 1 ? names[0]! : `(${names.join(', ')})`;
  }

  private keyParameter(values: readonly unknown[], params: unknown[]): string {
    const parts = this.current.key.map((column, i) => {
      const v = values[i];
      params.push(typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v) : v);
      return keyCast(column);
    });
    return parts.length === 1 ? parts[0]! : `(${parts.join(', ')})`;
  }

  private notNullKey(): string[] {
    return this.current.key.map((c) => `${quoteMysqlIdent(c.name)} IS NOT NULL`);
  }

  private anyNullKey(): string {
    return `(${this.current.key.map((c) => `${quoteMysqlIdent(c.name)} IS NULL`).join(' OR ')})`;
  }

  private filters(extra: string[] = []): string {
    return ['TRUE', ...(this.current.where ? [`(${this.current.where})`] : []), ...extra].join(' AND ');
  }

  private bounds(range: KeyRange, params: unknown[]): string[] {
    const out: string[] = [];
    if (range.lo) out.push(`${this.keyTuple()} >= ${this.keyParameter(range.lo, params)}`);
    if (range.hi) out.push(`${this.keyTuple()} < ${this.keyParameter(range.hi, params)}`);
    return out;
  }

  private rangeFilters(range: KeyRange, params: unknown[]): string[] {
    return [...this.notNullKey(), ...rangeChain(range).flatMap((r) => this.bounds(r, params))];
  }

  private columnsSql(): string {
    return [...this.current.key, ...this.current.columns].map((c) => mysqlFetchExpression(c)).join(', ');
  }

  async count(): Promise<bigint> {
    const [[n]] = (await this.query(`SELECT COUNT(*) FROM ${this.current.table.sqlName} WHERE ${this.filters()}`, [], `counting ${this.tableWhat()}`)) as [
      [unknown],
    ];
    return BigInt(String(n));
  }

  async estimateRows(): Promise<bigint> {
    return this.count();
  }

  async nullKeyCount(): Promise<bigint> {
    const [[n]] = (await this.query(
      `SELECT COUNT(*) FROM ${this.current.table.sqlName} WHERE ${this.filters([this.anyNullKey()])}`,
      [],
      `counting NULL keys of ${this.tableWhat()}`,
    )) as [[unknown]];
    return BigInt(String(n));
  }

  async duplicateKeys(limit: number): Promise<DuplicateKeys> {
    const plan = this.current;
    const keyNames = plan.key.map((c) => c.name);
    if (plan.table.uniqueKeys.some((unique) => unique.every((c) => keyNames.includes(c)))) return { keys: 0n, sample: [] };
    const columns = plan.key.map((c) => quoteMysqlIdent(c.name));
    const rows = await this.query(
      `SELECT COUNT(*) OVER (), ${columns.join(', ')} FROM ${plan.table.sqlName} WHERE ${this.filters(this.notNullKey())}
       GROUP BY ${columns.join(', ')} HAVING COUNT(*) > 1 ORDER BY ${columns.join(', ')} LIMIT ${limit}`,
      [],
      `looking for duplicate keys in ${this.tableWhat()}`,
    );
    return { keys: rows.length ? BigInt(String(rows[0]![0])) : 0n, sample: rows.map((r) => r.slice(1) as KeyTuple) };
  }

  async keyExtent(): Promise<{ min: KeyTuple; max: KeyTuple } | null> {
    const k = quoteMysqlIdent(this.current.key[0]!.name);
    const [[min, max]] = (await this.query(
      `SELECT MIN(${k}), MAX(${k}) FROM ${this.current.table.sqlName} WHERE ${this.filters()}`,
      [],
      `reading the key range of ${this.tableWhat()}`,
    )) as [[RawValue, RawValue]];
    return min === null || max === null ? null : { min: [min], max: [max] };
  }

  async quantiles(range: KeyRange, step: number): Promise<KeyTuple[]> {
    const params: unknown[] = [];
    const columns = this.current.key.map((c) => quoteMysqlIdent(c.name));
    const rows = await this.query(
      `SELECT ${columns.join(', ')} FROM (SELECT ${columns.join(', ')}, ROW_NUMBER() OVER (ORDER BY ${columns.join(', ')}) AS rn
         FROM ${this.current.table.sqlName} WHERE ${this.filters(this.rangeFilters(range, params))}) s
       WHERE rn % ${Math.max(1, Math.floor(step))} = 0 ORDER BY rn`,
      params,
      `sampling keys of ${this.tableWhat()}`,
    );
    return rows as KeyTuple[];
  }

  async order(keys: KeyTuple[]): Promise<number[]> {
    if (keys.length < 2) return keys.map((_, i) => i);
    const plan = this.current;
    const params: unknown[] = [];
    const rows = keys.map((key, i) => {
      const parts = plan.key.map((column, j) => {
        const v = key[j];
        params.push(typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v) : v);
        return `${keyCast(column)} AS k${j}`;
      });
      return `SELECT ${i} AS i, ${parts.join(', ')}`;
    });
    const sorted = await this.query(
      `SELECT i FROM (${rows.join(' UNION ALL ')}) u ORDER BY ${plan.key.map((_, j) => `k${j}`).join(', ')}, i`,
      params,
      `ordering keys of ${this.tableWhat()}`,
    );
    return sorted.map((r) => Number(r[0]));
  }

  async hashBuckets(request: BucketRequest): Promise<BucketHash[]> {
    const plan = this.current;
    const total = request.bounds.length + 1;
    const result: BucketHash[] = Array.from({ length: total }, () => ({ count: 0n, sum: 0n }));
    const put = (index: unknown, count: unknown, sum: unknown) => {
      result[Number(index)] = { count: BigInt(String(count)), sum: BigInt.asUintN(64, BigInt(String(sum ?? '0'))) };
    };
    const hash = mysqlRowHash(plan);
    const what = `hashing ${this.tableWhat()}`;
    if (total === 1 || request.arithmetic) {
      const params: unknown[] = [];
      const filters = this.rangeFilters(request.range, params);
      let bucket = '0';
      if (total > 1 && request.arithmetic) {
        const k = this.keyTuple();
        const bucketParams: unknown[] = [];
        const first = this.keyParameter(request.bounds[0]!, bucketParams);
        const last = this.keyParameter(request.bounds[total - 2]!, bucketParams);
        bucketParams.push(request.arithmetic.base.toString(), request.arithmetic.width.toString());
        bucket = `CASE WHEN ${k} < ${first} THEN 0 WHEN ${k} >= ${last} THEN ${total - 1} ELSE (${k} - CAST(? AS SIGNED)) DIV CAST(? AS SIGNED) END`;
        params.unshift(...bucketParams);
      }
      const rows = await this.query(
        `SELECT b, COUNT(*), SUM(h) FROM (SELECT ${bucket} AS b, ${hash} AS h FROM ${plan.table.sqlName} WHERE ${this.filters(filters)}) s GROUP BY b`,
        params,
        what,
      );
      for (const [b, count, sum] of rows) put(b, count, sum);
      return result;
    }
    // One index range scan per bucket, many buckets per statement (MySQL has no LATERAL).
    for (let first = 0; first < total; first += BUCKETS_PER_QUERY) {
      const params: unknown[] = [];
      const parts: string[] = [];
      for (let i = first; i < Math.min(total, first + BUCKETS_PER_QUERY); i++) {
        const filters = this.rangeFilters(bucketRange(request, i), params);
        parts.push(`SELECT ${i} AS b, COUNT(*) AS c, SUM(${hash}) AS h FROM ${plan.table.sqlName} WHERE ${this.filters(filters)}`);
      }
      for (const [b, count, sum] of await this.query(parts.join(' UNION ALL '), params, what)) put(b, count, sum);
    }
    return result;
  }

  async fetchRows(ranges: KeyRange[]): Promise<RawValue[][]> {
    const plan = this.current;
    const results = await Promise.all(
      rangeBatches(ranges, (range, params) => this.bounds(range, params)).map(({ condition, params }) =>
        this.query(
          `SELECT ${this.columnsSql()} FROM ${plan.table.sqlName} WHERE ${this.filters([...this.notNullKey(), condition])}`,
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
    const rows = (await this.query(
      `SELECT ${this.columnsSql()} FROM ${this.current.table.sqlName} WHERE ${this.filters([this.anyNullKey()])}`,
      [],
      `reading rows with NULL keys of ${this.tableWhat()}`,
    )) as RawValue[][];
    this.rowsFetched += rows.length;
    return rows;
  }

  private partition(hash: string, bits: number): string {
    return bits === 0 ? '0' : `(${hash} >> ${64 - bits})`;
  }

  async hashPartitions(bits: number): Promise<BucketHash[]> {
    const plan = this.current;
    const result: BucketHash[] = Array.from({ length: 2 ** bits }, () => ({ count: 0n, sum: 0n }));
    const rows = await this.query(
      `SELECT ${this.partition('h', bits)} AS p, COUNT(*), SUM(h) FROM (SELECT ${mysqlRowHash(plan)} AS h FROM ${plan.table.sqlName} WHERE ${this.filters()}) s GROUP BY p`,
      [],
      `hashing ${this.tableWhat()}`,
    );
    for (const [p, count, sum] of rows) result[Number(p)] = { count: BigInt(String(count)), sum: BigInt.asUintN(64, BigInt(String(sum ?? '0'))) };
    return result;
  }

  async fetchPartitions(bits: number, partitions: number[]): Promise<RawValue[][]> {
    const plan = this.current;
    const rows = (await this.query(
      `SELECT ${this.columnsSql()} FROM ${plan.table.sqlName} WHERE ${this.filters([`${this.partition(mysqlRowHash(plan), bits)} IN (?)`])}`,
      [partitions],
      `reading rows of ${this.tableWhat()}`,
    )) as RawValue[][];
    this.rowsFetched += rows.length;
    return rows;
  }

  async stats(): Promise<SideStats> {
    const bytes = this.servers.connections.reduce(
      (sum, c) => sum + ((c as unknown as { connection?: { stream?: { bytesRead?: number } } }).connection?.stream?.bytesRead ?? 0),
      0,
    );
    return { bytesFetched: bytes, queries: this.queries, rowsFetched: this.rowsFetched };
  }

  async close(): Promise<void> {
    await this.servers.close();
  }
}

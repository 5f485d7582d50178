import { formatPath, InputDataError, type SchemaInputHandle, z, builtSchema, lazySchema } from '@migration-architect/core';
import { objectKey } from '../schema/qualified-name.js';
import { withReadOnlySession } from '../sources/live/read-only-session.js';

/**
 * Size and write activity of every table, from PostgreSQL's own statistics: `reltuples` (rows as
 * of the last ANALYZE or VACUUM; -1 when never analyzed), the heap and total size (with indexes
 * and TOAST), and rows inserted, updated and deleted since the statistics were reset. Run it with
 * psql to export a stats file for `check --stats` (docs/cli.md shows the command).
 */
export const TABLE_STATS_QUERY = `SELECT n.nspname AS schema, c.relname AS name,
  c.reltuples::float8 AS rows,
  pg_relation_size(c.oid)::float8 AS table_bytes,
  pg_total_relation_size(c.oid)::float8 AS total_bytes,
  coalesce(s.n_tup_ins, 0)::float8 AS n_tup_ins,
  coalesce(s.n_tup_upd, 0)::float8 AS n_tup_upd,
  coalesce(s.n_tup_del, 0)::float8 AS n_tup_del,
  extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time()))::float8 AS stats_seconds
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
JOIN pg_stat_database d ON d.datname = current_database()
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;

const count = lazySchema(() => z.number().nonnegative());
export const TableStatsRowSchema = lazySchema(() =>
  z.object({
    schema: z.string(),
    name: z.string(),
    rows: z.number().meta({ description: 'pg_class.reltuples: -1 when the table was never analyzed.' }),
    table_bytes: builtSchema(count),
    total_bytes: builtSchema(count),
    n_tup_ins: builtSchema(count),
    n_tup_upd: builtSchema(count),
    n_tup_del: builtSchema(count),
    stats_seconds: count.meta({ description: 'Seconds since the statistics were reset (or the server started).' }),
  }),
);

/** A stats file: what `psql -Atc` prints for the documented export query. */
export const TableStatsFileSchema = lazySchema(() => z.object({ tables: z.array(builtSchema(TableStatsRowSchema)) }));

export interface TableStats {
  /** As the before schema names it (`Table.key`): `orders`, `billing.invoices`. */
  key: string;
  /** Schema-qualified, as the live system names it. */
  qualified: string;
  /** Null when the table was never analyzed. */
  rows: number | null;
  tableBytes: number;
  totalBytes: number;
  /** Rows written per second on average since the statistics were reset; null when that span is unknown. */
  writesPerSecond: number | null;
}

/** Statistics by table key, as `sizing.read` returns them. */
export interface StatsByTable {
  source: string;
  tables: Map<string, TableStats>;
}

function statsOf(rows: z.infer<typeof TableStatsRowSchema>[], source: string): StatsByTable {
  const tables = new Map<string, TableStats>();
  for (const row of rows) {
    const writes = row.n_tup_ins + row.n_tup_upd + row.n_tup_del;
    tables.set(objectKey(row.schema, row.name), {
      key: objectKey(row.schema, row.name),
      qualified: `${row.schema}.${row.name}`,
      rows: row.rows < 0 ? null : Math.round(row.rows),
      tableBytes: row.table_bytes,
      totalBytes: row.total_bytes,
      writesPerSecond: row.stats_seconds > 0 ? writes / row.stats_seconds : null,
    });
  }
  return { source, tables };
}

/**
 * Statistics from a live PostgreSQL (a `postgres://` URL, read in a read-only transaction) or a
 * stats file (JSON, `{ "tables": [...] }`); null for any other input (a schema file as `--before`).
 */
export async function readTableStats(input: SchemaInputHandle): Promise<StatsByTable | null> {
  if (input.scheme === 'postgres' || input.scheme === 'postgresql') {
    const rows = await withReadOnlySession(input.input, (query) => query<z.infer<typeof TableStatsRowSchema>>(TABLE_STATS_QUERY));
    return statsOf(rows, input.name);
  }
  if (!input.fileName?.toLowerCase().endsWith('.json')) return null;
  let document: unknown;
  try {
    document = JSON.parse(await input.text());
  } catch (error) {
    throw new InputDataError(`not JSON: ${(error as Error).message}`, { file: input.name });
  }
  // A schema written as JSON is not statistics: only a document with `tables` rows is read as one.
  if (typeof document !== 'object' || document === null || !Array.isArray((document as { tables?: unknown }).tables)) return null;
  if ((document as { tables: unknown[] }).tables.some((t) => typeof t !== 'object' || t === null || !('total_bytes' in t))) return null;
  const parsed = TableStatsFileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputDataError(issue.message, { file: input.name, path: formatPath(issue.path as PropertyKey[]) });
  }
  return statsOf(parsed.data.tables, input.name);
}

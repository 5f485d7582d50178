import type { Client, QueryResultRow } from 'pg';
import { connectionError } from './connection-errors.js';
import { parsePostgresUrl, type PostgresTarget } from './postgres-url.js';

export type CatalogQuery = <Row extends QueryResultRow>(sql: string) => Promise<Row[]>;

export interface ReadOnlySessionOptions {
  /** Connect timeout; an unreachable host fails after this instead of the OS's minutes. */
  connectTimeoutMs?: number;
  /** Per-statement limit inside the transaction, so a locked or huge catalog cannot hang `check`. */
  statementTimeoutMs?: number;
}

/**
 * Runs `work` inside `BEGIN TRANSACTION READ ONLY` on a fresh connection, then rolls back and
 * disconnects. The server refuses any write in such a transaction, so nothing `work` runs can
 * change the database. The driver is imported here, on first use, so that users who never pass
 * a database URL never load it. Every failure becomes a ServiceUnavailableError (69) naming
 * host:port and the reason, never the password.
 */
/**
 * node-pg reads `sslmode=require` as `verify-full` and prints a multi-line security warning to
 * the user's terminal. Users write these URLs for psql, so they get libpq's meaning of sslmode
 * (what psql does), and no warning.
 */
export function withLibpqSslSemantics(url: string): string {
  if (!/[?&]sslmode=/i.test(url) || /[?&]uselibpqcompat=/i.test(url)) return url;
  return `${url}&uselibpqcompat=true`;
}

export async function withReadOnlySession<T>(
  url: string,
  work: (query: CatalogQuery, target: PostgresTarget) => Promise<T>,
  options: ReadOnlySessionOptions = {},
): Promise<T> {
  const target = parsePostgresUrl(url);
  const { default: pg } = await import('pg');
  const client: Client = new pg.Client({
    connectionString: withLibpqSslSemantics(url),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    application_name: 'migration-architect',
  });
  // A connection dropped mid-read surfaces through the pending query; keep it from crashing the process.
  client.on('error', () => {});
  let connected = false;
  try {
    await client.connect();
    connected = true;
    await client.query('BEGIN TRANSACTION READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(options.statementTimeoutMs ?? 30_000))}`);
    await client.query('SET LOCAL lock_timeout = 5000');
    // Deterministic name qualification in format_type / pg_get_* output, whatever the role's settings.
    await client.query('SET LOCAL search_path = public');
    const query: CatalogQuery = async (sql) => (await client.query(sql)).rows;
    return await work(query, target);
  } catch (error) {
    if (error instanceof Error && 'exitCode' in error) throw error;
    throw connectionError(error, target);
  } finally {
    if (connected) await client.query('ROLLBACK').catch(() => {});
    await client.end().catch(() => {});
  }
}

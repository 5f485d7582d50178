import { InputDataError, redactSecrets } from '@migration-architect/core';

/** Where a `postgres://` URL points, for messages: never the password, which only the driver sees. */
export interface PostgresTarget {
  /** The URL as given, for the driver. */
  url: string;
  /** The URL with its password replaced by `***`: what errors and reports show. */
  redacted: string;
  host: string;
  port: number;
  user: string | null;
  database: string | null;
  /** The password as written in the URL (percent-encoded), so messages can be scrubbed of it. */
  password: string | null;
}

export const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Checks the URL before any connection attempt; a malformed one is bad input (65), not an outage. */
export function parsePostgresUrl(url: string): PostgresTarget {
  const redacted = redactSecrets(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputDataError(`not a valid PostgreSQL URL: ${redacted} (expected postgres://user:password@host:5432/database)`, { file: redacted });
  }
  if (!POSTGRES_URL.test(url)) {
    throw new InputDataError(`not a PostgreSQL URL: ${redacted} (expected postgres:// or postgresql://)`, { file: redacted });
  }
  const port = parsed.port ? Number(parsed.port) : 5432;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database.includes('/')) {
    throw new InputDataError(`a PostgreSQL URL names one database, got "${database}" in ${redacted}`, { file: redacted });
  }
  return {
    url,
    redacted,
    // An empty host means a local socket or PGHOST; name the driver's default rather than nothing.
    host: parsed.hostname.replace(/^\[|\]$/g, '') || process.env['PGHOST'] || 'localhost',
    port,
    user: parsed.username ? decodeURIComponent(parsed.username) : null,
    database: database || null,
    password: parsed.password || null,
  };
}

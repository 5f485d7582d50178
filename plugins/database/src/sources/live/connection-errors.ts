import { describePostgresFailure, redactSecrets, ServiceUnavailableError } from '@migration-architect/core';
import type { PostgresTarget } from './postgres-url.js';

/**
 * Any failure to reach or read the database becomes exit 69, naming `host:port` and the reason
 * (core's reading, shared with reconcile); the password is scrubbed whatever the driver put in it.
 */
export function connectionError(error: unknown, target: PostgresTarget): ServiceUnavailableError {
  const { reason } = describePostgresFailure(error, {
    user: target.user ?? undefined,
    host: target.host,
    database: target.database ?? target.user ?? undefined,
  });
  const message = `cannot read PostgreSQL database at ${target.host}:${target.port}${target.database ? `/${target.database}` : ''}: ${reason}`;
  return new ServiceUnavailableError(redactSecrets(message, target.password ? [target.password] : []), { file: target.redacted });
}

import { describePostgresFailure, InputDataError, type MigrationArchitectError, redactSecrets, ServiceUnavailableError } from '@migration-architect/core';
import type { ConnectionTarget } from '../../connection/connection-target.js';

/**
 * A driver failure as one line naming the side and what failed: connection problems are 69,
 * SQL the database refused (a bad --where, a missing column) 65. The password never appears.
 * The reason is core's reading, shared with the database plugin's sessions.
 */
export function postgresError(error: unknown, target: ConnectionTarget, what: string): MigrationArchitectError {
  if (error instanceof Error && 'exitCode' in error) return error as MigrationArchitectError;
  const failure = describePostgresFailure(error);
  // Only reconcile opens several sessions at once, so only it can say what to lower.
  const advice = failure.code === '53300' ? ' (lower --jobs, or close other sessions)' : '';
  const text = redactSecrets(`${target.display}: ${what}: ${failure.reason}${advice}`, target.secret ? [target.secret] : []);
  return failure.unavailable ? new ServiceUnavailableError(text) : new InputDataError(text);
}

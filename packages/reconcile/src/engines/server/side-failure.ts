import { InputDataError, type MigrationArchitectError, redactSecrets, ServiceUnavailableError } from '@migration-architect/core';
import type { ConnectionTarget } from '../../connection/connection-target.js';

/** An engine's reading of a driver failure: the reason in words, and whether the server is unreachable or unusable. */
export interface FailureReading {
  reason: string;
  unavailable: boolean;
}

/**
 * A driver failure as one line naming the side and what failed: connection problems are 69, SQL
 * the database refused (a bad --where, a missing column) 65. The password never appears. Errors
 * that already carry an exit code pass through. Each engine only reads its driver's failures.
 */
export function sideFailure(error: unknown, target: ConnectionTarget, what: string, read: (error: unknown) => FailureReading): MigrationArchitectError {
  if (error instanceof Error && 'exitCode' in error) return error as MigrationArchitectError;
  const { reason, unavailable } = read(error);
  const text = redactSecrets(`${target.display}: ${what}: ${reason}`, target.secret ? [target.secret] : []);
  return unavailable ? new ServiceUnavailableError(text) : new InputDataError(text);
}

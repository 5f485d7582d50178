import { describePostgresFailure, type MigrationArchitectError } from '@migration-architect/core';
import type { ConnectionTarget } from '../../connection/connection-target.js';
import { sideFailure } from '../server/side-failure.js';

/**
 * A driver failure as one line naming the side and what failed (69 unavailable, 65 SQL refused);
 * never the password. The reason is core's reading, shared with the database plugin's sessions.
 */
export function postgresError(error: unknown, target: ConnectionTarget, what: string): MigrationArchitectError {
  return sideFailure(error, target, what, (driverError) => {
    const failure = describePostgresFailure(driverError);
    // Only reconcile opens several sessions at once, so only it can say what to lower.
    const advice = failure.code === '53300' ? ' (lower --jobs, or close other sessions)' : '';
    return { reason: `${failure.reason}${advice}`, unavailable: failure.unavailable };
  });
}

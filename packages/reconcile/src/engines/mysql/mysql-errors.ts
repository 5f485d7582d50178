import type { MigrationArchitectError } from '@migration-architect/core';
import type { ConnectionTarget } from '../../connection/connection-target.js';
import { sideFailure } from '../server/side-failure.js';

/** mysql2 and server error codes that mean the server cannot be reached or used (69). */
const UNAVAILABLE =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|PROTOCOL_CONNECTION_LOST|ER_ACCESS_DENIED_ERROR|ER_DBACCESS_DENIED_ERROR|ER_BAD_DB_ERROR|ER_CON_COUNT_ERROR|ER_TOO_MANY_USER_CONNECTIONS|ER_USER_LIMIT_REACHED|ER_LOCK_WAIT_TIMEOUT|ER_SERVER_SHUTDOWN)$/;

function reason(code: string, message: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and accepting TCP connections on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host';
    case 'ER_ACCESS_DENIED_ERROR':
      return 'authentication failed (wrong user or password)';
    case 'ER_BAD_DB_ERROR':
      return 'the database does not exist';
    case 'ER_CON_COUNT_ERROR':
    case 'ER_TOO_MANY_USER_CONNECTIONS':
    case 'ER_USER_LIMIT_REACHED':
      return 'too many connections: the server has no free connection (lower --jobs, or close other sessions)';
  }
  return message || code || 'unknown error';
}

/** A driver failure as one line naming the side and what failed (69 unavailable, 65 SQL refused); never the password. */
export function mysqlError(error: unknown, target: ConnectionTarget, what: string): MigrationArchitectError {
  return sideFailure(error, target, what, (driverError) => {
    const driver = (typeof driverError === 'object' && driverError !== null ? driverError : { message: String(driverError) }) as {
      code?: unknown;
      message?: unknown;
    };
    const code = typeof driver.code === 'string' ? driver.code : '';
    const message = typeof driver.message === 'string' ? driver.message.split('\n')[0]! : '';
    return { reason: reason(code, message), unavailable: UNAVAILABLE.test(code) };
  });
}

import { InputDataError, ServiceUnavailableError, type MigrationArchitectError } from '@migration-architect/core';
import { redactSecrets } from '@migration-architect/core';
import type { ConnectionTarget } from '../../connection/connection-target.js';

interface DriverError {
  message?: unknown;
  code?: unknown;
}

/** Node socket codes and SQLSTATEs that mean the server cannot be reached or used (69). */
const UNAVAILABLE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|08...|28...|3D000|53...|57P0.)$/;

function reason(error: DriverError): string {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message.split('\n')[0]! : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and accepting TCP connections on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host';
    case '28P01':
      return 'authentication failed (wrong password)';
    case '3D000':
      return 'the database does not exist';
    case '53300':
      return 'too many clients: the server has no free connection (lower --jobs, or close other sessions)';
  }
  // pg's SCRAM code says "client password must be a string" when the URL has no password.
  if (/client password must be a string|SASL/i.test(message))
    return 'the server asks for a password and none was given (put it in the URL, set PGPASSWORD, or use ~/.pgpass)';
  return message || code || 'unknown error';
}

/**
 * A driver failure as one line naming the side and what failed: connection problems are 69,
 * SQL the database refused (a bad --where, a missing column) 65. The password never appears.
 */
export function postgresError(error: unknown, target: ConnectionTarget, what: string): MigrationArchitectError {
  if (error instanceof Error && 'exitCode' in error) return error as MigrationArchitectError;
  const driver = typeof error === 'object' && error !== null ? (error as DriverError) : { message: String(error) };
  const code = typeof driver.code === 'string' ? driver.code : '';
  const text = redactSecrets(`${target.display}: ${what}: ${reason(driver)}`, target.secret ? [target.secret] : []);
  const unavailable = UNAVAILABLE.test(code) || /timeout|terminat|Connection terminated|connect|client password|SASL/i.test(String(driver.message ?? ''));
  return unavailable ? new ServiceUnavailableError(text) : new InputDataError(text);
}

import { redactSecrets, ServiceUnavailableError } from '@migration-architect/core';
import type { PostgresTarget } from './postgres-url.js';

interface DriverError {
  message?: unknown;
  code?: unknown;
}

/** SQLSTATE classes and Node socket codes → the reason a user can act on. */
function reasonFor(error: DriverError, target: PostgresTarget): string {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : String(error);
  const user = target.user ? ` for user "${target.user}"` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and accepting TCP connections on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `unknown host "${target.host}"`;
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the server closed the connection';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case '28P01':
      return `authentication failed${user} (wrong password)`;
    case '28000':
      return `authentication failed${user}: ${message}`;
    case '3D000':
      return `database "${target.database ?? target.user ?? ''}" does not exist`;
    case '57014':
      return 'reading the catalog timed out (statement_timeout)';
    case '53300':
      return 'too many connections';
    case '57P03':
      return 'the server is starting up or shutting down';
    case '42501':
      return `permission denied${user}: ${message}`;
  }
  // pg reports its own connect timeout and a missing password without a code.
  if (/timeout/i.test(message)) return 'connection timed out';
  if (/password|SASL|SCRAM/i.test(message)) return `authentication failed${user}: the server asks for a password`;
  if (/ssl|tls|certificate/i.test(message)) return `TLS negotiation failed: ${message}`;
  return message;
}

/**
 * Any failure to reach or read the database becomes exit 69, naming `host:port` and the reason;
 * the password is scrubbed from the message whatever the driver put in it.
 */
export function connectionError(error: unknown, target: PostgresTarget): ServiceUnavailableError {
  const reason = reasonFor(typeof error === 'object' && error !== null ? (error as DriverError) : { message: String(error) }, target);
  const message = `cannot read PostgreSQL database at ${target.host}:${target.port}${target.database ? `/${target.database}` : ''}: ${reason}`;
  return new ServiceUnavailableError(redactSecrets(message, target.password ? [target.password] : []), { file: target.redacted });
}

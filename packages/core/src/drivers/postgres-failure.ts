/** What node-pg and Node's sockets put on an error; anything else thrown is read as its text. */
interface DriverError {
  message?: unknown;
  code?: unknown;
}

/** Who the failing session was, to name them in the reason. */
export interface PostgresSessionContext {
  user?: string;
  host?: string;
  database?: string;
}

export interface PostgresFailure {
  /** One clause a user can act on, without the connection string (callers add the target). */
  reason: string;
  /** The server cannot be reached or used (exit 69), rather than refusing the SQL it was sent. */
  unavailable: boolean;
  /** SQLSTATE or Node socket code, when the driver gave one. */
  code: string;
}

/** Node socket codes and SQLSTATE classes 08 (connection), 28 (authorization), 53 (resources), 57P (shutdown). */
const UNAVAILABLE_CODE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ETIMEDOUT|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|08...|28...|3D000|53...|57P0.)$/;
/** node-pg reports its own connect timeout, a dropped connection and a missing password without a code. */
const UNAVAILABLE_MESSAGE = /timeout|terminat|connect|client password|SASL|SCRAM/i;

/**
 * One reading of a PostgreSQL driver failure, shared by every PostgreSQL session the tools open
 * (the live schema source, `--verify` on a server, reconcile), so the same failure reads the
 * same wherever it happens. Callers put the target in front and redact secrets.
 */
export function describePostgresFailure(error: unknown, session: PostgresSessionContext = {}): PostgresFailure {
  const driver: DriverError = typeof error === 'object' && error !== null ? (error as DriverError) : { message: String(error) };
  const code = typeof driver.code === 'string' ? driver.code : '';
  const message = typeof driver.message === 'string' ? driver.message.split('\n')[0]! : String(error);
  const unavailable = UNAVAILABLE_CODE.test(code) || (!code && UNAVAILABLE_MESSAGE.test(message));
  return { reason: reasonFor(code, message, session), unavailable, code };
}

function reasonFor(code: string, message: string, session: PostgresSessionContext): string {
  const user = session.user ? ` for user "${session.user}"` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and accepting TCP connections on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return session.host ? `unknown host "${session.host}"` : 'unknown host';
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
      return session.database ? `database "${session.database}" does not exist` : 'the database does not exist';
    case '57014':
      return 'a statement timed out (statement_timeout)';
    case '53300':
      return 'too many clients: the server has no free connection';
    case '57P03':
      return 'the server is starting up or shutting down';
    case '42501':
      return `permission denied${user}: ${message}`;
  }
  if (!code && /client password must be a string|SASL|SCRAM/i.test(message))
    return `the server asks for a password${user} and none was given (put it in the URL, set PGPASSWORD, or use ~/.pgpass)`;
  if (!code && /timeout/i.test(message)) return 'connection timed out';
  if (/\b(ssl|tls|certificate)\b/i.test(message)) return `TLS negotiation failed: ${message}`;
  return message || code || 'unknown error';
}

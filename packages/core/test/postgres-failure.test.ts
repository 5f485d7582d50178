import { describe, expect, it } from 'vitest';
import { describePostgresFailure } from '../src/drivers/postgres-failure.js';

/** What node-pg throws: an Error with the server's SQLSTATE or Node's socket code in `code`. */
function driverError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('describePostgresFailure', () => {
  it('reads socket codes as unreachable servers', () => {
    expect(describePostgresFailure(driverError('connect ECONNREFUSED 127.0.0.1:5', 'ECONNREFUSED'))).toEqual({
      reason: 'connection refused (is the server running and accepting TCP connections on that port?)',
      unavailable: true,
      code: 'ECONNREFUSED',
    });
    expect(describePostgresFailure(driverError('getaddrinfo ENOTFOUND db.invalid', 'ENOTFOUND'), { host: 'db.invalid' }).reason).toBe(
      'unknown host "db.invalid"',
    );
  });

  it('names the user in authentication failures and the database when it does not exist', () => {
    const session = { user: 'app', database: 'prod' };
    expect(describePostgresFailure(driverError('password authentication failed for user "app"', '28P01'), session)).toMatchObject({
      reason: 'authentication failed for user "app" (wrong password)',
      unavailable: true,
    });
    expect(describePostgresFailure(driverError('database "prod" does not exist', '3D000'), session).reason).toBe('database "prod" does not exist');
  });

  it("turns pg's SCRAM message for a missing password into what to do", () => {
    const failure = describePostgresFailure(driverError('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), { user: 'app' });
    expect(failure).toEqual({
      reason: 'the server asks for a password for user "app" and none was given (put it in the URL, set PGPASSWORD, or use ~/.pgpass)',
      unavailable: true,
      code: '',
    });
  });

  it('keeps SQL the server refused apart from connection problems, even when its text says "connect"', () => {
    expect(describePostgresFailure(driverError('relation "connections" does not exist', '42P01'))).toEqual({
      reason: 'relation "connections" does not exist',
      unavailable: false,
      code: '42P01',
    });
    expect(describePostgresFailure(driverError('sorry, too many clients already', '53300')).reason).toBe('too many clients: the server has no free connection');
  });

  it('reads a thrown non-error as its text', () => {
    expect(describePostgresFailure('Connection terminated unexpectedly')).toMatchObject({ reason: 'Connection terminated unexpectedly', unavailable: true });
  });
});

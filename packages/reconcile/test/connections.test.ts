import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { postgresError } from '../src/engines/postgres/postgres-errors.js';
import { parseConnectionTarget } from '../src/connection/connection-target.js';
import { reconcile } from './engine.js';
import { createDatabase, runSql, tempDir } from './planted-data.js';
import { table } from './report-assertions.js';

const server = inject('postgresUrl');
const tmp = tempDir();
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
  tmp.cleanup();
});

describe('connection targets', () => {
  it('a socket URL without a host (?host=/dir) is accepted and reaches the server', async () => {
    const db = await createDatabase(server);
    drops.push(db.drop);
    await runSql(db.url, 'CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, $$a$$)');
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    const dirs = String((await client.query('SHOW unix_socket_directories')).rows[0].unix_socket_directories);
    const port = String((await client.query('SHOW port')).rows[0].port);
    await client.end();
    const url = new URL(db.url);
    const socketUrl = `postgres://${url.username}@/${url.pathname.slice(1)}?host=${encodeURIComponent(dirs.split(',')[0]!.trim())}&port=${port}`;
    expect(parseConnectionTarget(socketUrl, '--source', tmp.dir).engine).toBe('postgres');
    const { report } = await reconcile({ source: socketUrl, target: db.url, cwd: tmp.dir, tables: ['t'] });
    expect(table(report, 't').status).toBe('equal');
  });

  it('a directory given as the SQLite file is exit 66 naming it, not an internal error', async () => {
    const dir = join(tmp.dir, 'folder.db');
    mkdirSync(dir);
    await expect(reconcile({ source: dir, target: dir, cwd: tmp.dir, tables: ['t'] })).rejects.toMatchObject({
      exitCode: 66,
      message: expect.stringMatching(/folder\.db: it is a directory/),
    });
  });

  it("a server asking for a password the URL lacks is one clear line (69), not pg's SCRAM message", () => {
    const target = parseConnectionTarget('postgres://app@db.example/prod', '--target', tmp.dir);
    // What pg throws when the server starts SCRAM and no password was given.
    const error = postgresError(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), target, 'cannot connect');
    expect(error.exitCode).toBe(69);
    expect(error.message).toBe(
      'postgres://app@db.example/prod: cannot connect: the server asks for a password and none was given (put it in the URL, set PGPASSWORD, or use ~/.pgpass)',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteEngine } from '../src/verify/pglite-engine.js';
import { runStatements } from '../src/verify/run-statements.js';
import type { ScratchDatabase, ScratchEngine } from '../src/verify/scratch-database.js';

/** The one parse-and-run loop `--verify` and the history replay share, on embedded PostgreSQL. */
describe('runStatements', () => {
  let engine: ScratchEngine;
  let db: ScratchDatabase;
  beforeAll(async () => {
    engine = await createPgliteEngine([]);
    db = await engine.create();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await engine?.close();
  });

  it('runs every statement, one at a time (CREATE INDEX CONCURRENTLY outside a transaction)', async () => {
    const run = await runStatements(
      db,
      'CREATE TABLE t (id int PRIMARY KEY, v text);\nINSERT INTO t VALUES (1, $$a;b$$);\nCREATE INDEX CONCURRENTLY t_v ON t (v);',
    );
    expect(run).toEqual({ status: 'passed' });
    expect(await db.query('SELECT v FROM t')).toEqual([{ v: 'a;b' }]);
  }, 120_000); // the first parse loads PostgreSQL's parser (WebAssembly)

  it('stops at the first failing statement, names it and runs nothing after it', async () => {
    const run = await runStatements(db, 'INSERT INTO t VALUES (2, $$x$$);\nINSERT INTO t VALUES (2, $$y$$);\nINSERT INTO t VALUES (3, $$z$$);');
    expect(run).toMatchObject({ status: 'failed', statement: 'INSERT INTO t VALUES (2, $$y$$)' });
    expect((run as { error: string }).error).toMatch(/^duplicate key value violates unique constraint "t_pkey"; Key \(id\)=\(2\) already exists\./);
    expect(await db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('says when PostgreSQL cannot parse the SQL, and runs none of it', async () => {
    const run = await runStatements(db, 'INSERT INTO t VALUES (9, $$q$$);\nCREAT TABLE u (id int);');
    expect(run).toEqual({ status: 'unparsable', error: 'syntax error at or near "CREAT"' });
    expect(await db.query('SELECT count(*)::int AS n FROM t WHERE id = 9')).toEqual([{ n: 0 }]);
  });

  it('ends an aborted transaction only when asked (verify), so the database can be used after', async () => {
    const script = 'BEGIN;\nINSERT INTO t VALUES (1, $$dup$$);\nCOMMIT;';
    expect(await runStatements(db, script)).toMatchObject({ status: 'failed', statement: 'INSERT INTO t VALUES (1, $$dup$$)' });
    await expect(db.query('SELECT 1 AS one')).rejects.toThrow(/current transaction is aborted/);
    await db.run('ROLLBACK');
    expect(await runStatements(db, script, { rollbackOnFailure: true })).toMatchObject({ status: 'failed' });
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});

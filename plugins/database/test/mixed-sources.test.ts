import { readFileSync } from 'node:fs';
import { checkCompatibility, type CompatibilityReport } from '@migration-architect/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clock, registry } from './fixtures.js';
import { PostgresServer, PostgresSession } from './postgres-server.js';

const server = new PostgresServer(inject('postgresUrl'));
const beforeSql = new URL('./fixtures/sql/app-before.sql', import.meta.url).pathname;
const afterSql = new URL('./fixtures/sql/app-after.sql', import.meta.url).pathname;

/** As `check before after` does it: core picks the source of each input. */
async function check(before: string, after: string): Promise<CompatibilityReport> {
  return checkCompatibility(registry, { before, after, clock });
}

const findings = (report: CompatibilityReport) => report.issues.map((i) => `${i.rule} ${i.severity} ${i.field_path}`).sort();

describe('mixing inputs: a live database and SQL files', () => {
  const name = 'mixed_sources';
  const url = server.databaseUrl(name);
  beforeAll(async () => {
    await server.createDatabase(name);
    const db = await PostgresSession.connect(url);
    try {
      await db.run(readFileSync(beforeSql, 'utf8'));
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await server.dropDatabase(name);
    await server.close();
  });

  it('a database built from a SQL file checks clean against that file, both ways (catalog spellings of expressions included)', async () => {
    expect(findings(await check(url, beforeSql))).toEqual([]);
    expect(findings(await check(beforeSql, url))).toEqual([]);
  });

  it('live database → after.sql finds what before.sql → after.sql finds', async () => {
    const fromFile = await check(beforeSql, afterSql);
    expect(fromFile.issues.length).toBeGreaterThan(0);
    expect(findings(await check(url, afterSql))).toEqual(findings(fromFile));
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { checkCompatibility, type CompatibilityReport } from '@migration-architect/core';
import { describe, expect, inject, it } from 'vitest';
import { postgresLiveSource } from '../src/sources/live/postgres-live-source.js';
import { postgresqlSqlSource } from '../src/sources/postgresql-sql/postgresql-sql-source.js';
import { clock, registry } from './fixtures.js';

const serverUrl = inject('postgresUrl');
const beforeSql = new URL('./fixtures/sql/app-before.sql', import.meta.url).pathname;
const afterSql = new URL('./fixtures/sql/app-after.sql', import.meta.url).pathname;

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function read(input: string): Promise<unknown> {
  const source = input.startsWith('postgres') ? postgresLiveSource : postgresqlSqlSource;
  return source.read(input, { cwd: process.cwd() });
}

async function check(before: string, after: string): Promise<CompatibilityReport> {
  return checkCompatibility(registry, 'database', { document: await read(before), file: 'before' }, { document: await read(after), file: 'after' }, { clock });
}

const findings = (report: CompatibilityReport) => report.issues.map((i) => `${i.rule} ${i.severity} ${i.field_path}`).sort();

describe('mixing inputs: a live database and SQL files', () => {
  const name = 'mixed_sources';
  execFileSync('psql', [serverUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, '-c', `CREATE DATABASE ${name}`]);
  execFileSync('psql', [databaseUrl(name), '-X', '-q', '-v', 'ON_ERROR_STOP=1'], { input: readFileSync(beforeSql, 'utf8') });

  it('a database built from a SQL file checks clean against that file, both ways (catalog spellings of expressions included)', async () => {
    expect(findings(await check(databaseUrl(name), beforeSql))).toEqual([]);
    expect(findings(await check(beforeSql, databaseUrl(name)))).toEqual([]);
  });

  it('live database → after.sql finds what before.sql → after.sql finds', async () => {
    const fromFile = await check(beforeSql, afterSql);
    expect(fromFile.issues.length).toBeGreaterThan(0);
    expect(findings(await check(databaseUrl(name), afterSql))).toEqual(findings(fromFile));
  });
});

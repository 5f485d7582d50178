import { execFileSync } from 'node:child_process';
import { checkCompatibility, type CompatibilityReport, type RenameHint } from '@migration-architect/core';
import { databaseModelDocument } from '../src/schema/model-document.js';
import { readPostgresqlSql } from '../src/sources/postgresql-sql/postgresql-sql-source.js';
import { clock, registry } from './fixtures.js';

/** Checks two SQL texts the way `check --type database before.sql after.sql` does. */
export async function checkSql(before: string, after: string, renames: RenameHint[] = []): Promise<CompatibilityReport> {
  const load = async (text: string, file: string) => ({ document: databaseModelDocument('postgresql-sql', await readPostgresqlSql(text, file)), file });
  return checkCompatibility(registry, 'database', await load(before, 'before.sql'), await load(after, 'after.sql'), { clock, renames });
}

export function psql(url: string, sql: string): string {
  return execFileSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At'], { input: sql, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `use` on a fresh database that is dropped afterwards. */
export function withScratchDatabase<T>(serverUrl: string, name: string, use: (url: string) => T): T {
  psql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE); CREATE DATABASE ${name};`);
  try {
    return use(databaseUrl(serverUrl, name));
  } finally {
    psql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE);`);
  }
}

/** What a comparison of two reports looks at: which rule found what, where, how bad. */
export function findings(report: CompatibilityReport): string[] {
  return report.issues.map((i) => `${i.rule} ${i.severity} ${i.field_path}`).sort();
}

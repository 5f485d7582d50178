import { checkCompatibility, createRegistry, fixedClock } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import database from '../src/index.js';

const registry = createRegistry([database()]);
const clock = fixedClock(new Date(0));
const before = 'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n';
const after = 'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT);\nCREATE INDEX users_email ON users (email);\n';

describe('scripts follow the dialect the schema was read in', () => {
  it('gives SQLite schemas advice without PostgreSQL scripts, and says so', async () => {
    const report = await checkCompatibility(registry, {
      before: { name: 'before.sqlite.sql', document: before },
      after: { name: 'after.sqlite.sql', document: after },
      clock,
    });
    expect(report.inputs?.after).toEqual({ name: 'after.sqlite.sql', source: 'database/sqlite-sql', dialect: 'sqlite' });
    expect(report.issues.map((i) => i.rule)).toEqual(['database/column-added', 'database/index-added']);
    expect(report.migration_scripts).toEqual([]);
    expect(
      report.issues.every((i) => i.migration_script_index === null && i.suggested_migration.endsWith('(no sqlite script: generated SQL is PostgreSQL only)')),
    ).toBe(true);
  });

  it('writes PostgreSQL scripts for the same change read as PostgreSQL DDL', async () => {
    const report = await checkCompatibility(registry, {
      before: { name: 'before.sql', document: before },
      after: { name: 'after.sql', document: after },
      clock,
    });
    expect(report.inputs?.after.dialect).toBe('postgresql');
    expect(report.migration_scripts.map((s) => s.script_content)).toEqual([
      expect.stringContaining('ALTER TABLE users ADD COLUMN name text'),
      expect.stringContaining('CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users (email);'),
    ]);
  });
});

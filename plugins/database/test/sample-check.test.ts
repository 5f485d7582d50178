import { exitCodeForReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { check, readExample } from './fixtures.js';

const report = check(readExample('database_schema_before.json'), readExample('database_schema_after.json'));
const countBy = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

describe('check on the seed sample (database_schema_before.json → database_schema_after.json)', () => {
  it('classifies every change: 0 breaking, 4 potentially breaking, 3 non-breaking, 16 additive', () => {
    expect(report.breaking_changes_count).toBe(0);
    expect(report.potentially_breaking_count).toBe(4);
    expect(report.non_breaking_changes_count).toBe(3);
    // 1 table + 8 columns + 4 indexes on existing tables + 2 views (new, extended) + 1 procedure
    expect(report.additive_changes_count).toBe(16);
    expect(report.overall_compatibility).toBe('potentially_incompatible');
    expect(exitCodeForReport(report)).toBe(1);
  });

  it('finds the same four potentially breaking changes as the seed: the new CHECK constraints', () => {
    const risky = report.issues.filter((i) => i.severity === 'potentially_breaking');
    expect(risky.map((i) => i.type)).toEqual(['check_added', 'check_added', 'check_added', 'check_added']);
    expect(risky.map((i) => i.new_value).sort()).toEqual(
      [
        'bio IS NULL OR LENGTH(bio) <= 2000',
        "language IN ('en', 'es', 'fr', 'de', 'it', 'pt', 'ru', 'ja', 'ko', 'zh')",
        'phone IS NULL OR LENGTH(phone) >= 10',
        "session_type IN ('web', 'mobile', 'api', 'admin')",
      ].sort(),
    );
    expect(risky.every((i) => i.field_path.endsWith('.constraints.check'))).toBe(true);
  });

  it('counts what the seed missed: additions as additive, widened columns as non-breaking', () => {
    const additive = countBy(report.issues.filter((i) => i.severity === 'additive').map((i) => i.type));
    expect(additive).toEqual({ table_added: 1, column_added: 8, index_added: 4, view_added: 1, view_columns_added: 1, routine_added: 1 });
    const widened = report.issues.filter((i) => i.severity === 'non_breaking');
    expect(widened.map((i) => [i.field_path, i.old_value, i.new_value])).toEqual([
      ['tables.users.columns.email.length', 255, 320],
      ['tables.user_profiles.columns.bio.type', 'varchar(255)', 'text'],
      ['tables.user_sessions.columns.user_agent.type', 'varchar(500)', 'text'],
    ]);
    // None of the three rewrites the table in PostgreSQL.
    expect(widened.every((i) => /catalog-only/.test(i.impact))).toBe(true);
  });

  it('gives every CHECK constraint its own PostgreSQL-style name', () => {
    const names = report.migration_scripts.flatMap((s) => [...s.script_content.matchAll(/ADD CONSTRAINT (\S+) CHECK/g)].map((m) => m[1]));
    expect(names).toEqual(['users_phone_check', 'user_profiles_bio_check', 'user_profiles_language_check', 'user_sessions_session_type_check']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('adds constraints NOT VALID and validates them separately, with a query counting violating rows', () => {
    const checks = report.migration_scripts.filter((s) => s.script_content.includes(' CHECK ('));
    for (const script of checks) {
      expect(script.script_content).toMatch(/NOT VALID;\nALTER TABLE \S+ VALIDATE CONSTRAINT/);
      expect(script.validation_query).toMatch(/^SELECT count\(\*\) AS violating_rows FROM \S+ WHERE NOT \(/);
    }
  });

  it('renders defaults as SQL literals, never as Python values', () => {
    const sql = report.migration_scripts.map((s) => s.script_content).join('\n');
    expect(sql).toContain("ADD COLUMN session_type varchar(20) NOT NULL DEFAULT 'web'");
    expect(sql).toContain('ADD COLUMN is_mobile boolean NOT NULL DEFAULT FALSE');
    expect(sql).toContain("ADD COLUMN timezone varchar(50) DEFAULT 'UTC'");
    expect(sql).toContain('created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP');
    expect(sql).not.toMatch(/DEFAULT (False|True|web|UTC|en|public)\b/);
    // MySQL's ON UPDATE is not PostgreSQL: a trigger maintains updated_at instead.
    expect(sql).not.toContain('ON UPDATE CURRENT_TIMESTAMP');
    expect(sql).toContain('BEFORE UPDATE ON user_preferences FOR EACH ROW');
  });

  it('keeps declared lengths and builds indexes concurrently', () => {
    const sql = report.migration_scripts.map((s) => s.script_content).join('\n');
    expect(sql).toContain('preference_key varchar(100) NOT NULL');
    const indexScripts = report.migration_scripts.filter((s) => s.description.startsWith('Add index'));
    expect(indexScripts).toHaveLength(4);
    for (const script of indexScripts) expect(script.script_content).toContain('CREATE INDEX CONCURRENTLY');
  });

  it('orders scripts so dependencies come first', () => {
    const order = report.migration_scripts.map((s) => s.description);
    for (const [i, script] of report.migration_scripts.entries()) {
      for (const dependency of script.dependencies) expect(order.indexOf(dependency), `${script.description} needs ${dependency}`).toBeLessThan(i);
    }
  });

  it('matches the golden report', async () => {
    await expect(JSON.stringify(report, null, 2) + '\n').toMatchFileSnapshot('./golden/database-compat.json');
  });
});

import { describe, expect, it } from 'vitest';
import { awkwardNamesChanged, awkwardNamesSchema, check } from './fixtures.js';

describe('identifiers and literals in generated scripts', () => {
  const report = check(awkwardNamesSchema(), awkwardNamesChanged());
  const sql = report.migration_scripts.map((s) => `${s.script_content}\n${s.rollback_script}\n${s.validation_query}`).join('\n');

  it('quotes reserved, mixed-case and quote-containing names everywhere', () => {
    expect(sql).toContain('ALTER TABLE "user" ADD COLUMN "a""b" boolean NOT NULL DEFAULT FALSE;');
    expect(sql).toContain('ALTER TABLE "user" ALTER COLUMN "Order" TYPE bigint;');
    expect(sql).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_order ON "user" ("Order");');
    expect(sql).toContain(`WHERE a.attrelid = '"user"'::regclass AND a.attname = 'a"b'`);
    expect(sql).toContain('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS user_group_key ON "user" ("group");');
    expect(sql).not.toMatch(/ALTER TABLE user /);
  });

  it('names the second CHECK on the same column differently from the first', () => {
    const names = [...sql.matchAll(/ADD CONSTRAINT (\S+) CHECK/g)].map((m) => m[1]);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^"user_Order_check_[0-9a-f]{8}"$/);
  });
});

import { createPlan, MigrationSpecSchema, validateDocument, type MigrationSpec } from '@migration-architect/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { clock, registry } from './fixtures.js';
import { PostgresServer } from './postgres-server.js';

/**
 * The SQL of a repaired cutover runs on the throwaway PostgreSQL: the comparison of the rows
 * changed since the validation finds exactly those rows, by changed_at column and by key range.
 * psql variables (`:'validated_at'`) are substituted as `psql -v` would.
 */
const server = new PostgresServer(inject('postgresUrl'));
afterAll(() => server.close());

const during = (table: Record<string, unknown>) => {
  const spec = validateDocument(
    MigrationSpecSchema,
    {
      type: 'database',
      pattern: 'data_migration',
      source: 'PostgreSQL 15',
      target: 'PostgreSQL 15',
      tables_to_migrate: [{ name: 'orders', row_count: 60_000_000, critical: true, ...table }],
      constraints: { max_downtime_minutes: 15 },
    },
    'spec.json',
    'a migration spec',
  ) as MigrationSpec;
  const steps = createPlan(registry, spec, { clock }).phases.flatMap((p) => p.steps ?? []);
  return steps.find((s) => s.id.includes('cutover-compare-changed'))!.script!;
};

describe('a repaired cutover compares only the rows changed since the validation', () => {
  it.each([
    ['changed_at_column', { changed_at_column: 'updated_at' }, `'2026-01-01 12:00'`, /:'validated_at_orders'/],
    ['a one-column key range', { primary_key: ['id'] }, `'100'`, /:'max_key_orders'/],
  ])('by %s', async (_name, table, mark, variable) => {
    await server.withScratchDatabase('ma_cutover_sql', async (db) => {
      await db.run(`CREATE TABLE orders (id bigint PRIMARY KEY, total int, updated_at timestamptz NOT NULL);
        INSERT INTO orders SELECT g, g, '2026-01-01 10:00' FROM generate_series(1, 100) g;
        UPDATE orders SET total = 0, updated_at = '2026-01-01 12:30' WHERE id <= 3;
        INSERT INTO orders SELECT g, g, '2026-01-01 12:30' FROM generate_series(101, 104) g;`);
      const sql = during(table)
        .replace(variable, mark)
        .replace(/--[^\n]*/g, '');
      const [row] = await db.run(sql);
      // changed_at sees the 3 updated and 4 inserted rows; a key range only the 4 inserted.
      expect(Number(row!['count'])).toBe('changed_at_column' in table ? 7 : 4);
      expect(row!['checksum']).not.toBeNull();
    });
  });
});

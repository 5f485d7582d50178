import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './harness.js';

const SCHEMA = 'CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL);\n';
const MIGRATION = "SET lock_timeout = '5s';\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);\n";
// 30 million rows at the default 250,000 rows/s: a 120 s scan under ACCESS EXCLUSIVE.
const STATS = {
  tables: [
    {
      schema: 'public',
      name: 'orders',
      rows: 30_000_000,
      table_bytes: 2_000_000_000,
      total_bytes: 3_000_000_000,
      n_tup_ins: 3_600,
      n_tup_upd: 0,
      n_tup_del: 0,
      stats_seconds: 3_600,
    },
  ],
};

function inputs(stats: unknown): { schema: string; migration: string; stats: string } {
  const dir = tempDir();
  const paths = { schema: join(dir, 'schema.sql'), migration: join(dir, '0042.sql'), stats: join(dir, 'stats.json') };
  writeFileSync(paths.schema, SCHEMA);
  writeFileSync(paths.migration, MIGRATION);
  writeFileSync(paths.stats, JSON.stringify(stats));
  return paths;
}

describe('check --stats', () => {
  it('sizes the lock from a stats file, prints the arithmetic, and a long hold is breaking (exit 2)', async () => {
    const { schema, migration, stats } = inputs(STATS);
    const result = await cli(['check', '--before', schema, '--migration', migration, '--stats', stats, '-f', 'text']);
    expect(result.stdout).toContain(
      'Lock: public.orders: 30,000,000 rows, 2,861 MB, 1 writes/s; scan of 30,000,000 rows ÷ 250,000 rows/s (validation_rows_per_second) = 2 min holding ACCESS EXCLUSIVE; about 120 writes wait meanwhile; ≥ 60 s (lock_thresholds.breaking_seconds): breaking',
    );
    expect(result.code).toBe(2);
  });

  it('a stats file with a wrong field exits 65 naming the file and the path', async () => {
    const { schema, migration, stats } = inputs({ tables: [{ ...STATS.tables[0], total_bytes: -1 }] });
    const result = await cli(['check', '--before', schema, '--migration', migration, '--stats', stats]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(stats);
    expect(result.stderr).toContain('tables[0].total_bytes');
  });
});

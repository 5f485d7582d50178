import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples } from './harness.js';

describe('patterns', () => {
  it('lists the built-in patterns with their phases', async () => {
    const { code, stdout } = await cli(['patterns', '--type', 'database']);
    expect(code).toBe(0);
    expect(stdout).toContain('database/schema_change — Expand-contract schema change (@migration-architect/plugin-database)');
    expect(stdout).toContain('phases: preparation → expand → migrate → contract → cleanup; base 24 h');
  });

  it("recommends from the selection matrix and the spec's facts: the database sample moves to another server, so data_migration comes first", async () => {
    const { stdout } = await cli(['patterns', 'recommend', join(examples, 'sample_database_migration.json'), '--json']);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ type: 'database', complexity: 'critical', downtime: 'zero' });
    expect(result.facts.map((f: { id: string }) => f.id)).toContain('moves-database');
    // The matrix alone says parallel_schema (critical, 30 min); the move to PostgreSQL 15 in the cloud rules it out.
    expect(result.recommendations.map((r: { pattern: string; match: string }) => `${r.pattern}:${r.match}`)).toEqual([
      'data_migration:near',
      'schema_change:contradicted',
      'parallel_schema:contradicted',
    ]);
    expect(result.recommendations[0].facts[0]).toMatch(/^\+ the data moves to another server/);
    const text = (await cli(['patterns', 'recommend', join(examples, 'sample_database_migration.json')])).stdout;
    expect(text).toContain('parallel_schema (Parallel schema) [contradicted by the spec]');
  });

  it('marks a row one complexity step away as the closest match', async () => {
    const { stdout } = await cli(['patterns', 'recommend', '--type', 'service', '--complexity', 'low', '--downtime', '0']);
    expect(stdout).toMatch(/→ blue_green \(Blue-green deployment\)\n/);
    expect(stdout).toContain('strangler_fig (Strangler fig) [closest match]');
  });

  it('refuses incomplete or unknown criteria', async () => {
    expect((await cli(['patterns', 'recommend', '--type', 'service'])).code).toBe(64);
    expect((await cli(['patterns', 'recommend', '--type', 'service', '--complexity', 'huge', '--downtime', 'zero'])).code).toBe(64);
    expect((await cli(['patterns', 'recommend', '--type', 'quantum', '--complexity', 'low', '--downtime', 'zero'])).stderr).toContain(
      'no loaded plugin provides migration type "quantum"',
    );
  });
});

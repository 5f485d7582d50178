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

  it('recommends from the selection matrix for a spec: the database sample (critical, 30 min) gets parallel schema', async () => {
    const { stdout } = await cli(['patterns', 'recommend', join(examples, 'sample_database_migration.json'), '--json']);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ type: 'database', complexity: 'critical', downtime: 'zero' });
    expect(result.recommendations[0]).toMatchObject({ pattern: 'parallel_schema', match: 'exact' });
  });

  it('marks a row one complexity step away as the closest match', async () => {
    const { stdout } = await cli(['patterns', 'recommend', '--type', 'service', '--complexity', 'low', '--downtime', '0']);
    expect(stdout).toMatch(/→ blue_green \(Blue-green deployment\)\n/);
    expect(stdout).toContain('strangler_fig (Strangler fig) [closest match]');
  });

  it('refuses incomplete or unknown criteria', async () => {
    expect((await cli(['patterns', 'recommend', '--type', 'service'])).code).toBe(64);
    expect((await cli(['patterns', 'recommend', '--type', 'service', '--complexity', 'huge', '--downtime', 'zero'])).code).toBe(64);
    expect((await cli(['patterns', 'recommend', '--type', 'quantum', '--complexity', 'low', '--downtime', 'zero'])).stderr).toContain('no loaded plugin provides migration type "quantum"');
  });
});

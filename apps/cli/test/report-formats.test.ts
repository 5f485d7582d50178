import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples, repoRoot, tempDir } from './harness.js';

const dbBefore = join(examples, 'database_schema_before.json');
const dbAfter = join(examples, 'database_schema_after.json');
const apiBefore = join(examples, 'api/openapi-before.yaml');
const apiAfter = join(examples, 'api/openapi-after.yaml');

describe('check output for CI', () => {
  it('--format sarif writes SARIF 2.1.0 with the rules that fired and a result per change', async () => {
    const { code, stdout } = await cli(['check', apiBefore, apiAfter, '--format', 'sarif']);
    expect(code).toBe(2);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('migration-architect');
    const json = JSON.parse((await cli(['check', apiBefore, apiAfter])).stdout);
    expect(run.results).toHaveLength(json.issues.length);
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(json.breaking_changes_count);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/openapi-(before|after)\.yaml$/);
    }
  });

  it('--format github prints workflow annotations', async () => {
    const { code, stdout } = await cli(['check', dbBefore, dbAfter, '-f', 'github']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^migration-architect: potentially_incompatible/);
  });

  it('--format sarif is refused for plans', async () => {
    const result = await cli(['plan', join(examples, 'sample_database_migration.json'), '--format', 'sarif']);
    expect(result.code).toBe(64);
  });

  it.each([
    ['breaking', 0],
    ['potentially_breaking', 1],
    ['non_breaking', 1],
    ['none', 0],
  ])('--fail-on %s decides the exit code for a potentially breaking report (%i)', async (threshold, expected) => {
    expect((await cli(['check', dbBefore, dbAfter, '--fail-on', threshold])).code).toBe(expected);
  });

  it('--fail-on additive fails on an additive-only change, and rejects unknown thresholds', async () => {
    const before = JSON.stringify({ tables: { t: { columns: { id: { type: 'bigint' } } } } });
    const after = JSON.stringify({ tables: { t: { columns: { id: { type: 'bigint' }, x: { type: 'text' } } } } });
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), before);
    writeFileSync(join(dir, 'b.json'), after);
    expect((await cli(['check', join(dir, 'a.json'), join(dir, 'b.json')])).code).toBe(0);
    expect((await cli(['check', join(dir, 'a.json'), join(dir, 'b.json'), '--fail-on', 'additive'])).code).toBe(1);
    expect((await cli(['check', join(dir, 'a.json'), join(dir, 'b.json'), '--fail-on', 'minor'])).code).toBe(64);
  });

  it('--rename must be OLD=NEW', async () => {
    const result = await cli(['check', dbBefore, dbAfter, '--rename', 'users.email']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--rename expects OLD=NEW');
  });

  it('a URL no loaded plugin reads is a usage error that never shows the password', async () => {
    const result = await cli(['check', 'mysql://admin:s3cret@db.internal/app', dbAfter]);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe('migration-architect: error: mysql://admin:***@db.internal/app: no loaded plugin reads "mysql:" inputs\n');
    expect(result.stderr).not.toContain('s3cret');
  });
});

describe('rules', () => {
  it('lists every rule of the loaded checkers, with its code', async () => {
    const { code, stdout } = await cli(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout) as { id: string; checker: string; example_count: number }[];
    expect(rules.some((r) => r.id === 'database/column-removed')).toBe(true);
    expect(rules.some((r) => r.id === 'service/api-path-removed-without-deprecation')).toBe(true);
    expect(rules.some((r) => r.checker === 'graphql')).toBe(true);
    expect(rules.every((r) => r.example_count > 0)).toBe(true);
  });

  it.each([['database'], ['api'], ['terraform'], ['kubernetes'], ['graphql']])('docs/rules/%s.md is generated from the rules and current', async (type) => {
    const { stdout } = await cli(['rules', '--type', type, '--format', 'markdown']);
    const committed = readFileSync(join(repoRoot, 'docs/rules', `${type}.md`), 'utf8');
    // Regenerate with: node apps/cli/dist/bin.js rules --type <type> --format markdown > docs/rules/<type>.md
    expect(stdout).toBe(committed);
  });
});

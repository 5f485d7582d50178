import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples, spawnCli, tempDir } from './harness.js';

const dbSpec = join(examples, 'sample_database_migration.json');
const before = join(examples, 'database_schema_before.json');
const after = join(examples, 'database_schema_after.json');

describe('plan', () => {
  it('reads YAML as well as JSON, positionally or with -i, to the same plan', async () => {
    const dir = tempDir();
    const yamlSpec = join(dir, 'spec.yaml');
    writeFileSync(yamlSpec, 'type: database\npattern: schema_change\nsource: PG 13\ntarget: PG 15\nconstraints:\n  max_downtime_minutes: 30\n');
    const jsonSpec = join(dir, 'spec.json');
    writeFileSync(
      jsonSpec,
      JSON.stringify({ type: 'database', pattern: 'schema_change', source: 'PG 13', target: 'PG 15', constraints: { max_downtime_minutes: 30 } }),
    );
    const fromYaml = await cli(['plan', yamlSpec]);
    const fromJson = await cli(['plan', '-i', jsonSpec]);
    expect(fromYaml.code).toBe(0);
    expect(fromYaml.stdout).toBe(fromJson.stdout);
  });

  it('renders text and markdown', async () => {
    const text = await cli(['plan', dbSpec, '--format', 'text']);
    expect(text.stdout).toMatch(/^={80}\nMIGRATION PLAN: [0-9a-f]{12}\n/);
    expect(text.stdout).toContain('Complexity Level: CRITICAL');
    const markdown = await cli(['plan', dbSpec, '-f', 'markdown']);
    expect(markdown.stdout).toMatch(/^# Migration plan `[0-9a-f]{12}`/);
    expect(markdown.stdout).toContain('## Rollback plan');
  });

  it('--format both with --output writes the JSON and the .txt beside it, and says so on stderr', async () => {
    const dir = tempDir();
    const out = join(dir, 'plan.json');
    const result = await cli(['plan', dbSpec, '-o', out, '--format', 'both']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    // The sample's pattern contradicts its cloud move: the plan says so on stderr, before what it wrote.
    expect(result.stderr).toMatch(/^migration-architect: warning: .*pattern schema_change does not fit this spec/);
    expect(
      result.stderr
        .split('\n')
        .filter((l) => !l.startsWith('migration-architect: warning:'))
        .join('\n'),
    ).toBe(`wrote ${out}\nwrote ${join(dir, 'plan.txt')}\n`);
    expect(JSON.parse(readFileSync(out, 'utf8')).complexity).toBe('critical');
    expect(readFileSync(join(dir, 'plan.txt'), 'utf8')).toContain('MIGRATION PHASES');
    expect(readdirSync(dir).sort()).toEqual(['plan.json', 'plan.txt']);
  });

  it('--validate checks the spec against the loaded plugins without planning', async () => {
    const ok = await cli(['plan', dbSpec, '--validate']);
    expect(ok.code).toBe(0);
    expect(
      ok.stderr
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('migration-architect: warning:')),
    ).toBe(true);
    expect(ok.stdout).toContain('migration specification is valid (type database, pattern schema_change)');
    const dir = tempDir();
    const bad = join(dir, 'spec.json');
    writeFileSync(bad, JSON.stringify({ type: 'database', pattern: 'big_bang', source: 'a', target: 'b' }));
    const refused = await cli(['plan', bad, '--validate']);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toBe(
      `migration-architect: error: ${bad}: pattern: migration type "database" has no pattern "big_bang" (known: schema_change, parallel_schema, data_migration; omit "pattern" for the default phases)\n`,
    );
  });

  it('names a migration type no loaded plugin provides (exit 65)', async () => {
    const dir = tempDir();
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({ type: 'messaging', source: 'Kafka', target: 'Pulsar' }));
    const result = await cli(['plan', spec]);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/: type: no loaded plugin provides migration type "messaging" \(loaded types: database, service, infrastructure\)\n$/);
  });

  it('is reproducible: with SOURCE_DATE_EPOCH the same input gives the same bytes', async () => {
    const a = await cli(['plan', dbSpec, '--format', 'both'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const b = await cli(['plan', dbSpec, '--format', 'both'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout.slice(0, a.stdout.indexOf('\n}\n') + 3)).created_at).toBe('2023-11-14T22:13:20.000Z');
  });
});

describe('check', () => {
  it('takes the seed flags or two positional files, and infers the type of seed schemas', async () => {
    const flags = await cli(['check', '--before', before, '--after', after, '--type', 'database']);
    const positional = await cli(['check', before, after]);
    expect(flags.code).toBe(1);
    expect(positional.code).toBe(1);
    expect(positional.stdout).toBe(flags.stdout);
  });

  it('exits 0 for identical schemas and 2 for a breaking change', async () => {
    expect((await cli(['check', before, before])).code).toBe(0);
    const dir = tempDir();
    const dropped = JSON.parse(readFileSync(before, 'utf8'));
    delete dropped.tables.user_sessions;
    writeFileSync(join(dir, 'after.json'), JSON.stringify(dropped));
    const result = await cli(['check', before, join(dir, 'after.json')]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).issues[0].type).toBe('table_removed');
  });

  it('writes the report and still exits with the compatibility code', async () => {
    const dir = tempDir();
    const result = await cli(['check', before, after, '-o', join(dir, 'report.md'), '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^## Schema compatibility \(database\): 🟠 Potentially incompatible/);
  });

  it('refuses an unknown --type with the available ones (exit 64)', async () => {
    const result = await cli(['check', before, after, '--type', 'protobuf']);
    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      'migration-architect: error: no loaded plugin checks schemas of type "protobuf" (available: database, api, graphql, terraform, kubernetes)\n',
    );
  });
});

describe('rollback', () => {
  it('turns our own plan into a runbook', async () => {
    const dir = tempDir();
    await cli(['plan', dbSpec, '-o', join(dir, 'plan.json')]);
    const result = await cli(['rollback', join(dir, 'plan.json'), '--format', 'text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^={80}\nROLLBACK RUNBOOK: rb_[0-9a-f]{8}\n/);
    expect(result.stdout).toContain('1. ROLLBACK_CLEANUP');
  });

  it('names the field of a plan that is not a plan', async () => {
    const dir = tempDir();
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ migration_id: 'x', migration_type: 'database' }));
    const result = await cli(['rollback', plan]);
    expect(result.code).toBe(65);
    expect(result.stderr).toBe(
      `migration-architect: error: ${plan}: source_system: Invalid input: expected string, received undefined (and 9 more problems)\n`,
    );
  });
});

describe('the command line itself', () => {
  it.each([
    [['plan'], 64, 'missing input'],
    [['plan', dbSpec, '--format', 'pdf'], 64, '--format must be one of json, text, markdown, html, both'],
    [['plan', dbSpec, '--frmat', 'json'], 64, 'unknown option "--frmat"'],
    [['deploy'], 64, 'Unknown command deploy'],
    [['check', before], 64, 'not a change set: give the after schema too'],
    [['plan', 'no/such/spec.json'], 66, 'no/such/spec.json: cannot read input: no such file'],
    [['plan', examples], 66, 'is a directory'],
  ])('%j exits %i', async (argv, code, message) => {
    const result = await cli(argv as string[]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 73 and leaves nothing behind when the output folder does not exist', async () => {
    const dir = tempDir();
    const result = await cli(['plan', dbSpec, '-o', join(dir, 'missing', 'plan.json')]);
    expect(result.code).toBe(73);
    expect(result.stderr).toContain('cannot write output: its folder does not exist');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the built binary runs, prints help and maps exit codes', () => {
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('USAGE migration-architect plan|check|rollback|plugins|patterns|rules|schema');
    const check = spawnCli(['check', before, after]);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).potentially_breaking_count).toBe(4);
    const missing = spawnCli(['rollback', 'nope.json']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toBe('migration-architect: error: nope.json: cannot read input: no such file\n');
    expect(existsSync('nope.json')).toBe(false);
  });
});

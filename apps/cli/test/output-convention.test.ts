import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples, tempDir } from './harness.js';

const dbSpec = join(examples, 'sample_database_migration.json');

/** Every command takes -o FILE and --format (with the formats it has), as docs/cli.md lists them. */
describe('-o and --format on every command', { timeout: 120_000 }, () => {
  it.each([
    [['plugins', '--format', 'json'], (text: string) => expect(JSON.parse(text).plugins.map((p: { namespace: string }) => p.namespace)).toContain('database')],
    [['plugins', 'show', 'database', '--format', 'json'], (text: string) => expect(JSON.parse(text).namespace).toBe('database')],
    [['plugins', '--format', 'text'], (text: string) => expect(text).toMatch(/^Installed built-in plugins/)],
    [['patterns', '--format', 'json'], (text: string) => expect(Array.isArray(JSON.parse(text))).toBe(true)],
    [['patterns', 'recommend', dbSpec, '--format', 'json'], (text: string) => expect(JSON.parse(text)).toBeTypeOf('object')],
    [['rules', '-t', 'database', '--format', 'markdown'], (text: string) => expect(text).toMatch(/^# /)],
    [['schema', 'plan', '--format', 'json'], (text: string) => expect(JSON.parse(text).type).toBe('object')],
  ] as const)('%j writes to -o FILE what it prints', async (argv, check) => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const written = await cli([...argv, '-o', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe(`wrote ${out}\n`);
    const printed = await cli([...argv]);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    check(printed.stdout);
  });

  it('refuses a format a command does not have, naming those it has, and --json contradicting --format', async () => {
    const schema = await cli(['schema', 'plan', '--format', 'text']);
    expect(schema.code).toBe(64);
    expect(schema.stderr).toBe('migration-architect: error: --format must be one of json; got "text"\n');
    const plugins = await cli(['plugins', '--json', '--format', 'text']);
    expect(plugins.code).toBe(64);
    expect(plugins.stderr).toBe('migration-architect: error: --json and --format text contradict each other\n');
  });

  it('reconcile --format both writes the JSON report and the text beside it', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const result = await cli(
      [
        'reconcile',
        '--source',
        join(examples, 'reconcile/source.db'),
        '--target',
        join(examples, 'reconcile/target.db'),
        '--tables',
        'all',
        '--format',
        'both',
        '-o',
        out,
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`wrote ${out}\nwrote ${join(dir, 'report.txt')}\n`);
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'report.txt']);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.equal).toBe(false);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).not.toMatch(/^\{/);
  });
});

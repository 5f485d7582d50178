import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples, repoRoot, spawnCli, tempDir } from './harness.js';

const before = join(examples, 'database_schema_before.json');
const after = join(examples, 'database_schema_after.json');

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('config files', () => {
  it('without a config, loads the installed built-ins and says which', async () => {
    const { code, stdout } = await cli(['plugins'], { cwd: tempDir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Installed built-in plugins \(no config file lists plugins\):\n {2}@migration-architect\/plugin-database /);
    expect(stdout).toContain('@migration-architect/plugin-service');
    expect(stdout).toContain('@migration-architect/plugin-infrastructure');
  });

  it('applies rule overrides from a YAML config found in the current folder', async () => {
    const dir = project({ 'migration-architect.config.yaml': 'rules:\n  database/check-added: "off"\n' });
    const { code, stdout } = await cli(['check', before, after], { cwd: dir });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.potentially_breaking_count).toBe(0);
    expect(report.issues.some((i: { rule: string }) => i.rule === 'database/check-added')).toBe(false);
  });

  it('loads only the plugins a JSON config lists, by package name, from the config folder', async () => {
    const dir = join(repoRoot, 'apps/cli');
    const config = join(tempDir(), 'only-database.json');
    writeFileSync(config, JSON.stringify({ plugins: [join(dir, 'node_modules/@migration-architect/plugin-database/dist/index.js')] }));
    const { code, stdout } = await cli(['plugins', '--json', '--config', config]);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout);
    expect(listed.source).toBe('config');
    expect(listed.plugins.map((p: { name: string }) => p.name)).toEqual(['@migration-architect/plugin-database']);
  });

  it.each([
    [
      'an unknown rule id',
      'migration-architect.config.yaml',
      'rules:\n  database/chek-added: breaking\n',
      /migration-architect\.config\.yaml: rules\["database\/chek-added"\]: no loaded plugin has a rule "database\/chek-added"/,
    ],
    [
      'a severity that does not exist',
      'migration-architect.config.yaml',
      'rules:\n  database/check-added: fatal\n',
      /migration-architect\.config\.yaml: rules\["database\/check-added"\]: Invalid/,
    ],
    [
      'a plugin package that is not installed',
      'migration-architect.config.json',
      '{"plugins": ["migration-architect-plugin-nope"]}',
      /migration-architect\.config\.json: plugins\[0\]: cannot find plugin package "migration-architect-plugin-nope" from /,
    ],
    [
      'plugins that is not a list',
      'migration-architect.config.yaml',
      'plugins: database\n',
      /migration-architect\.config\.yaml: plugins: Invalid input: expected array, received string/,
    ],
  ])('fails with exit 65 on %s, naming the config and the path', async (_what, name, content, message) => {
    const dir = project({ [name]: content });
    const result = await cli(['check', before, after], { cwd: dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names a plugin that rejects its options, and one that breaks the contract', async () => {
    const plugin = join(repoRoot, 'apps/cli/node_modules/@migration-architect/plugin-database/dist/index.js');
    const bad = project({ 'migration-architect.config.json': JSON.stringify({ plugins: [[plugin, { colour: 'blue' }]] }) });
    const rejected = await cli(['plugins'], { cwd: bad });
    expect(rejected.code).toBe(65);
    expect(rejected.stderr).toMatch(
      /migration-architect\.config\.json: plugins\[0\]\[1\]: plugin "@migration-architect\/plugin-database": invalid option "colour": unknown option\n$/,
    );

    const broken = project({
      'broken-plugin.mjs':
        "export default () => ({ apiVersion: 2, meta: { name: 'broken', version: '1.0.0', namespace: 'broken' }, patterns: [{ id: 'x' }] });",
      'migration-architect.config.json': JSON.stringify({ plugins: ['./broken-plugin.mjs'] }),
    });
    const invalid = await cli(['plugins'], { cwd: broken });
    expect(invalid.code).toBe(65);
    expect(invalid.stderr).toBe(
      'migration-architect: error: migration-architect.config.json: plugin "broken" is invalid: patterns[0].phases: Invalid input: expected array, received undefined (and 5 more problems)\n'.replace(
        'migration-architect.config.json',
        join(broken, 'migration-architect.config.json'),
      ),
    );
  });

  it("validates each part of a config's plugins when a command uses it: a broken checker fails `check`, naming the config, not `plan`", async () => {
    const database = join(repoRoot, 'apps/cli/node_modules/@migration-architect/plugin-database/dist/index.js');
    const dir = project({
      'broken-checker.mjs':
        "export default () => ({ apiVersion: 2, meta: { name: 'broken-checker', version: '1.0.0', namespace: 'broken' }, checkers: [{ id: 'kv' }] });",
      'migration-architect.config.json': JSON.stringify({ plugins: [database, './broken-checker.mjs'] }),
    });
    const plan = await cli(['plan', join(examples, 'sample_database_migration.json'), '--format', 'json'], { cwd: dir });
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).migration_type).toBe('database');
    const check = await cli(['check', '--type', 'database', before, after], { cwd: dir });
    expect(check.code).toBe(65);
    expect(check.stderr).toBe(
      `migration-architect: error: ${join(dir, 'migration-architect.config.json')}: plugin "broken-checker" is invalid: checkers[0].title: Invalid input: expected string, received undefined (and 3 more problems)\n`,
    );
    const listed = await cli(['plugins'], { cwd: dir });
    expect(listed.code).toBe(65);
    expect(listed.stderr).toBe(check.stderr);
  });

  it('refuses a plugin built for another contract version', async () => {
    const dir = project({
      'future.mjs': "export default () => ({ apiVersion: 3, meta: { name: 'future-plugin', version: '9.0.0', namespace: 'future' } });",
      'migration-architect.config.yaml': 'plugins: [./future.mjs]\n',
    });
    const result = await cli(['plugins'], { cwd: dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(
      'plugin "future-plugin" cannot be loaded: it implements plugin contract 3, but this core implements contract 2; upgrade @migration-architect/core and the CLI',
    );
  });

  it('refuses a contract-1 JavaScript plugin in one actionable line, spawned as a user runs it', () => {
    const fixture = join(repoRoot, 'packages/core/test/fixtures/search-index-plugin-contract-1.mjs');
    const dir = project({ 'migration-architect.config.json': JSON.stringify({ plugins: [fixture] }) });
    const result = spawnCli(['check', before, after], { cwd: dir });
    expect(result.code).toBe(65);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `migration-architect: error: ${join(dir, 'migration-architect.config.json')}: plugin "migration-architect-plugin-search-index" cannot be loaded: it implements plugin contract 1, but this core implements contract 2; port it with the migration guide: https://github.com/migration-architect/migration-architect/blob/main/docs/plugin-authoring.md#migrating-from-contract-1-to-2\n`,
    );
  });

  it('names a removed key and its replacement when a contract-1 plugin claims contract 2', async () => {
    const fixture = join(repoRoot, 'packages/core/test/fixtures/search-index-plugin-contract-1.mjs');
    const dir = project({ 'migration-architect.config.json': JSON.stringify({ plugins: [[fixture, { apiVersion: 2 }]] }) });
    const result = await cli(['plugins'], { cwd: dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(
      'migration-architect.config.json: plugin "migration-architect-plugin-search-index" is invalid: checkers[0].detect: removed in contract 2; ',
    );
  });

  it('names both plugins when two claim the same migration type', async () => {
    const plugin = join(repoRoot, 'apps/cli/node_modules/@migration-architect/plugin-database/dist/index.js');
    const dir = project({
      'copycat.mjs': `import database from ${JSON.stringify(plugin)}; export default () => { const p = database(); return { ...p, meta: { ...p.meta, name: 'copycat', namespace: 'copycat' } }; };`,
      'migration-architect.config.json': JSON.stringify({ plugins: [plugin, './copycat.mjs'] }),
    });
    const result = await cli(['plugins'], { cwd: dir });
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('migration type "database" is contributed by both plugin "@migration-architect/plugin-database" and plugin "copycat"');
  });

  it('a missing --config file exits 66', async () => {
    const result = await cli(['plugins', '--config', 'nowhere.yaml'], { cwd: tempDir() });
    expect(result.code).toBe(66);
    expect(result.stderr).toBe('migration-architect: error: nowhere.yaml: cannot read config: no such file\n');
  });
});

describe('schema', () => {
  it('prints the committed JSON Schema of each output document', async () => {
    for (const name of ['plan', 'report', 'runbook']) {
      const { code, stdout } = await cli(['schema', name]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync(join(repoRoot, 'packages/core/schema', `${name}.schema.json`), 'utf8')));
    }
    expect((await cli(['schema', 'plans'])).code).toBe(64);
  });

  it("adds the loaded plugins' spec fields to the spec schema and their options to the config schema", async () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'packages/core/schema/spec.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const spec = JSON.parse((await cli(['schema', 'spec'])).stdout) as { properties: Record<string, { description?: string }> };
    for (const field of Object.keys(committed.properties)) expect(spec.properties).toHaveProperty(field);
    const declaredBy = (type: string) => Object.keys(spec.properties).filter((field) => spec.properties[field]!.description?.endsWith(`(type: ${type})`));
    expect(declaredBy('database')).toContain('tables_to_migrate');
    expect(declaredBy('service').length).toBeGreaterThan(0);
    const config = (await cli(['schema', 'config'])).stdout;
    expect(config).toContain('"const": "@migration-architect/plugin-database"');
  });
});

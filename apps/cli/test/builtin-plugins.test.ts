import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/index.js';
import { BUILTIN_PLUGINS } from '../src/plugins/builtin-plugins.js';
import { examples, tempDir } from './harness.js';

interface PluginShape {
  meta: { namespace: string };
  migrationTypes?: { id: string }[];
  checkers?: { id: string }[];
}

/** Runs the CLI as on a terminal, where it names the built-ins it loaded on stderr. */
async function onTerminal(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1' },
    cwd,
    stderrIsTty: true,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const before = join(examples, 'database_schema_before.json');
const after = join(examples, 'database_schema_after.json');

describe('the table of built-in plugins', () => {
  // The CLI picks the one plugin to import from this table; a plugin that gains a checker or type
  // must show up here, or `check --type` and `rules --type` would not find it.
  it.each(BUILTIN_PLUGINS.map((p) => [p.packageName, p] as const))('matches what %s really provides', async (_name, entry) => {
    const module = (await entry.load()) as { default: () => PluginShape };
    const plugin = module.default();
    expect(plugin.meta.namespace).toBe(entry.namespace);
    expect((plugin.migrationTypes ?? []).map((t) => t.id).sort()).toEqual([...entry.migrationTypes].sort());
    expect((plugin.checkers ?? []).map((c) => c.id).sort()).toEqual([...entry.checkers].sort());
  });

  it('gives each checker and migration type to one package', () => {
    const checkers = BUILTIN_PLUGINS.flatMap((p) => p.checkers);
    const types = BUILTIN_PLUGINS.flatMap((p) => p.migrationTypes);
    expect(new Set(checkers).size).toBe(checkers.length);
    expect(new Set(types).size).toBe(types.length);
  });
});

describe('a command that names a checker loads only the plugin providing it', () => {
  it('check --type database imports the database plugin alone, with the same verdict', async () => {
    const dir = tempDir();
    const typed = await onTerminal(['check', '--type', 'database', before, after], dir);
    expect(typed.stderr).toContain('using the installed built-in plugins: database\n');
    const inferred = await onTerminal(['check', before, after], dir);
    expect(typed.code).toBe(1);
    expect(typed.code).toBe(inferred.code);
    expect(typed.stdout).toBe(inferred.stdout);
  });

  it('check without --type loads only the plugin that plainly reads the inputs, and every built-in when they are not plain', async () => {
    const dir = tempDir();
    const inferred = await onTerminal(['check', before, after], dir);
    expect(inferred.stderr).toContain('using the installed built-in plugins: database\n');
    const graphql = await onTerminal(['check', join(examples, 'api/schema-before.graphql'), join(examples, 'api/schema-after.graphql')], dir);
    expect(graphql.stderr).toContain('using the installed built-in plugins: service\n');
    expect(JSON.parse(graphql.stdout).schema_type).toBe('graphql');
    // The same schema with a key another format is recognized by: the sources of all decide.
    const document = JSON.parse(readFileSync(after, 'utf8'));
    writeFileSync(join(dir, 'after.json'), JSON.stringify({ ...document, paths: {} }));
    const unclear = await onTerminal(['check', before, join(dir, 'after.json')], dir);
    expect(unclear.stderr).toContain('using the installed built-in plugins: database, service, infrastructure\n');
    expect(unclear.code).not.toBe(0);
    // Nothing reads it: the error still lists every checker there is.
    writeFileSync(join(dir, 'notes.json'), JSON.stringify({ notes: [] }));
    const unread = await onTerminal(['check', join(dir, 'notes.json'), join(dir, 'notes.json')], dir);
    expect(unread.stderr).toContain('using the installed built-in plugins: database, service, infrastructure\n');
    expect(unread.stderr).toContain('cannot tell which kind of schema this is; name the type (one of database, api, graphql, terraform, kubernetes)');
  });

  it('check --type graphql and --type kubernetes load the plugin that owns them', async () => {
    const dir = tempDir();
    const graphql = await onTerminal(['check', '--type', 'graphql', before, after], dir);
    expect(graphql.stderr).toContain('using the installed built-in plugins: service\n');
    const kubernetes = await onTerminal(['rules', '--type', 'kubernetes'], dir);
    expect(kubernetes.code).toBe(0);
    expect(kubernetes.stderr).toContain('using the installed built-in plugins: infrastructure\n');
    expect(kubernetes.stdout).toContain('kubernetes');
    expect(kubernetes.stdout).not.toContain('database/');
  });

  it('an unknown checker still loads every built-in, so the error lists what there is', async () => {
    const result = await onTerminal(['rules', '--type', 'cobol'], tempDir());
    expect(result.stderr).toContain('using the installed built-in plugins: database, service, infrastructure\n');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/cobol/);
  });

  it('rule overrides of a plugin left out are not judged; those of the loaded one still are', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'migration-architect.config.yaml'), 'rules:\n  service/api-path-removed-before-sunset: "off"\n  database/check-added: "off"\n');
    const typed = await onTerminal(['check', '--type', 'database', before, after], dir);
    expect(typed.code).toBe(0);
    expect(JSON.parse(typed.stdout).potentially_breaking_count).toBe(0);
    writeFileSync(join(dir, 'migration-architect.config.yaml'), 'rules:\n  database/chek-added: "off"\n');
    const typo = await onTerminal(['check', '--type', 'database', before, after], dir);
    expect(typo.code).toBe(65);
    expect(typo.stderr).toContain('no loaded plugin has a rule "database/chek-added"');
  });
});

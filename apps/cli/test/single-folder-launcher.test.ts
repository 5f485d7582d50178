import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, repoRoot } from './harness.js';
import { buildSingleFolder, temporaryFolders } from './single-folder-bundle.js';

/*
 * The single-folder build's launcher, dist/migration-architect (a POSIX shell script; docs/start-up.md,
 * "Fifth round"), runs the CLI from a start-up snapshot blob built for this exact Node. It must give
 * byte for byte what the ES-module bundle beside it gives, and run that bundle whenever the blob
 * cannot be used: missing, named for another Node, damaged, or no cache folder to build one in.
 * The bundle is built here (`pnpm bundle` is not part of CI) into a temporary folder and copied out
 * of the repository, as single-folder-build.test.ts does.
 */
const { folder, removeAll } = temporaryFolders('ma-launcher-');
afterAll(removeAll);

let cliDir = '';
let work = '';
const baseEnv = () => ({
  ...process.env,
  NO_COLOR: '1',
  SOURCE_DATE_EPOCH: '1767225600',
  MIGRATION_ARCHITECT_CACHE_DIR: join(work, '.cache'),
  // Use a blob, but build none on a miss: the first-run test below turns that on.
  MIGRATION_ARCHITECT_SNAPSHOT: 'use',
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
const result = (r: ReturnType<typeof spawnSync>): Run => ({ code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) });

function bundle(args: string[], dir = cliDir, env: NodeJS.ProcessEnv = baseEnv()): Run {
  return result(spawnSync(process.execPath, [join(dir, 'migration-architect.mjs'), ...args], { cwd: work, env, encoding: 'utf8' }));
}
function launcher(args: string[], dir = cliDir, env: NodeJS.ProcessEnv = baseEnv()): Run {
  return result(spawnSync(join(dir, 'migration-architect'), args, { cwd: work, env, encoding: 'utf8' }));
}
/** Which program the launcher ends in, read from its own trace (`sh -x`): the blob or the bundle. */
function route(dir = cliDir, env: NodeJS.ProcessEnv = baseEnv()): 'snapshot' | 'bundle' {
  const traced = spawnSync('sh', ['-x', join(dir, 'migration-architect'), '--version'], { cwd: work, env, encoding: 'utf8' });
  const exec = traced.stderr.split('\n').filter((line) => /^\++ exec node /.test(line));
  expect(exec, traced.stderr).toHaveLength(1);
  return exec[0]!.includes('--snapshot-blob') ? 'snapshot' : 'bundle';
}
function expectSame(args: string[], dir = cliDir, env: NodeJS.ProcessEnv = baseEnv()) {
  const expected = bundle(args, dir, env);
  const got = launcher(args, dir, env);
  expect(got.stdout, args.join(' ')).toBe(expected.stdout);
  expect(got.stderr, args.join(' ')).toBe(expected.stderr);
  expect(got.code, args.join(' ')).toBe(expected.code);
  return got;
}
const blobsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.blob')) : []);

beforeAll(() => {
  cliDir = buildSingleFolder(folder, { snapshot: true });
  work = folder();
  cpSync(examples, join(work, 'examples'), { recursive: true, filter: (source) => !source.includes('node_modules') });
  writeFileSync(join(work, 'before.sql'), 'CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text NOT NULL\n);\n');
  writeFileSync(join(work, 'after.sql'), 'CREATE TABLE users (\n  id bigint PRIMARY KEY\n);\nALTER TABLE users ADD COLUMN nickname text NOT NULL;\n');
  const spec = readFileSync(join(examples, 'sample_database_migration.json'), 'utf8');
  writeFileSync(join(work, 'broken.json'), spec.replace('"source"', '"source",,'));
  writeFileSync(join(work, 'spec.yaml'), spec);
  writeFileSync(join(work, 'invalid.json'), JSON.stringify({ ...JSON.parse(spec), migration_type: 'teleport' }));
}, 180_000);

describe.skipIf(process.platform === 'win32')('single-folder launcher (start-up snapshot)', () => {
  it('pnpm bundle builds a blob for this Node, and the launcher runs it', () => {
    expect(blobsIn(join(cliDir, 'snapshot'))).toEqual([expect.stringMatching(new RegExp(`^${process.version.replaceAll('.', '\\.')}-[^-]+-\\d+\\.blob$`))]);
    expect(route()).toBe('snapshot');
  });

  it('gives byte for byte what the ES-module bundle gives: plan, check and rollback on every example, errors and exit codes', { timeout: 600_000 }, () => {
    const plans = [
      'examples/sample_database_migration.json',
      'examples/sample_service_migration.json',
      'examples/sample_infrastructure_migration.json',
      'examples/cross_region_database_move.json',
      'examples/infrastructure/terraform-release-spec.json',
    ];
    for (const [i, spec] of plans.entries()) {
      for (const format of ['json', 'markdown', 'text']) expectSame(['plan', spec, '--format', format]);
      // The runbook of each plan, from the plan the bundle wrote.
      const written = join(work, `plan-${i}.json`);
      expect(bundle(['plan', spec, '--format', 'json', '-o', written]).code).toBe(0);
      for (const format of ['json', 'markdown']) expectSame(['rollback', written, '--format', format]);
    }
    const checks = [
      ['check', 'examples/database_schema_before.json', 'examples/database_schema_after.json'],
      ['check', '--type', 'database', 'examples/database_schema_before.json', 'examples/database_schema_after.json', '--format', 'markdown'],
      ['check', 'examples/api/openapi-before.yaml', 'examples/api/openapi-after.yaml'],
      ['check', '--type', 'graphql', 'examples/api/schema-before.graphql', 'examples/api/schema-after.graphql'],
      ['check', 'examples/infrastructure/terraform-plan.json', '--format', 'markdown'],
      ['check', 'examples/infrastructure/manifests-before', 'examples/infrastructure/manifests-after', '--target-version', '1.32'],
      // SQL is parsed by libpg-query's WebAssembly, loaded at run time from the bundle's chunks.
      ['check', 'before.sql', 'after.sql'],
    ];
    const codes = new Set<number>();
    for (const args of checks) codes.add(expectSame(args).code);
    expect([...codes].sort()).toEqual([1, 2]);
    const errors = [
      [],
      ['teleport'],
      ['plan'],
      ['plan', 'missing.json'],
      ['plan', 'broken.json'],
      ['plan', 'invalid.json'],
      ['plan', 'spec.yaml', '--format', 'json'],
      ['check', '--type', 'nosuch', 'examples/database_schema_before.json', 'examples/database_schema_after.json'],
      ['plan', 'examples/cross_region_database_move.json', '--format', 'html', '-o', 'plan.html'],
      ['reconcile', '--source', 'examples/reconcile/source.db', '--target', 'examples/reconcile/target.db', '--tables', 'all'],
      ['--help'],
      ['plan', '--help'],
      ['--version'],
      ['rules', '--type', 'database'],
    ];
    for (const args of errors) codes.add(expectSame(args).code);
    expect(codes.size).toBeGreaterThan(4);
  });

  it('loads a plugin a config names by path, as the bundle does (an import() made at run time)', () => {
    const config = join(work, 'plugin-config.json');
    // A built plugin of the workspace (built before these tests), named by path as a third-party one would be.
    writeFileSync(config, JSON.stringify({ plugins: [join(repoRoot, 'plugins/infrastructure/dist/index.js')] }));
    const listed = expectSame(['plugins', '--json', '--config', config]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).plugins.map((p: { name: string }) => p.name)).toEqual(['@migration-architect/plugin-infrastructure']);
  });

  describe('falls back to the ES-module bundle, with the same output', () => {
    let alt = '';
    let blob = '';
    beforeAll(() => {
      alt = join(folder(), 'migration-architect');
      cpSync(cliDir, alt, { recursive: true });
      blob = join(alt, 'snapshot', blobsIn(join(alt, 'snapshot'))[0]!);
    });
    const sample = ['plan', 'examples/sample_database_migration.json'];
    const failing = ['check', '--type', 'database', 'missing.json', 'examples/database_schema_after.json'];

    it('when the blob is missing', () => {
      const kept = `${blob}.kept`;
      renameSync(blob, kept);
      try {
        expect(route(alt)).toBe('bundle');
        expect(expectSame(sample, alt).code).toBe(0);
        expect(expectSame(failing, alt).code).not.toBe(0);
      } finally {
        renameSync(kept, blob);
      }
      expect(route(alt)).toBe('snapshot');
    });

    it('when the blob is named for another Node', () => {
      const foreign = join(alt, 'snapshot', blobsIn(join(alt, 'snapshot'))[0]!.replace(/^v[^-]+/, 'v0.0.1'));
      renameSync(blob, foreign);
      try {
        expect(route(alt)).toBe('bundle');
        expectSame(sample, alt);
      } finally {
        renameSync(foreign, blob);
      }
    });

    it('when the blob is damaged: cut short, or another file under its name', () => {
      const whole = readFileSync(blob);
      try {
        writeFileSync(blob, whole.subarray(0, whole.length / 2));
        expect(route(alt)).toBe('bundle');
        expectSame(sample, alt);
        writeFileSync(blob, 'not a snapshot\n');
        expect(route(alt)).toBe('bundle');
        expectSame(failing, alt);
      } finally {
        writeFileSync(blob, whole);
      }
      expect(route(alt)).toBe('snapshot');
    });

    it('when there is no blob and no cache folder to build one in', () => {
      const kept = `${blob}.kept`;
      renameSync(blob, kept);
      // A cache folder below a file: no one can create it, root included.
      const blocker = join(work, 'a-file');
      writeFileSync(blocker, '');
      const env = { ...baseEnv(), MIGRATION_ARCHITECT_SNAPSHOT: 'on', MIGRATION_ARCHITECT_CACHE_DIR: join(blocker, 'cache') };
      try {
        expect(route(alt, env)).toBe('bundle');
        expect(expectSame(sample, alt, env).code).toBe(0);
      } finally {
        renameSync(kept, blob);
      }
    });

    it('when MIGRATION_ARCHITECT_SNAPSHOT=off', () => {
      const env = { ...baseEnv(), MIGRATION_ARCHITECT_SNAPSHOT: 'off' };
      expect(route(alt, env)).toBe('bundle');
      expectSame(sample, alt, env);
    });

    it('and on a first run without a blob builds one for this Node into the per-user cache, used from then on', { timeout: 180_000 }, async () => {
      const kept = `${blob}.kept`;
      renameSync(blob, kept);
      const cache = join(folder(), 'cache');
      const env = { ...baseEnv(), MIGRATION_ARCHITECT_SNAPSHOT: 'on', MIGRATION_ARCHITECT_CACHE_DIR: cache };
      try {
        expect(expectSame(sample, alt, env).code).toBe(0);
        // The build runs in the background: wait for it (the blob appears whole, by a rename).
        for (let i = 0; i < 600 && blobsIn(join(cache, 'snapshot')).length === 0; i++) await new Promise((done) => setTimeout(done, 200));
        expect(blobsIn(join(cache, 'snapshot'))).toHaveLength(1);
        expect(route(alt, env)).toBe('snapshot');
        expectSame(sample, alt, env);
        expectSame(['check', 'examples/database_schema_before.json', 'examples/database_schema_after.json'], alt, env);
      } finally {
        renameSync(kept, blob);
      }
    });
  });
});

// The launcher finds its folder through a symbolic link, as npm's bin links reach it.
describe.skipIf(process.platform === 'win32')('single-folder launcher through a link', () => {
  it('runs the blob and the same output when started through a symbolic link in another folder', () => {
    const bin = join(folder(), 'bin');
    mkdirSync(bin);
    execFileSync('ln', ['-s', join(cliDir, 'migration-architect'), join(bin, 'migration-architect')]);
    const linked = join(bin, 'migration-architect');
    const traced = spawnSync('sh', ['-x', linked, '--version'], { cwd: work, env: baseEnv(), encoding: 'utf8' });
    expect(traced.stderr).toMatch(/exec node --snapshot-blob /);
    const expected = bundle(['plan', 'examples/sample_service_migration.json']);
    const got = result(spawnSync(linked, ['plan', 'examples/sample_service_migration.json'], { cwd: work, env: baseEnv(), encoding: 'utf8' }));
    expect(got).toEqual(expected);
  });
});

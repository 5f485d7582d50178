import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The plugin as a user gets it: packed into tarballs with core and the CLI, installed into an
 * empty folder outside the repository (no workspace links) with npm and with pnpm, and loaded by
 * the installed CLI from a YAML config.
 */

const pluginRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(pluginRoot, '../..');
const demo = join(pluginRoot, 'demo');
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const PNPM = ['-y', 'pnpm@10.34.9'];
const run = (command: string, args: string[], cwd: string) =>
  spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_loglevel: 'error' } });

function packTarballs(): string[] {
  const packs = tempDir('ma-packs-');
  for (const dir of ['packages/core', 'apps/cli', 'examples/plugin-messaging']) {
    const packed = run('npx', [...PNPM, 'pack', '--pack-destination', packs], join(repoRoot, dir));
    expect(packed.status, packed.stderr).toBe(0);
  }
  return readdirSync(packs).map((file) => join(packs, file));
}

let tarballs: string[] | undefined;

describe.each([
  ['npm', (app: string, files: string[]) => run('npm', ['install', '--no-audit', '--no-fund', ...files], app)],
  [
    'pnpm',
    (app: string, files: string[]) => {
      // Unlike npm, pnpm resolves the CLI's own dependency on core from the registry, where these
      // unreleased versions do not exist yet: point it at the tarball, as a user testing a release would.
      const core = files.find((file) => file.includes('migration-architect-core-'))!;
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ name: 'consumer', private: true, type: 'module', pnpm: { overrides: { '@migration-architect/core': `file:${core}` } } }),
      );
      return run('npx', [...PNPM, 'add', ...files], app);
    },
  ],
])('installed from packed tarballs with %s', (manager, install) => {
  it('loads the plugin from a YAML config and checks topic catalogs with it', { timeout: 300_000 }, () => {
    tarballs ??= packTarballs();
    expect(tarballs.map((t) => t.split('/').pop()).sort()).toEqual([
      'migration-architect-cli-0.1.0.tgz',
      'migration-architect-core-0.1.0.tgz',
      'migration-architect-plugin-messaging-0.1.0.tgz',
    ]);
    const app = tempDir(`ma-${manager}-app-`);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const installed = install(app, tarballs);
    expect(installed.status, installed.stdout + installed.stderr).toBe(0);
    // Nothing resolves into the repository: the packages are copies from the tarballs.
    for (const name of ['@migration-architect/core', '@migration-architect/cli', 'migration-architect-plugin-messaging']) {
      expect(realpathSync(join(app, 'node_modules', name)).startsWith(realpathSync(repoRoot))).toBe(false);
    }

    writeFileSync(join(app, 'migration-architect.config.yaml'), 'plugins:\n  - [migration-architect-plugin-messaging, { dualPublishHours: 24 }]\n');
    for (const file of ['topics-before.yaml', 'topics-after.yaml']) copyFileSync(join(demo, file), join(app, file));
    const cli = (...args: string[]) => run(process.execPath, [join(app, 'node_modules/@migration-architect/cli/dist/bin.js'), ...args], app);

    const show = cli('plugins', 'show', 'messaging');
    expect(show.stderr).toBe('');
    expect(show.stdout).toContain('migration-architect-plugin-messaging 0.1.0  (namespace messaging)');
    expect(show.stdout).toContain('options: {"dualPublishHours":24,"maxConsumerLag":10000}');

    const check = cli('check', 'topics-before.yaml', 'topics-after.yaml');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(2);
    const report = JSON.parse(check.stdout);
    expect(report.schema_type).toBe('topics');
    expect(report.inputs.before.source).toBe('messaging/topic-catalog');
    expect(report.issues.map((i: { rule: string }) => i.rule)).toContain('messaging/field-removed');
  });
});

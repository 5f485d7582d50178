import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples, repoRoot, tempDir } from './harness.js';

/** pnpm as the test runner was started with it, else the pinned one through npx. */
function pnpm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  const [command, prefix] = execPath && execPath.includes('pnpm') ? [process.execPath, [execPath]] : ['npx', ['-y', 'pnpm@10.34.9']];
  return spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8' });
}

describe('published packages install on their own (pnpm pack + plain npm)', () => {
  it('core + plugin-database + cli: check works, and a service spec asks for plugin-service', { timeout: 240_000 }, () => {
    const packs = tempDir();
    for (const dir of ['packages/core', 'plugins/database', 'apps/cli']) {
      const packed = pnpm(['pack', '--pack-destination', packs], join(repoRoot, dir));
      expect(packed.status, packed.stderr).toBe(0);
    }
    const tarballs = readdirSync(packs)
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => join(packs, f));
    expect(tarballs).toHaveLength(3);

    const app = tempDir();
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: app, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    const installed = readdirSync(join(app, 'node_modules', '@migration-architect')).sort();
    expect(installed).toEqual(['cli', 'core', 'plugin-database']);

    for (const file of ['database_schema_before.json', 'database_schema_after.json', 'sample_service_migration.json'])
      copyFileSync(join(examples, file), join(app, file));
    const bin = join(app, 'node_modules', '.bin', 'migration-architect');

    const check = spawnSync(bin, ['check', 'database_schema_before.json', 'database_schema_after.json'], { cwd: app, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).potentially_breaking_count).toBe(4);

    const list = spawnSync(bin, ['plugins'], { cwd: app, encoding: 'utf8' });
    expect(list.stdout).toContain('not installed: @migration-architect/plugin-service, @migration-architect/plugin-infrastructure');

    const plan = spawnSync(bin, ['plan', 'sample_service_migration.json'], { cwd: app, encoding: 'utf8' });
    expect(plan.status).toBe(65);
    expect(plan.stderr).toBe(
      'migration-architect: error: sample_service_migration.json: type: no loaded plugin provides migration type "service" (loaded types: database); install @migration-architect/plugin-service\n',
    );
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../tooling/postgres/free-port.js';
import { examples, repoRoot, spawnCli, tempDir } from './harness.js';

const source = join(examples, 'reconcile/source.db');
const target = join(examples, 'reconcile/target.db');
const script = join(repoRoot, 'scripts/postgres/throwaway-server.sh');

describe('migration-architect reconcile (built binary)', () => {
  it('exit 1 with every planted difference of the example databases', () => {
    const { code, stdout, stderr } = spawnCli(['reconcile', '--source', source, '--target', target, '--tables', 'all']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const customers = report.tables.find((t: { table: string }) => t.table === 'customers');
    expect(customers.differences.missing.map((d: { key: { id: string } }) => d.key.id)).toEqual(['42', '777']);
    expect(customers.differences.extra.map((d: { key: { id: string } }) => d.key.id)).toEqual(['1001']);
    expect(customers.differences.changed.map((d: { key: { id: string } }) => d.key.id)).toEqual(['17', '256', '500', '700']);
    expect(report.summary).toMatchObject({ equal: false, tables: 3, tables_different: 3, missing: 3, extra: 1, changed: 6 });
  });

  it('exit 0 for equal data; text and Markdown formats; -o writes the file', () => {
    const dir = tempDir();
    try {
      const equal = spawnCli(['reconcile', '--source', source, '--target', `sqlite:${source}`, '--table', 'customers', '--format', 'text']);
      expect(equal.code).toBe(0);
      expect(equal.stdout).toMatch(/^EQUAL: 1 table\(s\), 0 different/m);
      const md = spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'countries', '--format', 'markdown', '-o', join(dir, 'r.md')]);
      expect(md.code).toBe(1);
      expect(md.stdout).toBe('');
      expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/\| changed \| code=BE \| `name` \| "Belgium" \| "Belgien" \|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--print-fix-sql prints SQL that makes the target equal', () => {
    const dir = tempDir();
    try {
      const copy = join(dir, 'target.db');
      copyFileSync(target, copy);
      const fix = spawnCli(['reconcile', '--source', source, '--target', copy, '--tables', 'all', '--print-fix-sql']);
      expect(fix.code).toBe(1);
      expect(fix.stdout).toMatch(/^-- migration-architect reconcile/);
      expect(fix.stderr).toMatch(/^reconcile: missing 3, extra 1, changed 6/);
      // The CLI never runs it: applied here with better-sqlite3, then compared again.
      execFileSync(
        'node',
        [
          '-e',
          `const D = require(${JSON.stringify(join(repoRoot, 'packages/reconcile/node_modules/better-sqlite3'))}); const db = new D(${JSON.stringify(copy)}); db.exec(require('fs').readFileSync(0, 'utf8')); db.close();`,
        ],
        { input: fix.stdout },
      );
      expect(spawnCli(['reconcile', '--source', source, '--target', copy, '--tables', 'all']).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exit 66 for a missing SQLite file, which is not created', () => {
    const missing = join(tmpdir(), `ma-reconcile-missing-${process.pid}.db`);
    const { code, stdout, stderr } = spawnCli(['reconcile', '--source', source, '--target', missing, '--tables', 'all']);
    expect(code).toBe(66);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^migration-architect: error: cannot read SQLite database .*: no such file/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(missing)).toBe(false);
  });

  it('without @migration-architect/reconcile installed: one line naming the package, exit 64', { timeout: 240_000 }, () => {
    const dir = tempDir();
    try {
      const packs = join(dir, 'packs');
      const pnpm = (args: string[], cwd: string) => spawnSync('npx', ['-y', 'pnpm@10.34.9', ...args], { cwd, encoding: 'utf8' });
      for (const pkg of ['packages/core', 'apps/cli']) expect(pnpm(['pack', '--pack-destination', packs], join(repoRoot, pkg)).status).toBe(0);
      const app = join(dir, 'app');
      mkdirSync(app);
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
      const tarballs = readdirSync(packs).map((f) => join(packs, f));
      const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: app, encoding: 'utf8' });
      expect(install.status, install.stderr).toBe(0);
      expect(existsSync(join(app, 'node_modules/@migration-architect/reconcile'))).toBe(false);
      const run = spawnSync(join(app, 'node_modules/.bin/migration-architect'), ['reconcile', '--source', source, '--target', target, '--tables', 'all'], {
        cwd: app,
        encoding: 'utf8',
      });
      expect(run.status).toBe(64);
      expect(run.stderr).toBe(
        'migration-architect: error: reconcile needs the package @migration-architect/reconcile; install it next to the CLI (npm i @migration-architect/reconcile)\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a directory as the SQLite file is exit 66; an unknown --naive-time-zone is exit 64; --level count says counts match', () => {
    const dir = tempDir();
    try {
      const folder = spawnCli(['reconcile', '--source', source, '--target', `sqlite:${dir}`, '--tables', 'all']);
      expect(folder.code).toBe(66);
      expect(folder.stderr).toMatch(/^migration-architect: error: cannot read SQLite database .*: it is a directory/);
      const zone = spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--naive-time-zone', 'Mars/Olympus']);
      expect(zone.code).toBe(64);
      expect(zone.stderr).toMatch(/--naive-time-zone: unknown time zone "Mars\/Olympus"/);
      const counted = spawnCli(['reconcile', '--source', source, '--target', source, '--table', 'customers', '--level', 'count', '--format', 'text']);
      expect(counted.code).toBe(0);
      expect(counted.stdout).toMatch(/^COUNTS MATCH \(content not compared\): 1 table/m);
      expect(counted.stdout).not.toMatch(/EQUAL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--hash md5 finds the same differences with md5 of the canonical text; an unknown --hash is 64', () => {
    const auto = JSON.parse(spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers']).stdout);
    const strong = spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--hash', 'md5']);
    expect(strong.code).toBe(1);
    const report = JSON.parse(strong.stdout);
    expect(report.options).toMatchObject({ hash: 'canonical', canonical_hash: 'md5' });
    expect(auto.options.hash).toBe('native');
    expect(report.tables[0].differences).toEqual(auto.tables[0].differences);
    const bad = spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--hash', 'sha1']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--hash must be auto or md5; got "sha1"/);
  });

  it('--strategy stream finds the same differences and says so in the report; an unknown --strategy is 64', () => {
    const hashed = JSON.parse(spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--strategy', 'hash']).stdout);
    const streamed = spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--strategy', 'stream']);
    expect(streamed.code).toBe(1);
    const report = JSON.parse(streamed.stdout);
    expect(report.tables[0].strategy).toEqual({ ran: 'stream', reason: '--strategy stream' });
    expect(hashed.tables[0].strategy).toEqual({ ran: 'hash', reason: '--strategy hash' });
    expect(report.tables[0].differences).toEqual(hashed.tables[0].differences);
    const bad = spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--strategy', 'fast']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--strategy must be auto, hash or stream; got "fast"/);
  });

  it('exit 64 for usage errors', () => {
    expect(spawnCli(['reconcile', '--source', source, '--table', 'customers']).code).toBe(64);
    expect(spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--level', 'fast']).code).toBe(64);
    expect(spawnCli(['reconcile', '--source', source, '--target', target, '--table', 'customers', '--jobs', 'two']).code).toBe(64);
    expect(spawnCli(['reconcile', '--source', source, '--target', target, '--tables', 'all', '--colums', 'a']).code).toBe(64);
  });

  describe('with PostgreSQL', () => {
    let root: string;
    let url: string;

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'ma-reconcile-cli-pg-'));
      const server = execFileSync('bash', [script, 'start', join(root, 'data'), String(await freePort()), String(process.pid)], { encoding: 'utf8' }).trim();
      execFileSync('psql', [
        '-X',
        '-q',
        server,
        '-c',
        'CREATE TABLE countries (code text PRIMARY KEY, name text)',
        '-c',
        "INSERT INTO countries VALUES ('AT', 'Austria'), ('BE', 'Belgium'), ('CH', 'Switzerland'), ('DE', 'Germany'), ('ES', 'Spain'), ('FR', 'France')",
      ]);
      // The server trusts loopback: the password is accepted and ignored, but must never be shown.
      url = server.replace('postgres@', 'postgres:N0t-Shown-Anywhere@');
    }, 120_000);

    afterAll(() => {
      execFileSync('bash', [script, 'stop', join(root, 'data')]);
      rmSync(root, { recursive: true, force: true });
    });

    it('compares SQLite with PostgreSQL; the password appears in no output', () => {
      const equal = spawnCli(['reconcile', '--source', source, '--target', url, '--table', 'countries', '--format', 'text']);
      expect(equal.code).toBe(0);
      const different = spawnCli(['reconcile', '--source', target, '--target', url, '--table', 'countries']);
      expect(different.code).toBe(1);
      expect(JSON.parse(different.stdout).target.database).toMatch(/^postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres$/);
      const unreachable = spawnCli(['reconcile', '--source', source, '--target', 'postgres://app:N0t-Shown-Anywhere@127.0.0.1:1/db', '--table', 'countries']);
      expect(unreachable.code).toBe(69);
      expect(unreachable.stderr).toMatch(/postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/db/);
      for (const run of [equal, different, unreachable]) expect(run.stdout + run.stderr).not.toMatch(/N0t-Shown-Anywhere/);
    });
  });
});

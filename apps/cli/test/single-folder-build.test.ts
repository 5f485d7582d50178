import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, repoRoot } from './harness.js';
import { buildSingleFolder, temporaryFolders } from './single-folder-bundle.js';

/*
 * The single-folder build (`pnpm bundle`, scripts/bundle/build-bundle.mjs) is what the pre-commit
 * hook runs and what a project uses before the packages are published. It is built here into a
 * temporary folder, copied to another one outside the repository (so nothing can resolve from the
 * workspace's node_modules), and run there as a user would.
 */
let cliDir = '';
let work = '';

function run(args: string[], cwd = work) {
  const result = spawnSync(process.execPath, [join(cliDir, 'migration-architect.mjs'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', MIGRATION_ARCHITECT_CACHE_DIR: join(work, '.cache') },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const { folder, removeAll } = temporaryFolders('ma-bundle-');
afterAll(removeAll);

beforeAll(() => {
  cliDir = buildSingleFolder(folder, { snapshot: false });
  work = folder();
  for (const file of ['sample_database_migration.json', 'database_schema_before.json', 'database_schema_after.json'])
    copyFileSync(join(examples, file), join(work, file));
}, 120_000);

describe('single-folder CLI build, run from a folder outside the repository', () => {
  it('imports nothing but Node built-ins, its own files and the packages it carries in node_modules/', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // Read on demand (YAML, JSONC, GraphQL), so kept out of the start-up graph: carried as packages.
    const carried = readdirSync(join(cliDir, 'node_modules')).flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(cliDir, 'node_modules', name)).map((inner) => `${name}/${inner}`) : [name],
    );
    expect(carried).toEqual(expect.arrayContaining(['yaml', 'jsonc-parser', 'graphql', '@graphql-inspector/core']));
    const code = filesUnder(cliDir).filter((f) => f.endsWith('.mjs') && !f.includes('/node_modules/'));
    expect(code.length).toBeGreaterThan(1);
    const outside: string[] = [];
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /^(?:import|export)\s[^;'"]*?from\s*["']([^"']+)["'];?$|^import\s*["']([^"']+)["'];?$|\bimport\(\s*["']([^"']+)["']\s*\)/gm,
      )) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? '';
        if (specifier.startsWith('.') || builtins.has(specifier) || carried.includes(specifier)) continue;
        outside.push(`${relative(cliDir, file)}: ${specifier}`);
      }
    }
    // pg probes for its optional native binding and Cloudflare sockets behind try/catch.
    expect(outside.filter((entry) => !/: (pg-native|cloudflare:sockets)$/.test(entry))).toEqual([]);
    for (const asset of ['chunks/pglite.wasm', 'chunks/pglite.data', 'chunks/initdb.wasm', 'chunks/libpg-query.wasm', 'chunks/sql-wasm.wasm', 'citext.tar.gz'])
      expect(existsSync(join(cliDir, asset)), asset).toBe(true);
  });

  it('plan on the database sample', () => {
    const { code, stdout } = run(['plan', 'sample_database_migration.json', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('**PostgreSQL 13 Production Database** → **PostgreSQL 15 Cloud Database**');
  });

  it('reads YAML and GraphQL, and places JSON errors, with the packages it carries, as the workspace CLI does', () => {
    for (const file of ['api/openapi-before.yaml', 'api/openapi-after.yaml', 'api/schema-before.graphql', 'api/schema-after.graphql'])
      copyFileSync(join(examples, file), join(work, file.replace('api/', '')));
    const spec = readFileSync(join(examples, 'sample_database_migration.json'), 'utf8');
    writeFileSync(join(work, 'spec.yaml'), spec);
    // A JSON error is placed by jsonc-parser.
    writeFileSync(join(work, 'broken.json'), spec.replace('"source"', '"source",,'));
    const commands = [
      ['check', '--type', 'api', 'openapi-before.yaml', 'openapi-after.yaml'],
      ['check', '--type', 'graphql', 'schema-before.graphql', 'schema-after.graphql'],
      ['plan', 'spec.yaml', '--format', 'json'],
      ['plan', 'broken.json', '--format', 'json'],
    ];
    for (const args of commands) {
      const bundled = run(args);
      const workspace = spawnSync(process.execPath, [join(repoRoot, 'apps/cli/dist/bin.js'), ...args], {
        cwd: work,
        env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
        encoding: 'utf8',
      });
      expect(bundled.stdout.length + bundled.stderr.length, args.join(' ')).toBeGreaterThan(40);
      expect(bundled.stdout, args.join(' ')).toBe(workspace.stdout);
      expect(bundled.stderr, args.join(' ')).toBe(workspace.stderr);
      expect(bundled.code, args.join(' ')).toBe(workspace.status);
    }
  });

  it('check on the JSON schema samples: exit 1, the same report as the workspace CLI', () => {
    const bundled = run(['check', 'database_schema_before.json', 'database_schema_after.json']);
    expect(bundled.code).toBe(1);
    expect(JSON.parse(bundled.stdout).potentially_breaking_count).toBe(4);
    const workspace = spawnSync(
      process.execPath,
      [join(repoRoot, 'apps/cli/dist/bin.js'), 'check', 'database_schema_before.json', 'database_schema_after.json'],
      {
        cwd: work,
        env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
        encoding: 'utf8',
      },
    );
    expect(bundled.stdout).toBe(workspace.stdout);
  });

  it('check on SQL files with --verify replays the scripts on the bundled PGlite (a contrib extension included)', { timeout: 180_000 }, () => {
    writeFileSync(join(work, 'before.sql'), 'CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text NOT NULL\n);\n');
    writeFileSync(
      join(work, 'after.sql'),
      'CREATE EXTENSION IF NOT EXISTS citext;\nCREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email citext NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n',
    );
    const { code, stdout, stderr } = run(['check', 'before.sql', 'after.sql', '--verify']);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(report.verification.engine).toMatch(/^pglite \d+\.\d+\.\d+$/);
    expect(report.verification.passed).toBe(true);
    expect(report.verification.scripts.map((s: { description: string }) => s.description)).toContain('Create extension citext');
    expect(code).toBe(1); // text → citext changes comparisons: potentially breaking
  });

  it('gate --dry-run in a git repository lists the new migration', () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'db/migrations'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'dev@example.com');
    git('config', 'user.name', 'dev');
    writeFileSync(join(repo, 'db/migrations/V1__users.sql'), 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n');
    git('add', '.');
    git('commit', '-qm', 'users');
    git('checkout', '-qb', 'nickname');
    writeFileSync(join(repo, 'db/migrations/V2__nickname.sql'), 'ALTER TABLE users ADD COLUMN nickname text;\n');
    const { code, stdout } = run(['gate', '--base', 'main', '--dry-run'], repo);
    expect(code).toBe(0);
    expect(stdout).toContain('db/migrations/V2__nickname.sql  [added migration, database]  flyway migration 2 in db/migrations/, after 1 earlier migration');
  });
  it('reconcile on SQLite files says in one line that this build does not carry the native reader', () => {
    const { code, stdout, stderr } = run([
      'reconcile',
      '--source',
      join(examples, 'reconcile/source.db'),
      '--target',
      join(examples, 'reconcile/target.db'),
      '--tables',
      'all',
    ]);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('reading SQLite files needs the native better-sqlite3 module, which the single-folder build does not carry');
    expect(code).toBe(65);
  });
});

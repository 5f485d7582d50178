import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './harness.js';

const BEFORE = 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, note text);\n';
const AFTER = 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(320) NOT NULL, note text NOT NULL);\n';

describe('check --verify and --migration', () => {
  it('--verify replays on the embedded engine and exits 3 when a script needs a value only the user knows', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'before.sql'), BEFORE);
    writeFileSync(join(dir, 'after.sql'), AFTER);
    const result = await cli(['check', 'before.sql', 'after.sql', '--verify', '--format', 'json'], {
      cwd: dir,
      env: { MIGRATION_ARCHITECT_CACHE_DIR: join(dir, 'cache') },
    });
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.verification.engine).toMatch(/^pglite /);
    expect(report.verification.scripts.map((s: { migration: { status: string } }) => s.migration.status).sort()).toEqual(['needs_input', 'passed']);
    expect(report.verification.after_migration.differences).toEqual([expect.stringMatching(/^column\.nullability_changed tables\.users\.columns\.note/)]);
  });

  it('--dev-url must be a postgres:// URL (64)', async () => {
    const result = await cli(['check', 'a.sql', 'b.sql', '--dev-url', 'mysql://x']);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/--dev-url expects a postgres:\/\/ URL/);
  });

  it('--migration applies a file to the before schema; findings point at its lines', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'schema.sql'), BEFORE);
    writeFileSync(join(dir, '0042.sql'), "SET lock_timeout = '5s';\n\nCREATE INDEX users_email_idx ON users (email);\n");
    const result = await cli(['check', '--before', 'schema.sql', '--migration', '0042.sql', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    expect(result.code).toBe(0);
    const issues = JSON.parse(result.stdout).issues as { rule: string; location: { file: string; line: number } }[];
    expect(issues.map((i) => `${i.location.file}:${i.location.line} ${i.rule}`).sort()).toEqual([
      '0042.sql:3 database/index-added',
      '0042.sql:3 database/index-not-concurrent',
      '0042.sql:3 database/not-rerunnable',
    ]);
  });

  it('--migration with an after schema is a usage error (64)', async () => {
    const result = await cli(['check', 'a.sql', 'b.sql', '--migration', 'm.sql']);
    expect(result.code).toBe(64);
  });
});

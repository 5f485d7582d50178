#!/usr/bin/env node
// pnpm bench: the database checker on real-size inputs, as a user runs it (whole process, built CLI):
//   - `check` on a 2,000-table dump pair (goal: under 3 s whole process);
//   - `check --before … --migration …` on a 500-statement migration file;
//   - `check --verify` on a 200-table change (every 10th table changed), on the embedded PostgreSQL
//     (PGlite; the first run also initializes and caches its data directory, timed apart) and, when
//     BENCH_PG_URL (or MA_TEST_PG_URL) names a server whose user may create databases, with --dev-url.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSchema } from './generate-schema.mjs';

const cli = join(import.meta.dirname, '../../apps/cli/dist/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'ma-verify-bench-'));
const cache = join(dir, 'cache');
const server = process.env.BENCH_PG_URL ?? process.env.MA_TEST_PG_URL;

function pair(tables, changedEvery) {
  const folder = mkdtempSync(join(dir, `${tables}-`));
  const before = join(folder, 'before.sql');
  const after = join(folder, 'after.sql');
  writeFileSync(before, generateSchema(tables).sql);
  writeFileSync(after, generateSchema(tables, changedEvery).sql);
  return [before, after];
}

/** One whole `check` process: wall time, exit code, and what the report says. */
function run(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, 'check', ...args, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, MIGRATION_ARCHITECT_CACHE_DIR: cache },
  });
  const ms = performance.now() - start;
  if (result.status !== 0 && result.status !== 1 && result.status !== 2 && result.status !== 3) {
    throw new Error(`check ${args.join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n')[0]}`);
  }
  const report = JSON.parse(result.stdout);
  return { ms, exit: result.status, issues: report.issues.length, scripts: report.migration_scripts.length, verification: report.verification };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const lines = [];

const [before2000, after2000] = pair(2000, 100);
run([before2000, after2000]); // warm the file cache
const times = [1, 2, 3].map(() => run([before2000, after2000]));
const median = times.map((t) => t.ms).sort((a, b) => a - b)[1];
lines.push(
  `check, 2,000-table dump pair (1% of tables changed), whole process, median of 3: ${fmt(median)} (${times[0].issues} findings) — goal under 3 s: ${median < 3000 ? 'met' : 'NOT met'}`,
);

const [before200, after200] = pair(200, 10);
const describe = (label, r) => {
  const v = r.verification;
  const failed = v.scripts.filter((s) => [s.migration, s.validation, s.rollback].some((step) => step.status === 'failed')).length;
  return `${label}: ${fmt(r.ms)}, ${r.scripts} scripts, ${v.passed ? 'passed' : `FAILED (${failed} failing scripts, ${v.after_migration.differences.length + v.after_rollback.differences.length} differences)`} on ${v.engine}`;
};
lines.push(
  describe('check --verify, 200-table change, embedded engine, first run (initializes the cached data directory)', run([before200, after200, '--verify'])),
);
lines.push(describe('check --verify, 200-table change, embedded engine, cached', run([before200, after200, '--verify'])));
// A 500-statement migration file on the 200-table schema: columns, indexes, constraints, renames.
const migration = join(dir, 'migration-500.sql');
const statements = ["SET lock_timeout = '5s';"];
for (let i = 0; statements.length < 500; i++) {
  const table = `t${String(i % 200).padStart(5, '0')}`;
  const n = Math.floor(i / 200);
  statements.push(
    `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS extra_${n} text;`,
    `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${table}_extra_${n}_idx ON ${table} (extra_${n});`,
    `ALTER TABLE ${table} ADD CONSTRAINT ${table}_extra_${n}_check CHECK (length(extra_${n}) < 100) NOT VALID;`,
    `ALTER TABLE ${table} VALIDATE CONSTRAINT ${table}_extra_${n}_check;`,
    `CREATE INDEX ${table}_c2_${n}_idx ON ${table} (c2_text);`,
  );
}
writeFileSync(migration, `${statements.slice(0, 500).join('\n')}\n`);
const lint = run([before200, '--migration', migration]);
lines.push(`check --migration, 500-statement file on a 200-table schema, whole process: ${fmt(lint.ms)} (${lint.issues} findings)`);
if (server) lines.push(describe('check --verify --dev-url, 200-table change, PostgreSQL server', run([before200, after200, '--dev-url', server])));
else lines.push('check --verify --dev-url: skipped (set BENCH_PG_URL to a server whose user may create databases)');

rmSync(dir, { recursive: true, force: true });
console.log(lines.join('\n'));

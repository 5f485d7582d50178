#!/usr/bin/env node
// The database checker measured on real migration histories, with PostgreSQL as the oracle:
//
//   node scripts/corpus/measure-migration-histories.mjs <folder> [--last N] [--project NAME] [--details FILE]
//
// <folder> holds one folder per project (the `database-schema-histories` corpus, or a scratch
// folder of your own). A project folder is either
//   - a migration history: a `migrations/` folder in a layout the gate reads (Flyway, golang-migrate,
//     sqlx, diesel, Prisma, dbmate, numbered files; goose's and sql-migrate's `-- +goose Down` /
//     `-- +migrate Down` sections are cut off); each prefix of the series is a version; or
//   - schema versions: `*.sql` files beside each other, each a whole schema, in name order
//     (the corpus's `NN-<commit>.sql`).
// Each version is loaded into a database on PostgreSQL (psql, ON_ERROR_STOP), then compared, both
// ways, file ↔ live catalog and pg_dump ↔ live catalog: every finding there is noise, since
// nothing changed. Each consecutive pair of dumps goes through `check` with the scripts replayed
// forward and back on the server (`--verify --dev-url`). One table, one line per project.
//
// The server: MA_TEST_PG_URL (its user must create databases; PostGIS if the projects need it),
// otherwise a throwaway one started with scripts/postgres/throwaway-server.sh and stopped after.
// Needs the built packages: npx -y pnpm@10.34.9 run build --filter=@migration-architect/plugin-database...
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCompatibility, createRegistry } from '../../packages/core/dist/index.js';
import { createDatabasePlugin, dbmateSections, migrationSeries } from '../../plugins/database/dist/index.js';
import { databaseUrl, provideServer } from './throwaway-postgres.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { last: { type: 'string' }, project: { type: 'string', multiple: true }, details: { type: 'string' } },
});
if (positionals.length !== 1 || !existsSync(positionals[0])) {
  console.error('usage: measure-migration-histories.mjs <folder of projects> [--last N] [--project NAME]... [--details FILE]');
  process.exit(64);
}
const root = positionals[0];
const last = values.last ? Number(values.last) : Number.POSITIVE_INFINITY;
const registry = createRegistry([createDatabasePlugin()]);
const details = [];

// pg_dump 17 writes `SET transaction_timeout = 0;`, which servers before 17 refuse: a structure.sql dumped by a newer client still loads.
const NEWER_DUMP_SETTINGS = /^SET transaction_timeout = 0;$/gm;

function psql(url, sql) {
  const input = sql.replace(NEWER_DUMP_SETTINGS, '');
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) return (result.stderr || `psql exited ${result.status}`).split('\n').find((l) => /ERROR|FATAL/.test(l)) ?? result.stderr.trim();
  return null;
}

const upSection = (text) => {
  if (/^--\s*migrate:up\b/m.test(text)) return dbmateSections(text).up;
  const down = /^--\s*\+(?:goose|migrate)\s+down\b/im.exec(text);
  const up = down ? text.slice(0, down.index) : text;
  // goose runs each migration in a transaction unless it says NO TRANSACTION: LOCK TABLE needs one.
  const goose = /^--\s*\+goose\s+up\b/im.test(text) && !/^--\s*\+goose\s+no\s+transaction\b/im.test(text);
  return goose ? `BEGIN;\n${up}\n;\nCOMMIT;\n` : up;
};

function filesUnder(folder) {
  return readdirSync(folder, { recursive: true })
    .map((f) => join(folder, String(f)))
    .filter((f) => statSync(f).isFile());
}

/** A project's versions: { label, files: text of each step applied since the previous version, whole: the file side }. */
function versionsOf(folder) {
  const migrations = join(folder, 'migrations');
  if (existsSync(migrations)) {
    const paths = filesUnder(migrations).map((f) => relative(folder, f));
    const series = migrationSeries(paths, (p) => readFileSync(join(folder, p), 'utf8')).sort((a, b) => b.migrations.length - a.migrations.length)[0];
    if (!series) return { kind: 'migrations', versions: [] };
    let whole = '';
    const versions = series.migrations.map((m) => {
      const step = upSection(readFileSync(join(folder, m.up), 'utf8'));
      whole += `${step}\n;\n`;
      return { label: m.version, step, whole };
    });
    return { kind: `migrations (${series.layout})`, versions };
  }
  const versions = readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(folder, f), 'utf8');
      return { label: f, whole: text, replaces: true };
    });
  return { kind: 'schema versions', versions };
}

async function findings(before, after) {
  const report = await checkCompatibility(registry, { type: 'database', before, after });
  return report.issues.map((i) => `${i.field_path}: ${i.description.split('\n')[0].slice(0, 200)}`);
}

async function measure(name, server) {
  const folder = join(root, name);
  const { kind, versions } = versionsOf(folder);
  const row = { name, kind, versions: 0, pairs: 0, noise: 0, noiseVersions: 0, scripts: 0, failed: 0, forward: 0, rollback: 0, unchanged: 0, stopped: '' };
  const database = `ma_corpus_${name.replace(/\W/g, '_').toLowerCase()}`;
  const adminUrl = server.url;
  const reset = () => psql(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE);\nCREATE DATABASE "${database}";`);
  reset();
  const url = databaseUrl(server.url, database);
  const first = Math.max(0, versions.length - last - 1);
  let previousDump = null;
  for (const [index, version] of versions.entries()) {
    if (version.replaces) reset();
    const error = psql(url, version.replaces ? version.whole : version.step);
    if (error) {
      row.stopped = `${version.label}: ${error.slice(0, 160)}`;
      details.push(`${name} ${version.label} does not load: ${error}`);
      break;
    }
    if (index < first) continue;
    const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', url], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const file = { name: `${version.label}.sql`, document: version.whole };
    const dumped = { name: 'pg_dump.sql', document: dump };
    const noise = [];
    for (const [label, a, b] of [
      ['file → live', file, url],
      ['live → file', url, file],
      ['dump → live', dumped, url],
      ['live → dump', url, dumped],
    ]) {
      try {
        for (const f of await findings(a, b)) noise.push(`${label}: ${f}`);
      } catch (error) {
        noise.push(`${label}: check failed: ${String(error?.message ?? error).split('\n')[0]}`);
      }
    }
    row.versions++;
    row.noise += noise.length;
    if (noise.length > 0) row.noiseVersions++;
    for (const n of noise) details.push(`${name} ${version.label} noise ${n}`);
    if (previousDump !== null) {
      row.pairs++;
      if (previousDump.document === dump) row.unchanged++;
      const report = await checkCompatibility(registry, {
        type: 'database',
        before: previousDump,
        after: { name: `${version.label}.pg_dump.sql`, document: dump },
        verify: { devUrl: adminUrl },
      });
      const verification = report.verification;
      row.scripts += report.migration_scripts.length;
      const failed = verification.scripts.filter((s) => [s.migration, s.validation, s.rollback].some((step) => step.status === 'failed'));
      row.failed += failed.length;
      // A script that needs a value only the user knows is not run; what it would change is the only difference allowed forward.
      const pending = verification.scripts.filter(
        (s) => s.migration.status === 'needs_input' || (s.migration.status === 'skipped' && s.migration.error?.startsWith('depends on')),
      );
      const pendingPaths = new Set(report.issues.filter((i) => pending.some((s) => s.index === i.migration_script_index)).map((i) => i.field_path));
      const forward = verification.after_migration.differences.filter((d) => !pendingPaths.has(d.split(' ')[1]?.replace(/:$/, '')));
      if (forward.length === 0 && failed.length === 0) row.forward++;
      if (verification.after_rollback.differences.length === 0 && failed.length === 0) row.rollback++;
      const pair = `${name} ${previousDump.name} → ${version.label}`;
      for (const s of failed) {
        const step = [s.migration, s.validation, s.rollback].find((x) => x.status === 'failed');
        details.push(`${pair} script failed: ${s.description}: ${step.error}`);
      }
      for (const d of forward) details.push(`${pair} forward: ${d}`);
      for (const d of verification.after_rollback.differences) details.push(`${pair} rollback: ${d}`);
      for (const n of verification.notes) if (/does not load/.test(n)) details.push(`${pair} note: ${n}`);
    }
    previousDump = { name: `${version.label}.pg_dump.sql`, document: dump };
  }
  psql(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE);`);
  return row;
}

const server = await provideServer('ma-corpus-pg-');
const projects = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && (!values.project || values.project.includes(d.name)))
  .map((d) => d.name)
  .sort();
const rows = [];
for (const name of projects) {
  const started = performance.now();
  const row = await measure(name, server);
  row.seconds = Math.round((performance.now() - started) / 1000);
  rows.push(row);
  console.error(`${name}: ${row.versions} versions, ${row.pairs} pairs, ${row.seconds} s`);
  console.error(`  ${tableRow(row)}`);
  if (values.details) writeFileSync(values.details, `${details.join('\n')}\n`);
}
server.stop();

function tableRow(r) {
  return `| ${r.name} | ${r.kind} | ${r.versions} | ${r.pairs} (${r.unchanged}) | ${r.noise} (${r.noiseVersions}) | ${r.scripts} | ${r.failed} | ${r.forward}/${r.pairs} | ${r.rollback}/${r.pairs} | ${r.stopped || '-'} |`;
}

const header = [
  'project',
  'input',
  'versions',
  'pairs (unchanged)',
  'noise findings (versions with any)',
  'scripts',
  'scripts failed',
  'forward exact',
  'rollback exact',
  'stopped at',
];
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(tableRow)];
const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
lines.push(
  `| total | | ${sum('versions')} | ${sum('pairs')} (${sum('unchanged')}) | ${sum('noise')} (${sum('noiseVersions')}) | ${sum('scripts')} | ${sum('failed')} | ${sum('forward')}/${sum('pairs')} | ${sum('rollback')}/${sum('pairs')} | |`,
);
console.log(lines.join('\n'));

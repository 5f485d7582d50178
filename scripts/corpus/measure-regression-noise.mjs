#!/usr/bin/env node
// PostgreSQL's own regression suite as a noise corpus for the database checker:
//
//   node scripts/corpus/measure-regression-noise.mjs <regress dir> [--file NAME]... [--min-ddl N] [--details FILE]
//
// <regress dir> is a checkout's src/test/regress (its sql/ and data/ folders), taken from the
// PostgreSQL repository at a commit the server's major version runs (REL_15 for PostgreSQL 15);
// nothing of it is committed here. Each DDL-heavy file is loaded the way pg_regress runs it — psql
// without ON_ERROR_STOP, statement by statement, the errors the file expects ignored — into a fresh
// database made from a template that holds test_setup.sql (the tables and functions every file
// assumes). Then, since nothing changed, every finding is noise:
//   self         the live database compared with itself, read twice from the catalogs;
//   dump → live  its own `pg_dump --schema-only`, read as SQL, compared with the live database;
//   live → dump  the other way round.
// Prints one table row per file, totals, findings by rule and class, and the excluded files with why.
//
// The server: MA_TEST_PG_URL (a superuser: the files create roles, casts, languages), otherwise a
// throwaway one started with scripts/postgres/throwaway-server.sh and stopped after.
// Needs the built packages: npx -y pnpm@10.34.9 run build --filter=@migration-architect/plugin-database...
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCompatibility, createRegistry } from '../../packages/core/dist/index.js';
import { createDatabasePlugin } from '../../plugins/database/dist/index.js';
import { databaseUrl, provideServer } from './throwaway-postgres.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { file: { type: 'string', multiple: true }, 'min-ddl': { type: 'string' }, details: { type: 'string' } },
});
if (positionals.length !== 1 || !existsSync(join(positionals[0], 'sql'))) {
  console.error('usage: measure-regression-noise.mjs <src/test/regress of a PostgreSQL checkout> [--file NAME]... [--min-ddl N] [--details FILE]');
  process.exit(64);
}
const regress = resolve(positionals[0]);
const minDdl = values['min-ddl'] ? Number(values['min-ddl']) : 20;
const registry = createRegistry([createDatabasePlugin()]);
const details = [];

// Files left out whatever their DDL count, and why. The rest are measured when they hold at least --min-ddl DDL statements.
const EXCLUDED = {
  test_setup: 'the base every file is loaded on (its own objects are measured in every row)',
  tablespace: 'tablespaces live outside a database and need a directory on the server',
  psql: "tests psql's own commands and output, not the schema",
  psql_crosstab: "tests psql's \\crosstabview",
  create_function_c: 'C functions from regress.so, which a packaged server does not have',
  create_role: 'roles are cluster-wide: nothing of it stays in the database',
  roleattributes: 'roles are cluster-wide: nothing of it stays in the database',
  password: 'roles are cluster-wide: nothing of it stays in the database',
  sanity_check: 'reads the catalogs of the whole regression database, creates nothing',
  type_sanity: 'queries over the catalogs, creates nothing',
  opr_sanity: 'queries over the catalogs, creates nothing',
  misc_sanity: 'queries over the catalogs, creates nothing',
  oidjoins: 'queries over the catalogs, creates nothing',
  errors: 'tests error paths only: every statement is expected to fail',
  infinite_recurse: 'tests a stack-depth error only',
};

const DDL =
  /^\s*(?:create|alter)\s+(?:or\s+replace\s+)?(?:unique\s+)?(?:temp(?:orary)?\s+|unlogged\s+)?(?:table|index|view|materialized\s+view|type|domain|function|procedure|sequence|trigger|constraint\s+trigger|schema|extension|policy|rule|aggregate|operator|cast)\b/gim;

/** Runs SQL as pg_regress does (no ON_ERROR_STOP): returns how many statements failed. */
function psqlFile(url, file) {
  const result = spawnSync('psql', ['-X', '-q', '-a', '-v', 'ON_ERROR_STOP=0', '-f', file, url], {
    cwd: regress,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 300_000,
    // test_setup.sql and others find their data and C library through these (\getenv).
    env: {
      ...process.env,
      PG_ABS_SRCDIR: regress,
      PG_ABS_BUILDDIR: regress,
      PG_LIBDIR: '/nonexistent',
      PG_DLSUFFIX: '.so',
      PGOPTIONS: '-c client_min_messages=error',
    },
  });
  const errors = (result.stderr ?? '').split('\n').filter((l) => /\bERROR:/.test(l)).length;
  return { errors, timedOut: result.error?.code === 'ETIMEDOUT' };
}

function admin(url, sql) {
  const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql, url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

/** The finding's rule and its first line. */
async function findings(before, after) {
  const report = await checkCompatibility(registry, { type: 'database', before, after });
  return report.issues.map((i) => ({ rule: i.rule ?? i.type ?? '?', text: `${i.field_path}: ${i.description.split('\n')[0].slice(0, 240)}` }));
}

const server = await provideServer('ma-regress-pg-');
const sqlDir = join(regress, 'sql');
const all = readdirSync(sqlDir)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.slice(0, -4))
  .sort();
const chosen = values.file ? all.filter((f) => values.file.includes(f)) : all;
const excluded = [];
const measured = [];
for (const name of chosen) {
  const ddl = (readFileSync(join(sqlDir, `${name}.sql`), 'utf8').match(DDL) ?? []).length;
  if (EXCLUDED[name]) excluded.push({ name, reason: EXCLUDED[name] });
  else if (!values.file && ddl < minDdl) excluded.push({ name, reason: `not DDL-heavy (${ddl} DDL statements, fewer than ${minDdl})` });
  else measured.push({ name, ddl });
}

// The base every file assumes, made once and copied per file (CREATE DATABASE … TEMPLATE).
const base = 'ma_regress_base';
admin(server.url, `DROP DATABASE IF EXISTS ${base} WITH (FORCE)`);
admin(server.url, `CREATE DATABASE ${base}`);
psqlFile(databaseUrl(server.url, base), join(sqlDir, 'test_setup.sql'));

const rows = [];
const byRule = new Map();
const byClass = new Map();
for (const { name, ddl } of measured) {
  const started = performance.now();
  const database = `ma_regress_${name.replace(/\W/g, '_')}`;
  admin(server.url, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  admin(server.url, `CREATE DATABASE ${database} TEMPLATE ${base}`);
  const url = databaseUrl(server.url, database);
  const load = psqlFile(url, join(sqlDir, `${name}.sql`));
  const row = { name, ddl, errors: load.errors, self: 0, dumpLive: 0, liveDump: 0, note: load.timedOut ? 'timed out loading (measured as far as it got)' : '' };
  const dump = spawnSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', url], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const dumped = { name: `${name}.pg_dump.sql`, document: dump.stdout };
  const comparisons = [
    ['self', url, url],
    ['dumpLive', dumped, url],
    ['liveDump', url, dumped],
  ];
  for (const [column, a, b] of comparisons) {
    let found;
    try {
      found = await findings(a, b);
    } catch (error) {
      found = [{ rule: 'check-failed', text: String(error?.message ?? error).split('\n')[0] }];
    }
    row[column] = found.length;
    for (const f of found) {
      byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      // The class: the rule and the finding's text with names and numbers taken out.
      const shape = `${f.rule} ${f.text.replace(/^[^:]*: /, '').replace(/"[^"]*"|'[^']*'|\b\w*\d\w*\b/g, '…')}`.slice(0, 160);
      byClass.set(shape, (byClass.get(shape) ?? 0) + 1);
      details.push(`${name} ${column} ${f.rule} ${f.text}`);
    }
  }
  admin(server.url, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  row.seconds = Math.round((performance.now() - started) / 1000);
  rows.push(row);
  console.error(`${name}: ${row.errors} statement errors, self ${row.self}, dump → live ${row.dumpLive}, live → dump ${row.liveDump}, ${row.seconds} s`);
  if (values.details) writeFileSync(values.details, `${details.join('\n')}\n`);
}
admin(server.url, `DROP DATABASE IF EXISTS ${base} WITH (FORCE)`);
server.stop();

const header = ['file', 'DDL statements', 'statement errors (expected by the file)', 'self', 'dump → live', 'live → dump', 'note'];
const tableRow = (r) => `| ${r.name} | ${r.ddl} | ${r.errors} | ${r.self} | ${r.dumpLive} | ${r.liveDump} | ${r.note || '-'} |`;
const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
const withAny = rows.filter((r) => r.self + r.dumpLive + r.liveDump > 0).length;
const out = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map(tableRow),
  `| total: ${rows.length} files (${withAny} with findings) | ${sum('ddl')} | ${sum('errors')} | ${sum('self')} | ${sum('dumpLive')} | ${sum('liveDump')} | |`,
  '',
  'Findings by rule:',
  ...[...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `  ${String(n).padStart(5)}  ${rule}`),
  '',
  'Findings by class:',
  ...[...byClass].sort((a, b) => b[1] - a[1]).map(([shape, n]) => `  ${String(n).padStart(5)}  ${shape}`),
  '',
  `Excluded (${excluded.length}):`,
  ...excluded.map((e) => `  ${e.name}: ${e.reason}`),
];
console.log(out.join('\n'));

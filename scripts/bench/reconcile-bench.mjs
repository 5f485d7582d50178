#!/usr/bin/env node
// pnpm bench (and pnpm bench:reconcile): reconcile on two 1,000,000-row tables with 100 planted
// differences, clustered and scattered, on each engine and across engines, against
//   the floor: one md5-per-row checksum scan of each whole table, both sides at once;
//   the naive way: read both tables ordered by key and compare every row.
// PostgreSQL runs on a throwaway server on loopback (scripts/postgres/throwaway-server.sh).
// BENCH_ROWS (default 1000000), BENCH_RUNS (default 3, the median is shown), BENCH_ENGINES
// (default postgres,sqlite,postgres-sqlite,mariadb,mariadb-postgres; postgres-sqlite is PostgreSQL
// source → SQLite target, the same rows in each engine's types; mariadb is MariaDB ↔ MariaDB on a
// throwaway server from scripts/mariadb/throwaway-server.sh; mariadb-postgres is MariaDB source →
// PostgreSQL target), BENCH_JOBS (default 1), BENCH_SPREADS (default clustered,scattered; everywhere
// changes the score of every row: the probe should then stream the rows instead of hashing them),
// BENCH_HASH (auto or md5: reconcile's --hash), BENCH_BEFORE (the dist/index.js of another build of
// the package, e.g. of the previous commit: timed as a fourth method "before", interleaved with the
// others, so that a change is measured under the same load; BENCH_BEFORE_HASH sets its --hash, so
// that BENCH_BEFORE=packages/reconcile/dist/index.js BENCH_BEFORE_HASH=auto BENCH_HASH=md5 prices
// the strong hash), BENCH_STRATEGY and BENCH_BEFORE_STRATEGY (auto, hash or stream: reconcile's
// strategy per table, for this build and the "before" one; default auto).

// Wall time and CPU time are both reported: CPU is this process (its worker threads included),
// the clients it ran (psql, mariadb) and the database servers' processes, read from /proc, so a
// busy machine (shared cores) shows in the wall time and the load average, much less in the CPU.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const requireFromReconcile = createRequire(join(root, 'packages/reconcile/package.json'));
const Database = requireFromReconcile('better-sqlite3');
const pg = requireFromReconcile('pg');
const { reconcile } = await import(join(root, 'packages/reconcile/dist/index.js'));

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const JOBS = Number(process.env.BENCH_JOBS ?? 1);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,sqlite,postgres-sqlite,mariadb,mariadb-postgres').split(',');
const SPREADS = (process.env.BENCH_SPREADS ?? 'clustered,scattered').split(',');
const HASH = process.env.BENCH_HASH ?? 'auto';
const STRATEGY = process.env.BENCH_STRATEGY ?? 'auto';
const before = process.env.BENCH_BEFORE ? (await import(process.env.BENCH_BEFORE)).reconcile : null;
const work = mkdtempSync(join(tmpdir(), 'ma-reconcile-bench-'));
const COLUMNS = 'id, name, amount, created_at, active, score';

// ---- data: ids are even (2, 4, … 2 × ROWS) so extra rows can sit anywhere, at odd ids ----------

/** The 100 planted differences: 30 missing, 40 changed, 30 extra, clustered or scattered (everywhere: every row's score changed). */
function plants(spread) {
  if (spread === 'everywhere') return { missing: [], changed: Array.from({ length: ROWS }, (_, i) => ({ id: 2 * (i + 1), column: 'score' })), extra: [] };
  const at = (k) => (spread === 'clustered' ? ROWS + 2 * k : 2 * Math.floor(((k + 0.5) * ROWS) / 100));
  const out = { missing: [], changed: [], extra: [] };
  for (let k = 0; k < 100; k++) {
    if (k % 10 < 3) out.missing.push(at(k));
    else if (k % 10 < 7) out.changed.push({ id: at(k), column: ['name', 'amount', 'created_at', 'active', 'score'][k % 5] });
    else out.extra.push(at(k) + 1);
  }
  return out;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
function sqliteRow(id) {
  const t = new Date(Date.UTC(2020, 0, 1) + id * 1000 + (id % 1000));
  const ts = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}`;
  return [id, `customer-${id}-${createHash('md5').update(String(id)).digest('hex')}`, (id % 100000) / 100, ts, id % 3 === 0 ? 1 : 0, id / 7];
}

const CHANGE_SQL = {
  name: { postgres: "name = name || 'x'", sqlite: "name = name || 'x'", mariadb: "name = CONCAT(name, 'x')" },
  amount: 'amount = amount + 0.01',
  created_at: {
    postgres: "created_at = created_at + interval '1 second'",
    sqlite: "created_at = strftime('%Y-%m-%d %H:%M:%f', created_at, '+1 second')",
    mariadb: 'created_at = created_at + INTERVAL 1 SECOND',
  },
  active: 'active = NOT active',
  score: 'score = score + 1',
};

function plantSql(engine, spread) {
  if (spread === 'everywhere') return 'UPDATE bench SET score = score + 1;';
  const p = plants(spread);
  const change = (c) => (typeof CHANGE_SQL[c.column] === 'string' ? CHANGE_SQL[c.column] : CHANGE_SQL[c.column][engine]);
  const extraRow = (id) =>
    engine === 'postgres'
      ? `(${id}, 'extra-${id}', 1.00, timestamp '2020-01-01', true, 0.5)`
      : engine === 'mariadb'
        ? `(${id}, 'extra-${id}', 1.00, '2020-01-01 00:00:00', 1, 0.5)`
        : `(${id}, 'extra-${id}', 1.0, '2020-01-01 00:00:00.000', 1, 0.5)`;
  return [
    `DELETE FROM bench WHERE id IN (${p.missing.join(', ')});`,
    ...p.changed.map((c) => `UPDATE bench SET ${change(c)} WHERE id = ${c.id};`),
    `INSERT INTO bench VALUES ${p.extra.map(extraRow).join(', ')};`,
  ].join('\n');
}

// ---- PostgreSQL --------------------------------------------------------------------------------

const script = join(root, 'scripts/postgres/throwaway-server.sh');
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function pgQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function setUpPostgres() {
  // Its own folder: the server runs as the postgres user, which cannot enter `work` (0700).
  const datadir = join(mkdtempSync(join(tmpdir(), 'ma-reconcile-bench-pg-')), 'data');
  const server = execFileSync('bash', [script, 'start', datadir, String(await freePort()), String(process.pid)], { encoding: 'utf8' }).trim();
  const url = (db) => server.replace(/\/postgres$/, `/${db}`);
  await pgQuery(server, 'CREATE DATABASE src');
  await pgQuery(
    url('src'),
    `
    CREATE TABLE bench (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12,2), created_at timestamp(6), active boolean, score double precision);
    INSERT INTO bench SELECT 2 * i, 'customer-' || (2 * i) || '-' || md5((2 * i)::text), ((2 * i) % 100000) / 100.0,
      timestamp '2020-01-01' + (2 * i) * interval '1 second' + ((2 * i) % 1000) * interval '1 millisecond', (2 * i) % 3 = 0, (2 * i)::float8 / 7
    FROM generate_series(1, ${ROWS}) i;`,
  );
  await pgQuery(url('src'), 'VACUUM ANALYZE bench');
  for (const spread of SPREADS) {
    await pgQuery(server, `CREATE DATABASE ${spread} TEMPLATE src`);
    await pgQuery(url(spread), plantSql('postgres', spread));
    await pgQuery(url(spread), 'VACUUM ANALYZE bench');
  }
  const pid = Number(readFileSync(join(datadir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url, pid, stop: () => execFileSync('bash', [script, 'stop', datadir]) };
}

async function pgFloor(source, target) {
  // md5 of every row's text, summed: the cheapest portable full checksum, each side on its own connection.
  const scan = (url) => pgQuery(url, "SET jit = off; SELECT count(*), sum(('x' || left(md5(b::text), 16))::bit(64)::bigint)::text FROM bench b");
  await Promise.all([scan(source), scan(target)]);
  return { bytes: null };
}

/** `COPY … ORDER BY id` through psql, as a pull reader of whole lines (buffered, not a promise per line). */
function psqlCopy(url) {
  return lineReader('psql', ['-X', '-q', '-c', `\\copy (SELECT ${COLUMNS} FROM bench ORDER BY id) TO STDOUT`, url]);
}

/** A command's stdout as a pull reader of whole lines. */
function lineReader(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let bytes = 0;
  let lines = [];
  let next = 0;
  let rest = '';
  let ended = false;
  let wake = null;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    bytes += Buffer.byteLength(chunk);
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    lines = next < lines.length ? lines.slice(next).concat(parts) : parts;
    next = 0;
    child.stdout.pause();
    wake?.();
  });
  child.stdout.on('end', () => {
    ended = true;
    wake?.();
  });
  const done = new Promise((resolve) => child.on('close', resolve));
  return {
    bytes: () => bytes,
    done,
    /** The next line, or undefined at the end; waits only when the buffer is empty. */
    read() {
      if (next < lines.length) return lines[next++];
      if (ended) return undefined;
      return new Promise((resolve) => {
        wake = () => {
          wake = null;
          resolve(this.read());
        };
        child.stdout.resume();
      });
    },
  };
}

/** Merges two key-ordered readers (values or promises of them); returns the number of differing keys. */
async function mergeCompare(readA, readB, keyOf, same) {
  let a = readA();
  if (a instanceof Promise) a = await a;
  let b = readB();
  if (b instanceof Promise) b = await b;
  let differences = 0;
  while (a !== undefined || b !== undefined) {
    const ka = a === undefined ? Infinity : keyOf(a);
    const kb = b === undefined ? Infinity : keyOf(b);
    const advanceA = ka <= kb;
    const advanceB = kb <= ka;
    if (!(advanceA && advanceB) || !same(a, b)) differences++;
    if (advanceA) {
      a = readA();
      if (a instanceof Promise) a = await a;
    }
    if (advanceB) {
      b = readB();
      if (b instanceof Promise) b = await b;
    }
  }
  return differences;
}

async function pgNaive(source, target) {
  const [s, t] = [psqlCopy(source), psqlCopy(target)];
  const differences = await mergeCompare(
    () => s.read(),
    () => t.read(),
    (line) => Number(line.slice(0, line.indexOf('\t'))),
    (x, y) => x === y,
  );
  await Promise.all([s.done, t.done]);
  return { bytes: s.bytes() + t.bytes(), differences };
}

// ---- SQLite ------------------------------------------------------------------------------------

function setUpSqlite() {
  const file = (name) => join(work, `${name}.db`);
  // sqlite and postgres-sqlite in one run: start from no file.
  rmSync(file('src'), { force: true });
  const db = new Database(file('src'));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE bench (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(12,2), created_at DATETIME, active BOOLEAN, score REAL)');
  const insert = db.prepare('INSERT INTO bench VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= ROWS; i++) insert.run(sqliteRow(2 * i));
  })();
  db.close();
  for (const spread of SPREADS) {
    copyFileSync(file('src'), file(spread));
    const t = new Database(file(spread));
    t.exec(plantSql('sqlite', spread));
    t.close();
  }
  return { url: file };
}

const FLOOR_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true });
let high = 0, low = 0;
db.function('md5_row', { deterministic: true }, (text) => {
  const h = hash('md5', text, 'hex');
  high = (high + parseInt(h.slice(0, 8), 16)) % 4294967296;
  low = (low + parseInt(h.slice(8, 16), 16)) % 4294967296;
  return null;
});
const row = db.prepare("SELECT count(*), count(md5_row(quote(id) || ',' || quote(name) || ',' || quote(amount) || ',' || quote(created_at) || ',' || quote(active) || ',' || quote(score))) FROM bench").raw().get();
parentPort.postMessage({ rows: Number(row[0]), high, low });
`;

function sqliteFloorSide(file) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(FLOOR_WORKER, { eval: true, workerData: { file, driver: requireFromReconcile.resolve('better-sqlite3') } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function sqliteFloor(source, target) {
  await Promise.all([sqliteFloorSide(source), sqliteFloorSide(target)]);
  return { bytes: null };
}

async function sqliteNaive(source, target) {
  // Both sides read in key order in one process and compared row by row, synchronously.
  const open = (file) => new Database(file, { readonly: true }).prepare(`SELECT ${COLUMNS} FROM bench ORDER BY id`).raw();
  const [s, t] = [open(source).iterate(), open(target).iterate()];
  let bytes = 0;
  const read = (it) => () => {
    const row = it.next().value;
    if (row) for (const v of row) bytes += typeof v === 'string' ? v.length : 8;
    return row;
  };
  const same = (x, y) => x.every((v, i) => v === y[i]);
  const differences = await mergeCompare(read(s), read(t), (row) => row[0], same);
  return { bytes, differences };
}

// ---- MariaDB ------------------------------------------------------------------------------------

const mariadbScript = join(root, 'scripts/mariadb/throwaway-server.sh');

async function mariadbQuery(url, sql) {
  const mysql = requireFromReconcile('mysql2/promise');
  const connection = await mysql.createConnection({ uri: url, multipleStatements: true });
  try {
    return (await connection.query(sql))[0];
  } finally {
    await connection.end();
  }
}

async function setUpMariadb() {
  const datadir = join(mkdtempSync(join(tmpdir(), 'ma-reconcile-bench-mariadb-')), 'data');
  const server = execFileSync('bash', [mariadbScript, 'start', datadir, String(await freePort()), String(process.pid)], { encoding: 'utf8' }).trim();
  const url = (db) => server.replace(/\/mysql$/, `/${db}`);
  await mariadbQuery(server, ['src', ...SPREADS].map((db) => `CREATE DATABASE ${db}`).join('; '));
  await mariadbQuery(
    url('src'),
    `CREATE TABLE bench (id BIGINT PRIMARY KEY, name TEXT NOT NULL, amount DECIMAL(12,2), created_at DATETIME(6), active TINYINT(1), score DOUBLE);
     INSERT INTO bench SELECT 2 * seq, CONCAT('customer-', 2 * seq, '-', MD5(2 * seq)), ((2 * seq) % 100000) / 100,
       TIMESTAMPADD(MICROSECOND, ((2 * seq) % 1000) * 1000, TIMESTAMPADD(SECOND, 2 * seq, '2020-01-01')), (2 * seq) % 3 = 0, (2 * seq) / 7e0
     FROM seq_1_to_${ROWS};`,
  );
  for (const spread of SPREADS) {
    await mariadbQuery(url(spread), `CREATE TABLE bench LIKE src.bench; INSERT INTO bench SELECT * FROM src.bench; ${plantSql('mariadb', spread)}`);
  }
  const u = new URL(server);
  const client = (db) => [
    '--no-defaults',
    '--batch',
    '--quick',
    '--skip-column-names',
    `-h${u.hostname}`,
    `-P${u.port}`,
    `-u${u.username}`,
    `-p${u.password}`,
    db,
  ];
  const pid = Number(readFileSync(join(datadir, 'mysqld.pid'), 'utf8').trim());
  return { url, client, pid, stop: () => execFileSync('bash', [mariadbScript, 'stop', datadir]) };
}

async function mariadbFloor(source, target) {
  const scan = (url) =>
    mariadbQuery(
      url,
      "SELECT COUNT(*), SUM(CAST(CONV(LEFT(MD5(CONCAT_WS(',', id, name, amount, created_at, active, score)), 16), 16, 10) AS UNSIGNED)) FROM bench",
    );
  await Promise.all([scan(source), scan(target)]);
  return { bytes: null };
}

async function mariadbNaive(setup, source, target) {
  const read = (url) => lineReader('mariadb', [...setup.client(new URL(url).pathname.slice(1)), '-e', `SELECT ${COLUMNS} FROM bench ORDER BY id`]);
  const [s, t] = [read(source), read(target)];
  const differences = await mergeCompare(
    () => s.read(),
    () => t.read(),
    (line) => Number(line.slice(0, line.indexOf('\t'))),
    (x, y) => x === y,
  );
  await Promise.all([s.done, t.done]);
  return { bytes: s.bytes() + t.bytes(), differences };
}

// ---- across engines: PostgreSQL source, SQLite target ----------------------------------------

/**
 * The naive way across engines: both tables read in key order (PostgreSQL COPY text, SQLite
 * values) and each pair of rows compared after parsing PostgreSQL's text into SQLite's types —
 * the least a hand-written comparison must do when the engines' types differ.
 */
async function crossNaive(source, target) {
  const s = psqlCopy(source);
  const t = new Database(target, { readonly: true }).prepare(`SELECT ${COLUMNS} FROM bench ORDER BY id`).raw().iterate();
  let bytes = 0;
  const readT = () => {
    const row = t.next().value;
    if (row) for (const v of row) bytes += typeof v === 'string' ? v.length : 8;
    return row;
  };
  const instant = (text) => Date.parse(`${text.replace(' ', 'T')}Z`);
  const same = (line, row) => {
    const f = line.split('\t');
    return (
      f[1] === row[1] &&
      Number(f[2]) === Number(row[2]) &&
      instant(f[3]) === instant(row[3]) &&
      (f[4] === 't') === (Number(row[4]) === 1) &&
      Number(f[5]) === row[5]
    );
  };
  const differences = await mergeCompare(
    () => s.read(),
    readT,
    (x) => (typeof x === 'string' ? Number(x.slice(0, x.indexOf('\t'))) : Number(x[0])),
    same,
  );
  await s.done;
  return { bytes: s.bytes() + bytes, differences };
}

// ---- across engines: MariaDB source, PostgreSQL target ------------------------------------------

/** The naive way: MariaDB's batch output and PostgreSQL's COPY text, both in key order, compared after parsing each side's spelling. */
async function mariadbPostgresNaive(mariadb, source, target) {
  const s = lineReader('mariadb', [...mariadb.client(new URL(source).pathname.slice(1)), '-e', `SELECT ${COLUMNS} FROM bench ORDER BY id`]);
  const t = psqlCopy(target);
  const instant = (text) => Date.parse(`${text.replace(' ', 'T')}Z`);
  const same = (a, b) => {
    const f = a.split('\t');
    const g = b.split('\t');
    return (
      f[1] === g[1] && Number(f[2]) === Number(g[2]) && instant(f[3]) === instant(g[3]) && (f[4] === '1') === (g[4] === 't') && Number(f[5]) === Number(g[5])
    );
  };
  const differences = await mergeCompare(
    () => s.read(),
    () => t.read(),
    (line) => Number(line.slice(0, line.indexOf('\t'))),
    same,
  );
  await Promise.all([s.done, t.done]);
  return { bytes: s.bytes() + t.bytes(), differences };
}

async function mariadbPostgresFloor(source, target) {
  await Promise.all([
    mariadbQuery(
      source,
      "SELECT COUNT(*), SUM(CAST(CONV(LEFT(MD5(CONCAT_WS(',', id, name, amount, created_at, active, score)), 16), 16, 10) AS UNSIGNED)) FROM bench",
    ),
    pgQuery(target, "SET jit = off; SELECT count(*), sum(('x' || left(md5(b::text), 16))::bit(64)::bigint)::text FROM bench b"),
  ]);
  return { bytes: null };
}

async function crossFloor(source, target) {
  await Promise.all([
    pgQuery(source, "SET jit = off; SELECT count(*), sum(('x' || left(md5(b::text), 16))::bit(64)::bigint)::text FROM bench b"),
    sqliteFloorSide(target),
  ]);
  return { bytes: null };
}

// ---- running -----------------------------------------------------------------------------------

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** Database server processes whose CPU counts (their finished sessions are reaped into them). */
const serverPids = [];

/** CPU milliseconds of a process from /proc: its own threads, and (withChildren) its reaped children. */
function procCpuMs(pid, withChildren) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU used so far by this process (worker threads included), its finished clients and the servers. */
const cpuNow = () => procCpuMs('self', true) + serverPids.reduce((sum, pid) => sum + procCpuMs(pid, true), 0);

async function timed(fn) {
  const cpu = cpuNow();
  const start = performance.now();
  const result = await fn();
  // Clients and server sessions are reaped shortly after they end; wait for them to count.
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { ms, cpu: cpuNow() - cpu, result };
}

/**
 * Times the methods interleaved — run 1 of each, then run 2 of each, … — so that a change in the
 * machine's load hits all of them alike; the median of each method is kept.
 */
async function measureInterleaved(methods) {
  for (const fn of Object.values(methods)) await fn(); // warm-up: caches, JIT, worker start-up code
  const runs = Object.fromEntries(Object.keys(methods).map((name) => [name, []]));
  const load = [loadavg()[0]];
  for (let r = 0; r < RUNS; r++) for (const [name, fn] of Object.entries(methods)) runs[name].push(await timed(fn));
  load.push(loadavg()[0]);
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => {
      const ms = median(list.map((r) => r.ms));
      return [name, { ms, cpu: median(list.map((r) => r.cpu)), load, result: list.find((r) => r.ms === ms).result }];
    }),
  );
}

function checkFound(report, spread) {
  const p = plants(spread);
  const t = report.tables[0];
  const ok = t.missing === p.missing.length && t.extra === p.extra.length && t.changed === p.changed.length;
  if (!ok) throw new Error(`reconcile did not find exactly the planted differences (${spread}): missing ${t.missing}, extra ${t.extra}, changed ${t.changed}`);
}

const results = [];
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmtRate = (n) => (n == null ? '–' : `${(n / 1e6).toFixed(2)} M`);
const fmtBytes = (n) => (n == null ? '–' : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

try {
  for (const engine of ENGINES) {
    process.stderr.write(`setting up ${engine}: ${ROWS.toLocaleString('en-US')} rows…\n`);
    const cross = engine === 'postgres-sqlite' || engine === 'mariadb-postgres';
    const setup = engine === 'postgres' ? await setUpPostgres() : engine === 'mariadb' || engine === 'mariadb-postgres' ? await setUpMariadb() : setUpSqlite();
    const pgSetup = cross ? await setUpPostgres() : null;
    serverPids.length = 0;
    serverPids.push(...[setup.pid, pgSetup?.pid].filter(Boolean));
    try {
      for (const spread of SPREADS) {
        const [source, target] =
          engine === 'mariadb-postgres' ? [setup.url('src'), pgSetup.url(spread)] : [cross ? pgSetup.url('src') : setup.url('src'), setup.url(spread)];
        const run = (engine, hash, strategy) => async () => {
          const { report } = await engine({ source, target, cwd: work, tables: ['bench'], jobs: JOBS, hash, strategy });
          checkFound(report, spread);
          return report;
        };
        const {
          ours,
          floor,
          naive,
          before: old,
        } = await measureInterleaved({
          ...(before ? { before: run(before, process.env.BENCH_BEFORE_HASH ?? HASH, process.env.BENCH_BEFORE_STRATEGY ?? 'auto') } : {}),
          ours: run(reconcile, HASH, STRATEGY),
          floor: () =>
            engine === 'mariadb-postgres'
              ? mariadbPostgresFloor(source, target)
              : cross
                ? crossFloor(source, target)
                : engine === 'postgres'
                  ? pgFloor(source, target)
                  : engine === 'mariadb'
                    ? mariadbFloor(source, target)
                    : sqliteFloor(source, target),
          naive: async () => {
            const r = await (engine === 'mariadb-postgres'
              ? mariadbPostgresNaive(setup, source, target)
              : cross
                ? crossNaive(source, target)
                : engine === 'postgres'
                  ? pgNaive(source, target)
                  : engine === 'mariadb'
                    ? mariadbNaive(setup, source, target)
                    : sqliteNaive(source, target));
            const planted = spread === 'everywhere' ? ROWS : 100;
            if (r.differences !== planted) throw new Error(`the naive comparison found ${r.differences} differences, not ${planted}`);
            return r;
          },
        });
        results.push({ engine, spread, ours, floor, naive, old });
        const t = ours.result.tables[0];
        process.stderr.write(
          `  ${engine} ${spread}: ${old ? `before ${fmtS(old.ms)} / ${fmtS(old.cpu)}, ` : ''}reconcile ${fmtS(ours.ms)} wall ${fmtS(ours.cpu)} CPU (phases ${JSON.stringify(t.performance.phases)}; strategy ${JSON.stringify(t.strategy ?? null)}), floor ${fmtS(floor.ms)} / ${fmtS(floor.cpu)}, naive ${fmtS(naive.ms)} / ${fmtS(naive.cpu)}; load average ${ours.load.map((l) => l.toFixed(1)).join(' → ')}\n`,
        );
      }
    } finally {
      setup.stop?.();
      pgSetup?.stop?.();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  `reconcile: ${ROWS.toLocaleString('en-US')} rows × 6 columns (bigint key, text, numeric(12,2), timestamp, boolean, double) per side, 100 planted differences (30 missing, 40 changed, 30 extra); --jobs ${JOBS}; median of ${RUNS} runs after a warm-up, the three methods interleaved`,
);
console.log(
  'engine           spread     method     wall      CPU       rows/s source  rows/s target  bytes read   ÷ floor (wall, CPU)   naive ÷ reconcile (wall, CPU)',
);
for (const { engine, spread, ours, floor, naive, old } of results) {
  const t = ours.result.tables[0];
  const line = (method, m, rates, bytes, extra) =>
    console.log(
      `${engine.padEnd(16)} ${spread.padEnd(10)} ${method.padEnd(10)} ${fmtS(m.ms).padStart(7)}  ${fmtS(m.cpu).padStart(7)}   ${rates[0].padStart(12)}  ${rates[1].padStart(13)}  ${fmtBytes(bytes).padStart(10)}   ${extra}`,
    );
  const perSide = (ms) => fmtRate((ROWS / ms) * 1000);
  line(
    'reconcile',
    ours,
    [fmtRate(t.performance.source.rows_per_second), fmtRate(t.performance.target.rows_per_second)],
    t.performance.source.bytes_fetched + t.performance.target.bytes_fetched,
    `${(ours.ms / floor.ms).toFixed(2).padStart(6)}×, ${(ours.cpu / floor.cpu).toFixed(2).padStart(5)}×   ${(naive.ms / ours.ms).toFixed(2).padStart(6)}×, ${(naive.cpu / ours.cpu).toFixed(2).padStart(5)}×`,
  );
  if (old) {
    const o = old.result.tables[0];
    line(
      'before',
      old,
      [fmtRate(o.performance.source.rows_per_second), fmtRate(o.performance.target.rows_per_second)],
      o.performance.source.bytes_fetched + o.performance.target.bytes_fetched,
      `after ÷ before ${(ours.ms / old.ms).toFixed(2)}× wall, ${(ours.cpu / old.cpu).toFixed(2)}× CPU; naive ÷ before ${(naive.ms / old.ms).toFixed(2)}×, ${(naive.cpu / old.cpu).toFixed(2)}×`,
    );
  }
  line('floor', floor, [perSide(floor.ms), perSide(floor.ms)], null, '');
  line('naive', naive, [perSide(naive.ms), perSide(naive.ms)], naive.result.bytes, '');
}
console.log('');
for (const { engine, spread, ours, floor, naive } of results) {
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log(
    `${engine} ${spread} (load average ${ours.load.map((l) => l.toFixed(1)).join(' → ')}): within 2× of the floor ${verdict(ours.ms <= 2 * floor.ms)} (${(ours.ms / floor.ms).toFixed(2)}× wall, ${(ours.cpu / floor.cpu).toFixed(2)}× CPU); never slower than naive ${verdict(naive.ms >= ours.ms)}; ≥ 3× faster than naive ${verdict(naive.ms >= 3 * ours.ms)} (${(naive.ms / ours.ms).toFixed(2)}× wall, ${(naive.cpu / ours.cpu).toFixed(2)}× CPU)`,
  );
}
console.log('rows/s for reconcile: rows hashed per second on each side during its hash phase; for floor and naive: rows per side ÷ wall time.');
console.log(
  'CPU: this process with its worker threads, the clients it started (psql, mariadb) and the database servers, from /proc; verdicts are on wall time.',
);
console.log(
  'bytes read: PostgreSQL wire bytes received (reconcile: both sides; naive: COPY text of both sides); SQLite: bytes of values handed to the comparison.',
);

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reconcile, renderReconcileReport, type TableReport } from './engine.js';
import { findings } from './report-assertions.js';
import { createMariadbDatabase, writeMariadbItems } from './mariadb-data.js';
import { baseItem, createDatabase, tempDir, writePostgresItems, writeSqliteItems, type Item } from './planted-data.js';
import { seededRandom } from './seeded-random.js';

/**
 * The strategies per table (--strategy auto | hash | stream) must find exactly the same rows: a
 * differential test over random planted differences on real engines, the switch from hashing to
 * streaming in the middle of a table, --resume across that switch, and keyless tables, which
 * always hash. Every failure message names the seed; RECONCILE_TEST_SEED replays one.
 *
 * `pnpm test` runs one density per engine pair, rotated by the seed so that every run covers all
 * three densities and all three pairs (and successive runs all nine cases); RECONCILE_STRATEGY_FULL=1
 * runs all nine, RECONCILE_STRATEGY_SEEDS=n each for n seeds (docs/testing.md).
 */

// 20,000 rows: 312 key ranges, above the 256 a table needs to be probed.
const ROWS = 20_000;
const server = inject('postgresUrl');
const mariadb = inject('mariadbUrl');
const tmp = tempDir();
const drops: (() => Promise<void>)[] = [];
const firstSeed = Number(process.env.RECONCILE_TEST_SEED ?? Date.now() % 1_000_000);
const full = process.env.RECONCILE_STRATEGY_FULL === '1';
const seedCount = Math.max(1, Number(process.env.RECONCILE_STRATEGY_SEEDS ?? 1));
// Every seed of a run derives from the first one, so it alone replays the run.
const replay = `replay with RECONCILE_TEST_SEED=${firstSeed}${full ? ' RECONCILE_STRATEGY_FULL=1' : ''}${seedCount > 1 ? ` RECONCILE_STRATEGY_SEEDS=${seedCount}` : ''}`;

const COLUMNS = ['name', 'price', 'qty', 'ratio', 'active', 'created_at', 'uid', 'note', 'data'] as const;

/** Changes one column of an item so that every engine sees a different value. */
function change(item: Item, column: (typeof COLUMNS)[number], r: () => number): void {
  if (column === 'name') item.name = `changed-${Math.floor(r() * 1e6)}`;
  if (column === 'price') item.price = (Number(item.price) + 0.01).toFixed(2);
  if (column === 'qty') item.qty += 1;
  if (column === 'ratio') item.ratio += 1e-3;
  if (column === 'active') item.active = !item.active;
  if (column === 'created_at') item.created_at = `2030${item.created_at.slice(4)}`;
  if (column === 'uid') item.uid = `${item.uid.slice(0, 35)}${item.uid.endsWith('0') ? '1' : '0'}`;
  if (column === 'note') item.note = item.note === null ? 'was null' : null;
  if (column === 'data') item.data = Buffer.from([9, 9, item.id & 255]);
}

type Density = 'few' | 'dense-start' | 'everywhere' | 'probe-only';

interface Plant {
  seed: number;
  density: Density;
  source: Item[];
  target: Item[];
  missing: number[];
  extra: number[];
  changed: string[];
}

/**
 * Source ids are 1..ROWS without multiples of 7 (room for extra rows). `few`: a few dozen random
 * differences after the first eighth; `dense-start`: most rows of the first quarter differ (the probe sees them), a few
 * after; `everywhere`: every row's ratio changed, plus random others; `probe-only`: every row's ratio
 * changed in the first eighth (the probe sees only differing rows, so it always switches to
 * streaming), few after — the switch at a fraction of the differences `everywhere` keeps.
 */
function plant(seed: number, density: Density): Plant {
  const r = seededRandom(seed);
  const source: Item[] = [];
  const target: Item[] = [];
  const missing: number[] = [];
  const extra: number[] = [];
  const changed: string[] = [];
  for (let id = 1; id <= ROWS; id++) {
    if (id % 7 === 0) {
      if (r() < (density === 'few' ? (id <= ROWS / 8 ? 0 : 0.002) : 0.02)) {
        extra.push(id);
        target.push({ ...baseItem(id), name: `extra-${id}` });
      }
      continue;
    }
    source.push(baseItem(id));
    // `few` keeps the probe (the first sixteenth) clean, so that its decision does not depend on the seed.
    const rate = density === 'few' || density === 'probe-only' ? (id <= ROWS / 8 ? 0 : 0.002) : density === 'dense-start' ? (id <= ROWS / 4 ? 0.9 : 0.002) : 1;
    const roll = r();
    if (roll < rate * 0.05) {
      missing.push(id);
      continue;
    }
    const item = baseItem(id);
    const columns = new Set<(typeof COLUMNS)[number]>();
    if (density === 'everywhere' || (density === 'probe-only' && id <= ROWS / 8)) columns.add('ratio');
    if (roll < rate) columns.add(COLUMNS[Math.floor(r() * COLUMNS.length)]!);
    if (roll < rate * 0.1) columns.add(COLUMNS[Math.floor(r() * COLUMNS.length)]!);
    for (const c of columns) {
      change(item, c, r);
      changed.push(`${id}:${c}`);
    }
    target.push(item);
  }
  return { seed, density, source, target, missing, extra, changed: changed.sort() };
}

const ids = (rows: { key: Record<string, string | null> }[]) => rows.map((row) => Number(row.key.id)).sort((a, b) => a - b);

function expectPlant(t: TableReport, p: Plant, label: string): void {
  const message = `${label}, seed ${p.seed} (${p.density}); ${replay}`;
  expect(ids(t.differences.missing), message).toEqual(p.missing);
  expect(ids(t.differences.extra), message).toEqual(p.extra);
  expect(t.differences.changed.flatMap((d) => (d.columns ?? []).map((c) => `${d.key.id}:${c.column}`)).sort(), message).toEqual(p.changed);
  expect([t.missing, t.extra, t.rows_source, t.rows_target], message).toEqual([p.missing.length, p.extra.length, p.source.length, p.target.length]);
}

const DENSITIES: Density[] = ['few', 'dense-start', 'everywhere'];

type Writer = (items: Item[], name: string) => Promise<string>;
const sqliteWriter: Writer = async (items, name) => {
  const file = join(tmp.dir, `${name}.db`);
  writeSqliteItems(file, items);
  return file;
};
const postgresWriter: Writer = async (items) => {
  const db = await createDatabase(server);
  drops.push(db.drop);
  await writePostgresItems(db.url, items);
  return db.url;
};
const mariadbWriter: Writer = async (items) => {
  const db = await createMariadbDatabase(mariadb);
  drops.push(db.drop);
  await writeMariadbItems(db.url, items);
  return db.url;
};

afterAll(async () => {
  for (const drop of drops) await drop();
  tmp.cleanup();
});

const run = async (source: string, target: string, extra: Partial<Parameters<typeof reconcile>[0]> = {}) =>
  reconcile({ source, target, cwd: tmp.dir, tables: ['items'], limit: 100_000, fixSql: true, clock: () => new Date(0), ...extra });

/**
 * The cases run: (seed, density) per engine pair. By default one per pair, the density rotated by
 * the seed (a replayed seed gives the same case); the full run all three densities for each seed.
 */
function cases(pair: number): { seed: number; density: Density }[] {
  const count = full ? DENSITIES.length * seedCount : 1;
  return Array.from({ length: count }, (_, k) => firstSeed + pair + k).map((seed) => ({ seed, density: DENSITIES[seed % DENSITIES.length]! }));
}

describe.each([
  ['SQLite ↔ SQLite', sqliteWriter, sqliteWriter, 0],
  ['PostgreSQL → SQLite', postgresWriter, sqliteWriter, 1],
  ['MariaDB → PostgreSQL', mariadbWriter, postgresWriter, 2],
] as const)('%s: every strategy finds exactly the planted differences', (label, writeSource, writeTarget, pair) => {
  for (const { seed, density } of cases(pair)) {
    it(`${density} differences (seed ${seed}): auto, hash and stream give the same report and fix SQL`, async () => {
      const p = plant(seed, density);
      const [source, target] = await Promise.all([writeSource(p.source, `s-${pair}-${seed}`), writeTarget(p.target, `t-${pair}-${seed}`)]);
      const runs = {
        auto: await run(source, target),
        hash: await run(source, target, { strategy: 'hash' }),
        stream: await run(source, target, { strategy: 'stream', jobs: 2 }),
      };
      for (const [name, result] of Object.entries(runs)) expectPlant(result.report.tables[0]!, p, `${label} --strategy ${name}`);
      const message = `seed ${p.seed} (${density}); ${replay}`;
      expect(findings(runs.auto.report.tables[0]!), message).toEqual(findings(runs.hash.report.tables[0]!));
      expect(findings(runs.stream.report.tables[0]!), message).toEqual(findings(runs.hash.report.tables[0]!));
      expect(runs.auto.fixSql, message).toBe(runs.hash.fixSql);
      expect(runs.stream.fixSql, message).toBe(runs.hash.fixSql);
      expect(runs.hash.report.tables[0]!.strategy).toMatchObject({ ran: 'hash', reason: '--strategy hash' });
      expect(runs.stream.report.tables[0]!.strategy).toMatchObject({ ran: 'stream', reason: '--strategy stream' });
      expect(runs.stream.report.tables[0]!.checksum!.streamed_buckets).toBe(runs.stream.report.tables[0]!.checksum!.buckets);
      const auto = runs.auto.report.tables[0]!;
      expect(auto.strategy!.probe, message).toBeDefined();
      // Every row differs: streaming the rest always pays (h + f × r ≥ r with f = 1), whatever the timings.
      if (density === 'everywhere') {
        expect(auto.strategy!.ran, message).toBe('hash-then-stream');
        expect(auto.checksum!.streamed_buckets, message).toBeGreaterThan(0);
        expect(auto.checksum!.streamed_buckets, message).toBeLessThan(auto.checksum!.buckets);
      }
      // Few differences: the probe does not even time streaming, and every bucket is hashed.
      if (density === 'few') {
        expect(auto.strategy, message).toMatchObject({ ran: 'hash', reason: expect.stringMatching(/^the probe found few differences/) });
        expect(auto.strategy!.probe!.stream_ms_per_1000_rows, message).toBeNull();
        expect(auto.checksum!.streamed_buckets, message).toBeUndefined();
      }
    });
  }
});

describe('--resume across the switch from hashing to streaming', () => {
  let source: string;
  let target: string;
  let p: Plant;
  const state = join(tmp.dir, 'switch-state.json');
  beforeAll(async () => {
    p = plant(firstSeed + 100, 'probe-only');
    [source, target] = await Promise.all([sqliteWriter(p.source, 'resume-source'), sqliteWriter(p.target, 'resume-target')]);
  });

  it('records the decision and the slab bounds; a resumed run follows the decision and finds the same rows', async () => {
    const first = await run(source, target, { resume: state });
    expect(first.report.tables[0]!.strategy!.ran).toBe('hash-then-stream');
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.tables.items.rest).toBe('stream');
    expect(saved.tables.items.slab_bounds.length).toBeGreaterThan(2);
    // Only the hashed probe slab is recorded: streamed rows are read again on resume.
    expect(Object.keys(saved.tables.items.slabs)).toEqual(['0']);

    writeFileSync(state, JSON.stringify({ ...saved, complete: false }));
    const resumed = await run(source, target, { resume: state });
    const t = resumed.report.tables[0]!;
    expect(t.strategy).toMatchObject({ ran: 'hash-then-stream', reason: 'as decided by the interrupted run (--resume)' });
    expectPlant(t, p, 'resumed after the switch');
    expect(findings(t)).toEqual(findings(first.report.tables[0]!));
    expect(resumed.fixSql).toBe(first.fixSql);
  });

  it('a run interrupted before the decision probes again; one recorded as hashing hashes the rest', async () => {
    // The state file the resumed run of the test above completed (one run fewer than writing it again).
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect([saved.complete, saved.tables.items.rest]).toEqual([true, 'stream']);
    // Stopped after the probe slab was hashed, before the decision was recorded.
    const undecided = structuredClone(saved);
    delete undecided.tables.items.rest;
    writeFileSync(state, JSON.stringify({ ...undecided, complete: false }));
    const reprobed = await run(source, target, { resume: state });
    expect(reprobed.report.tables[0]!.strategy).toMatchObject({ ran: 'hash-then-stream', reason: expect.stringMatching(/^the probe found/) });
    expectPlant(reprobed.report.tables[0]!, p, 'resumed before the decision');

    // Recorded as "hash the rest": followed, and the same rows found.
    const decided = structuredClone(saved);
    decided.tables.items.rest = 'hash';
    writeFileSync(state, JSON.stringify({ ...decided, complete: false }));
    const hashed = await run(source, target, { resume: state });
    expect(hashed.report.tables[0]!.strategy).toMatchObject({ ran: 'hash', reason: 'as decided by the interrupted run (--resume)' });
    expectPlant(hashed.report.tables[0]!, p, 'resumed as hashing');
    expect(findings(hashed.report.tables[0]!)).toEqual(findings(reprobed.report.tables[0]!));
  });

  it('a state file from before slab bounds were recorded keeps its slabs and hashes', async () => {
    // Written by --strategy hash: slabs without a probe, as in every file before this version.
    await run(source, target, { resume: state, strategy: 'hash' });
    const legacy = JSON.parse(readFileSync(state, 'utf8'));
    delete legacy.tables.items.slab_bounds;
    delete legacy.tables.items.rest;
    writeFileSync(state, JSON.stringify({ ...legacy, complete: false }));
    const resumed = await run(source, target, { resume: state });
    expect(resumed.report.tables[0]!.strategy).toMatchObject({ ran: 'hash', reason: 'resumed from a state file without a probe' });
    expectPlant(resumed.report.tables[0]!, p, 'resumed from a file without slab bounds');
  });
});

describe('tables without a key', () => {
  it('always hash by content, whatever --strategy says, with the same findings', async () => {
    const write = (file: string, rows: [number, string][]) => {
      const db = new Database(join(tmp.dir, file));
      db.exec('CREATE TABLE items (n INTEGER, label TEXT)');
      const insert = db.prepare('INSERT INTO items VALUES (?, ?)');
      db.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
      db.close();
      return join(tmp.dir, file);
    };
    const rows = Array.from({ length: 3000 }, (_, i): [number, string] => [i % 500, `label-${i}`]);
    const source = write('keyless-source.db', rows);
    const target = write('keyless-target.db', [...rows.slice(1), [7, 'extra'], [7, 'extra']]);
    const reports = await Promise.all(
      (['auto', 'hash', 'stream'] as const).map(async (strategy) => (await run(source, target, { strategy })).report.tables[0]!),
    );
    for (const t of reports) {
      expect(t.strategy).toMatchObject({ ran: 'hash' });
      expect(t.strategy!.reason).toMatch(/no key/);
      expect([t.missing, t.extra]).toEqual([1, 2]);
      expect(findings(t)).toEqual(findings(reports[0]!));
    }
  });
});

describe('the report says which strategy ran', () => {
  it('in JSON, text and markdown; a level checksum run hashes', async () => {
    const p = plant(firstSeed + 200, 'few');
    const [source, target] = await Promise.all([sqliteWriter(p.source, 'report-source'), sqliteWriter(p.target, 'report-target')]);
    const streamed = await run(source, target, { strategy: 'stream' });
    expect(renderReconcileReport(streamed.report, 'text')).toMatch(/strategy: stream — --strategy stream/);
    expect(renderReconcileReport(streamed.report, 'markdown')).toMatch(/Strategy: stream — --strategy stream/);
    const auto = await run(source, target);
    expect(renderReconcileReport(auto.report, 'text'), JSON.stringify(auto.report.tables[0]!.strategy)).toMatch(
      /strategy: hash — the probe found few differences \([\d.]+ % of its rows in differing ranges\): hashing \(probe: hashing [\d.]+ ms per 1,000 rows; /,
    );
    const checksum = await reconcile({ source, target, cwd: tmp.dir, tables: ['items'], level: 'checksum', strategy: 'stream' });
    expect(checksum.report.tables[0]!.strategy).toEqual({ ran: 'hash', reason: 'level checksum' });
    await expect(run(source, target, { strategy: 'fast' as 'auto' })).rejects.toMatchObject({ exitCode: 64, message: expect.stringMatching(/--strategy/) });
  });
});

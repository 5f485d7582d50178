import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { diffDatabaseSchemas } from '../schema/diff.js';
import type { DatabaseSchema } from '../schema/model.js';
import { cacheFolder, embeddedExtensionAvailable, extensionModule, initializedDataDir, pgliteVersion } from '../verify/pglite-engine.js';
import { readScratchSchema } from '../verify/replay.js';
import { schemaCreationSql } from '../verify/schema-creation-sql.js';
import type { ScratchDatabase } from '../verify/scratch-database.js';
import { createServerEngine } from '../verify/server-engine.js';
import { runStatements } from '../verify/run-statements.js';

/** One migration's SQL as the gate read it from git: the file that applies it (dbmate: its up section). */
export interface MigrationText {
  path: string;
  text: string;
}

/** The statement of a migration PostgreSQL refused, and why. */
export interface ReplayFailure {
  path: string;
  statement: string;
  error: string;
}

/** The schema the earlier migrations leave, as SQL the database checker reads (`check --before`). */
export interface PrefixSchema {
  sql: string;
  /** Read from the cache: nothing was replayed. */
  cached: boolean;
  /** An earlier migration that does not run: the schema is then what came before it. */
  failure: ReplayFailure | null;
}

/** up → down → up on the schema the earlier migrations leave. */
export interface RoundTrip {
  status: 'passed' | 'failed' | 'no_down' | 'does_not_apply';
  /** What differs after down from before up (and after the second up from after the first), one line each. */
  differences: string[];
  failure: ReplayFailure | null;
}

export interface HistoryReplayer {
  /** `pglite 0.5.16`, or the server as host:port. */
  readonly engine: string;
  prefixSchema(prefix: MigrationText[]): Promise<PrefixSchema>;
  roundTrip(prefix: MigrationText[], up: MigrationText, down: MigrationText | null): Promise<RoundTrip>;
  close(): Promise<void>;
}

export interface HistoryReplayOptions {
  /** Replay on this server (scratch databases created and dropped) instead of PGlite; nothing is cached then. */
  devUrl?: string | null | undefined;
  /** Where replays are cached; default: the cache folder `check --verify` uses. */
  cacheDir?: string | undefined;
}

const EXTENSION = /create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi;

function extensionsIn(texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => [...text.matchAll(EXTENSION)].map((m) => m[1]!.toLowerCase())))];
}

async function runMigration(database: ScratchDatabase, migration: MigrationText): Promise<ReplayFailure | null> {
  const run = await runStatements(database, migration.text);
  if (run.status === 'unparsable') return { path: migration.path, statement: '', error: `PostgreSQL cannot parse it: ${run.error}` };
  if (run.status === 'failed') return { path: migration.path, statement: run.statement.split('\n')[0]!.slice(0, 120), error: run.error };
  // A migration may change session settings (search_path); the next one starts from the defaults, as a tool's new session would.
  await database.run('RESET ALL');
  return null;
}

async function replay(database: ScratchDatabase, migrations: MigrationText[]): Promise<ReplayFailure | null> {
  for (const migration of migrations) {
    const failure = await runMigration(database, migration);
    if (failure) return failure;
  }
  return null;
}

function differences(actual: DatabaseSchema, expected: DatabaseSchema, when: string): string[] {
  // Values are shown when they are short (a type, a flag); whole objects are named by their path alone.
  const show = (value: unknown) => (value === null || value === undefined ? '∅' : typeof value === 'object' ? null : JSON.stringify(value).slice(0, 80));
  return diffDatabaseSchemas(expected, actual).map((c) => {
    const [from, to] = [show(c.before), show(c.after)];
    return `${when}: ${c.kind} ${c.path}${from !== null && to !== null ? `: ${from} → ${to}` : ''}`;
  });
}

function prefixKey(prefix: MigrationText[], engine: string): string {
  const hash = createHash('sha256').update(engine);
  for (const migration of prefix) hash.update('\0').update(migration.path).update('\0').update(migration.text);
  return hash.digest('hex').slice(0, 32);
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  try {
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, data);
    await rename(partial, file);
  } catch {
    // A read-only cache folder: work without the cache.
  }
}

async function readCached(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

async function schemaSqlOf(database: ScratchDatabase): Promise<{ model: DatabaseSchema; sql: string }> {
  const model = await readScratchSchema(database);
  return {
    model,
    sql: schemaCreationSql(model)
      .map((s) => `${s.trim().replace(/;$/, '')};`)
      .join('\n\n'),
  };
}

/** Scratch databases on PGlite, each state after a prefix cached by the content hash of that prefix. */
async function pgliteReplayer(cacheDir: string): Promise<HistoryReplayer> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const version = await pgliteVersion();
  const engine = `pglite ${version}`;
  const fresh = await initializedDataDir(PGliteClass, version);
  const folder = join(cacheDir, 'gate');
  await mkdir(folder, { recursive: true }).catch(() => {});
  const open = new Set<PGlite>();

  /** Extensions each open database was created with: PGlite takes them at creation only. */
  const loaded = new WeakMap<ScratchDatabase, Set<string>>();
  const engines = new WeakMap<ScratchDatabase, PGlite>();

  async function openDatabase(dataDir: Blob | undefined, texts: string[]): Promise<{ db: PGlite; scratch: ScratchDatabase }> {
    const wanted = extensionsIn(texts).filter(embeddedExtensionAvailable);
    const modules = Object.fromEntries(await Promise.all(wanted.map(async (name) => [name.replace(/-/g, '_'), await extensionModule(name)] as const)));
    const db = await PGliteClass.create({ ...(dataDir ? { loadDataDir: dataDir } : {}), extensions: modules as Record<string, never> });
    open.add(db);
    const scratch: ScratchDatabase = {
      run: async (sql) => void (await db.exec(sql)),
      query: async <Row extends Record<string, unknown>>(sql: string) => (await db.query<Row>(sql)).rows,
      close: async () => {
        open.delete(db);
        await db.close().catch(() => {});
      },
    };
    loaded.set(scratch, new Set(wanted));
    engines.set(scratch, db);
    return { db, scratch };
  }

  /** The database the last round trip left, with the key of the state it is in: the next migration of the series starts from it. */
  let current: { key: string; scratch: ScratchDatabase } | null = null;
  const release = async () => {
    const previous = current;
    current = null;
    await previous?.scratch.close();
  };

  async function persist(scratch: ScratchDatabase, dumpFile: string, sqlFile: string, sql: string): Promise<void> {
    const db = engines.get(scratch);
    if (!db) return;
    const data = await db.dumpDataDir('gzip');
    await writeAtomically(dumpFile, new Uint8Array(await data.arrayBuffer()));
    await writeAtomically(sqlFile, sql);
  }

  /** A database in the state the prefix leaves: the one kept from the last round trip, loaded from the cache, or replayed and then cached. */
  async function atPrefix(prefix: MigrationText[], extra: string[]): Promise<{ scratch: ScratchDatabase; schema: PrefixSchema }> {
    const key = prefixKey(prefix, engine);
    const sqlFile = join(folder, `prefix-${key}.sql`);
    const dumpFile = join(folder, `prefix-${key}.tar.gz`);
    const needed = extensionsIn([...prefix.map((m) => m.text), ...extra]).filter(embeddedExtensionAvailable);
    if (current?.key === key && needed.every((e) => loaded.get(current!.scratch)?.has(e))) {
      const { scratch } = current;
      current = null;
      const known = (await readCached(sqlFile))?.toString('utf8');
      if (known) return { scratch, schema: { sql: known, cached: true, failure: null } };
      // Reached by the last round trip rather than replayed: cache it too, or the next run replays it.
      const { sql } = await schemaSqlOf(scratch);
      await persist(scratch, dumpFile, sqlFile, sql);
      return { scratch, schema: { sql, cached: true, failure: null } };
    }
    await release();
    const texts = [...prefix.map((m) => m.text), ...extra];
    const [dump, sql] = await Promise.all([readCached(dumpFile), readCached(sqlFile)]);
    if (dump && sql) {
      const { scratch } = await openDatabase(new Blob([new Uint8Array(dump)]), texts);
      return { scratch, schema: { sql: sql.toString('utf8'), cached: true, failure: null } };
    }
    const { scratch } = await openDatabase(fresh, texts);
    const failure = await replay(scratch, prefix);
    const schema = await schemaSqlOf(scratch);
    if (!failure) await persist(scratch, dumpFile, sqlFile, schema.sql);
    return { scratch, schema: { sql: schema.sql, cached: false, failure } };
  }

  return {
    engine,
    async prefixSchema(prefix) {
      const key = prefixKey(prefix, engine);
      const sql = await readCached(join(folder, `prefix-${key}.sql`));
      if (sql) return { sql: sql.toString('utf8'), cached: true, failure: null };
      const { scratch, schema } = await atPrefix(prefix, []);
      // Kept open: the round trip of the same migration starts from this state.
      current = { key, scratch };
      return schema;
    },
    async roundTrip(prefix, up, down) {
      // The same migration on the same history was proven before: its outcome is cached too.
      const tripFile = join(folder, `trip-${prefixKey([...prefix, up, ...(down ? [down] : [])], `${engine} round trip`)}.json`);
      const known = await readCached(tripFile);
      if (known) return JSON.parse(known.toString('utf8')) as RoundTrip;
      const { scratch } = await atPrefix(prefix, [up.text, down?.text ?? '']);
      const trip = await roundTripOn(scratch, up, down);
      await writeAtomically(tripFile, JSON.stringify(trip));
      // After a clean round trip the database holds prefix + up: where the next migration starts.
      if (trip.status === 'passed' || trip.status === 'no_down') current = { key: prefixKey([...prefix, up], engine), scratch };
      else await scratch.close();
      return trip;
    },
    async close() {
      await release();
      for (const db of [...open]) await db.close().catch(() => {});
    },
  };
}

async function roundTripOn(scratch: ScratchDatabase, up: MigrationText, down: MigrationText | null): Promise<RoundTrip> {
  const before = await readScratchSchema(scratch);
  const applied = await runMigration(scratch, up);
  if (applied) return { status: 'does_not_apply', differences: [], failure: applied };
  if (!down) return { status: 'no_down', differences: [], failure: null };
  const after = await readScratchSchema(scratch);
  const reverted = await runMigration(scratch, down);
  if (reverted) return { status: 'failed', differences: [], failure: reverted };
  const afterDown = differences(await readScratchSchema(scratch), before, `after ${down.path}`);
  const again = await runMigration(scratch, up);
  if (again) return { status: 'failed', differences: afterDown, failure: again };
  const afterUp = differences(await readScratchSchema(scratch), after, `after ${up.path} again`);
  const found = [...afterDown, ...afterUp];
  return { status: found.length ? 'failed' : 'passed', differences: found, failure: null };
}

/** A server the user names (`--dev-url`): every prefix is replayed (nothing cached), in a scratch database dropped after. */
async function serverReplayer(devUrl: string): Promise<HistoryReplayer> {
  const engine = await createServerEngine(devUrl);
  return {
    engine: engine.name,
    async prefixSchema(prefix) {
      const database = await engine.create();
      try {
        const failure = await replay(database, prefix);
        return { sql: (await schemaSqlOf(database)).sql, cached: false, failure };
      } finally {
        await database.close();
      }
    },
    async roundTrip(prefix, up, down) {
      const database = await engine.create();
      try {
        const failure = await replay(database, prefix);
        if (failure) return { status: 'does_not_apply', differences: [], failure };
        return await roundTripOn(database, up, down);
      } finally {
        await database.close();
      }
    },
    close: () => engine.close(),
  };
}

/**
 * Replays migration histories: the schema before a new migration (the earlier files run in order),
 * and its up → down → up round trip. PGlite by default, cached by the content hash of the prefix;
 * `devUrl` for a server.
 */
export async function createHistoryReplayer(options: HistoryReplayOptions = {}): Promise<HistoryReplayer> {
  if (options.devUrl) return serverReplayer(options.devUrl);
  return pgliteReplayer(options.cacheDir ?? cacheFolder());
}

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { ScratchDatabase, ScratchEngine } from './scratch-database.js';

/**
 * Contrib extensions PGlite ships, by the name CREATE EXTENSION uses. Literal imports, so that a
 * bundler (the single-file CLI build) sees each one and copies the archive it loads.
 */
const CONTRIB: Record<string, () => Promise<Record<string, unknown>>> = {
  amcheck: () => import('@electric-sql/pglite/contrib/amcheck'),
  bloom: () => import('@electric-sql/pglite/contrib/bloom'),
  btree_gin: () => import('@electric-sql/pglite/contrib/btree_gin'),
  btree_gist: () => import('@electric-sql/pglite/contrib/btree_gist'),
  citext: () => import('@electric-sql/pglite/contrib/citext'),
  cube: () => import('@electric-sql/pglite/contrib/cube'),
  dict_int: () => import('@electric-sql/pglite/contrib/dict_int'),
  dict_xsyn: () => import('@electric-sql/pglite/contrib/dict_xsyn'),
  earthdistance: () => import('@electric-sql/pglite/contrib/earthdistance'),
  fuzzystrmatch: () => import('@electric-sql/pglite/contrib/fuzzystrmatch'),
  hstore: () => import('@electric-sql/pglite/contrib/hstore'),
  intarray: () => import('@electric-sql/pglite/contrib/intarray'),
  isn: () => import('@electric-sql/pglite/contrib/isn'),
  lo: () => import('@electric-sql/pglite/contrib/lo'),
  ltree: () => import('@electric-sql/pglite/contrib/ltree'),
  moddatetime: () => import('@electric-sql/pglite/contrib/moddatetime'),
  pg_trgm: () => import('@electric-sql/pglite/contrib/pg_trgm'),
  pgcrypto: () => import('@electric-sql/pglite/contrib/pgcrypto'),
  seg: () => import('@electric-sql/pglite/contrib/seg'),
  tablefunc: () => import('@electric-sql/pglite/contrib/tablefunc'),
  tcn: () => import('@electric-sql/pglite/contrib/tcn'),
  tsm_system_rows: () => import('@electric-sql/pglite/contrib/tsm_system_rows'),
  tsm_system_time: () => import('@electric-sql/pglite/contrib/tsm_system_time'),
  unaccent: () => import('@electric-sql/pglite/contrib/unaccent'),
  'uuid-ossp': () => import('@electric-sql/pglite/contrib/uuid_ossp'),
};

/** Extensions the embedded engine can create, besides plpgsql. */
export function embeddedExtensionAvailable(name: string): boolean {
  return Object.hasOwn(CONTRIB, name);
}

/** PGlite's version, from its package.json (not exported: found next to its entry point). */
export async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

export async function extensionModule(name: string): Promise<unknown> {
  const load = CONTRIB[name];
  if (!load) throw new Error(`PGlite has no contrib extension "${name}"`);
  return (await load())[name.replace(/-/g, '_')];
}

export function cacheFolder(): string {
  const base =
    process.env['MIGRATION_ARCHITECT_CACHE_DIR'] ??
    (process.env['XDG_CACHE_HOME'] ? join(process.env['XDG_CACHE_HOME'], 'migration-architect') : join(homedir() || tmpdir(), '.cache', 'migration-architect'));
  return base;
}

/**
 * A freshly initialized data directory, cached on disk: initdb inside PGlite takes ~10 s, loading
 * the saved directory ~2 s. Keyed by PGlite's version, written atomically (rename), and rebuilt when
 * it cannot be read.
 */
export async function initializedDataDir(PGliteClass: typeof PGlite, version: string): Promise<Blob | undefined> {
  const file = join(cacheFolder(), `pglite-${version}-datadir.tar.gz`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not cached yet.
  }
  const fresh = await PGliteClass.create();
  const dump = await fresh.dumpDataDir('gzip');
  await fresh.close();
  try {
    await mkdir(cacheFolder(), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, file);
  } catch {
    // A read-only home: work without the cache.
  }
  return dump;
}

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly (PGlite), no server to install. Each
 * scratch database is its own PGlite instance; `extensions` are the ones the schemas create (only
 * PGlite's contrib set exists there).
 */
export async function createPgliteEngine(extensions: readonly string[]): Promise<ScratchEngine> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const version = await pgliteVersion();
  const dataDir = await initializedDataDir(PGliteClass, version);
  const wanted = [...new Set(extensions.filter(embeddedExtensionAvailable))];
  const modules = Object.fromEntries(await Promise.all(wanted.map(async (name) => [name.replace(/-/g, '_'), await extensionModule(name)] as const)));
  const open = new Set<PGlite>();
  return {
    name: `pglite ${version}`,
    async create(): Promise<ScratchDatabase> {
      const db: PGlite = await PGliteClass.create({ ...(dataDir ? { loadDataDir: dataDir } : {}), extensions: modules as Record<string, never> });
      open.add(db);
      return {
        run: async (sql) => void (await db.exec(sql)),
        query: async <Row extends Record<string, unknown>>(sql: string) => (await db.query<Row>(sql)).rows,
        close: async () => {
          open.delete(db);
          await db.close().catch(() => {});
        },
      };
    },
    async close() {
      for (const db of [...open]) await db.close().catch(() => {});
    },
  };
}

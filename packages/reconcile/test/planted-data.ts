import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * One data set, written to SQLite and to PostgreSQL with each engine's own types, and a target
 * copy with known differences planted. Every planted difference must be found and nothing else.
 */

export const ROWS = 5_000;

export interface Item {
  id: number;
  name: string;
  price: string; // decimal text, 2 digits
  qty: number;
  ratio: number;
  active: boolean;
  created_at: string; // 'YYYY-MM-DD HH:MM:SS.ffffff' UTC
  uid: string;
  note: string | null;
  data: Buffer;
  /** How SQLite stores created_at when not the usual millisecond text. */
  text_created_at?: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function timestamp(i: number, micros = (i % 1000) * 1000): string {
  const d = new Date(Date.UTC(2024, 0, 1) + i * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(micros, 6)}`;
}

function uuid(i: number): string {
  const h = createHash('md5').update(String(i)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function baseItem(i: number): Item {
  return {
    id: i,
    name: i % 97 === 0 ? `ñame-${i}-😀 "quoted" 'single'` : `name-${i}`,
    price: (((i * 37) % 100000) / 100).toFixed(2),
    qty: (i % 1000) - 500,
    ratio: i / 7,
    active: i % 3 === 0,
    created_at: timestamp(i),
    uid: uuid(i),
    note: i % 10 === 0 ? null : `note ${i}`,
    data: Buffer.from([i & 255, (i >> 8) & 255, 7, 0]),
  };
}

/** What the target gets wrong, by id: these and nothing else must be reported. */
export const PLANTED = {
  missing: [17, 2500],
  extra: [9001],
  changed: {
    100: ['name'],
    201: ['price'],
    300: ['qty'],
    400: ['ratio'],
    500: ['active'],
    600: ['created_at'],
    701: ['uid'],
    801: ['note'], // text → empty string
    810: ['note'], // NULL → empty string
    900: ['data'],
    1001: ['note'], // text → NULL
  } as Record<number, string[]>,
};

/** Representation noise that must compare equal: where it is planted. */
export interface Noise {
  /** Row 1500's ratio differs by 1e-13 (under a 1e-9 tolerance). */
  floatNoise?: boolean;
  /** Row 1600's timestamp carries microseconds on this side (the other side keeps milliseconds). */
  micros?: boolean;
  /** Row 1650's timestamp is written ISO style, `T` and `Z` (SQLite text only). */
  isoText?: boolean;
  /** Row 1700's UUID is upper case (SQLite text only). */
  uuidCase?: boolean;
}

function applyNoise(item: Item, noise: Noise): Item {
  const i = item.id;
  if (noise.floatNoise && i === 1500) item.ratio += 1e-13;
  if (noise.micros && i === 1600) item.created_at = timestamp(i, (i % 1000) * 1000 + 456);
  if (noise.isoText && i === 1650) item.text_created_at = `${item.created_at.slice(0, 10)}T${item.created_at.slice(11, 23)}Z`;
  if (noise.uuidCase && i === 1700) item.uid = item.uid.toUpperCase();
  return item;
}

export function sourceItems(noise: Noise = {}): Item[] {
  return Array.from({ length: ROWS }, (_, i) => applyNoise(baseItem(i + 1), noise));
}

/** The target's rows: the planted differences, and `noise` that is not a difference. */
export function targetItems(noise: Noise = {}): Item[] {
  const out: Item[] = [];
  for (let i = 1; i <= ROWS; i++) {
    if (PLANTED.missing.includes(i)) continue;
    const item = baseItem(i);
    if (i === 100) item.name = 'renamed';
    if (i === 201) item.price = (Number(item.price) + 0.01).toFixed(2);
    if (i === 300) item.qty += 1;
    if (i === 400) item.ratio += 1e-3;
    if (i === 500) item.active = !item.active;
    if (i === 600) item.created_at = timestamp(i + 1);
    if (i === 701) item.uid = uuid(i + 100000);
    if (i === 801 || i === 810) item.note = '';
    if (i === 900) item.data = Buffer.from([1, 2, 3]);
    if (i === 1001) item.note = null;
    out.push(applyNoise(item, noise));
  }
  out.push({ ...baseItem(9001), name: 'only in target' });
  return out;
}

/** Every changed (id, column) pair planted, as `id:column`. */
export function plantedChanges(): string[] {
  return Object.entries(PLANTED.changed)
    .flatMap(([id, columns]) => columns.map((c) => `${id}:${c}`))
    .sort();
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ma-reconcile-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** SQLite with SQLite's types: NUMERIC(10,2), REAL, BOOLEAN, DATETIME (text), TEXT uuid, BLOB. */
export function writeSqliteItems(file: string, items: Item[]): void {
  const db = new Database(file);
  db.exec(
    `CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price NUMERIC(10,2), qty INTEGER, ratio REAL, active BOOLEAN, created_at DATETIME, uid TEXT, note TEXT, data BLOB)`,
  );
  const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const it of items)
      insert.run(
        it.id,
        it.name,
        Number(it.price),
        it.qty,
        it.ratio,
        it.active ? 1 : 0,
        it.text_created_at ?? (it.created_at.endsWith('000') ? it.created_at.slice(0, 23) : it.created_at),
        it.uid,
        it.note,
        it.data,
      );
  })();
  db.close();
}

/** The same rows with PostgreSQL's types; `createdAt` lets a side declare another precision. */
export async function writePostgresItems(url: string, items: Item[], createdAt = 'timestamp(6)'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, price numeric(10,2), qty integer, ratio double precision, active boolean, created_at ${createdAt}, uid uuid, note text, data bytea)`,
    );
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      const params: unknown[] = [];
      const rows = chunk.map((it) => {
        params.push(it.id, it.name, it.price, it.qty, it.ratio, it.active, it.created_at, it.uid, it.note, it.data);
        const b = params.length - 10;
        return `(${Array.from({ length: 10 }, (_, j) => `$${b + j + 1}`).join(', ')})`;
      });
      // ratio as text keeps every digit of the double (pg would send the shortest repr anyway).
      await client.query(`INSERT INTO items VALUES ${rows.join(', ')}`, params);
    }
  } finally {
    await client.end();
  }
}

let counter = 0;
/** A fresh database on the test server; drop it with the returned function. */
export async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rc_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

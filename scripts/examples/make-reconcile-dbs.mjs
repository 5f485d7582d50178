#!/usr/bin/env node
// Writes examples/reconcile/source.db and target.db: a small shop migrated from one SQLite
// database to another, with differences planted in the target (see examples/reconcile/README.md).
// Run from the repository root after `pnpm install`; the output is deterministic.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const Database = createRequire(join(root, 'packages/reconcile/package.json'))('better-sqlite3');
const folder = join(root, 'examples/reconcile');

const SCHEMA = `
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT,
  balance NUMERIC(10,2),
  vip BOOLEAN,
  created_at DATETIME,
  external_id TEXT
);
CREATE TABLE order_lines (
  order_id INTEGER,
  line INTEGER,
  sku TEXT,
  quantity INTEGER,
  unit_price REAL,
  PRIMARY KEY (order_id, line)
) WITHOUT ROWID;
CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT);
`;

const pad = (n, w = 2) => String(n).padStart(w, '0');
function customer(i) {
  const t = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000 + (i % 1000));
  const created = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}`;
  const hex = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0');
  return [
    i,
    `customer${i}@example.com`,
    i % 7 === 0 ? null : `Customer ${i}`,
    ((i * 1237) % 100000) / 100,
    i % 5 === 0 ? 1 : 0,
    created,
    `${hex}-0000-4000-8000-${pad(i, 12)}`,
  ];
}

function write(file, mutate) {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.exec(SCHEMA);
  const customers = Array.from({ length: 1000 }, (_, i) => customer(i + 1));
  const lines = [];
  for (let order = 1; order <= 300; order++)
    for (let line = 1; line <= 1 + (order % 3); line++)
      lines.push([order, line, `SKU-${(order * 7 + line) % 250}`, 1 + ((order + line) % 4), Math.round(((order * 13 + line) % 5000) * 1.1) / 100]);
  const countries = [
    ['AT', 'Austria'],
    ['BE', 'Belgium'],
    ['CH', 'Switzerland'],
    ['DE', 'Germany'],
    ['ES', 'Spain'],
    ['FR', 'France'],
  ];
  mutate?.({ customers, lines, countries });
  const insert = (table, n) => db.prepare(`INSERT INTO ${table} VALUES (${Array(n).fill('?').join(', ')})`);
  db.transaction(() => {
    const c = insert('customers', 7);
    for (const row of customers) c.run(row);
    const l = insert('order_lines', 5);
    for (const row of lines) l.run(row);
    const k = insert('countries', 2);
    for (const row of countries) k.run(row);
  })();
  db.exec('VACUUM');
  db.close();
}

write(join(folder, 'source.db'));
write(join(folder, 'target.db'), ({ customers, lines, countries }) => {
  const byId = (id) => customers.find((r) => r[0] === id);
  // Rows the migration lost, and one it invented.
  customers.splice(customers.indexOf(byId(42)), 1);
  customers.splice(customers.indexOf(byId(777)), 1);
  customers.push([1001, 'ghost@example.com', 'Ghost', 0, 0, '2023-12-31 00:00:00.000', null]);
  // Changed rows: a truncated e-mail, a rounded balance, a NULL turned into '', a lost VIP flag.
  byId(17)[1] = 'customer17@example.co';
  byId(256)[3] = Math.round(byId(256)[3]);
  byId(700)[2] = '';
  byId(500)[4] = 0;
  // Not a difference: the same instant written ISO-style with a zone.
  byId(300)[5] = `${byId(300)[5].replace(' ', 'T')}Z`;
  // One order line dropped, one quantity changed.
  lines.splice(
    lines.findIndex((l) => l[0] === 211 && l[1] === 2),
    1,
  );
  lines.find((l) => l[0] === 250 && l[1] === 1)[3] = 9;
  countries.find((c) => c[0] === 'BE')[1] = 'Belgien';
});
console.log(`wrote ${join('examples/reconcile', 'source.db')} and ${join('examples/reconcile', 'target.db')}`);

import mysql from 'mysql2/promise';
import type { Item } from './planted-data.js';

let counter = 0;

/** A fresh database on the MariaDB test server; drop it with the returned function. */
export async function createMariadbDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rc_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await runMariadb(serverUrl, `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runMariadb(serverUrl, `DROP DATABASE IF EXISTS ${name}`) };
}

export async function runMariadb(url: string, sql: string): Promise<void> {
  const connection = await mysql.createConnection({ uri: url, multipleStatements: true });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** The items with MariaDB's types: DECIMAL, DOUBLE, TINYINT(1) booleans, DATETIME(6), CHAR(36) UUIDs, VARBINARY. */
export async function writeMariadbItems(url: string, items: Item[], createdAt = 'DATETIME(6)'): Promise<void> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    await connection.query(
      `CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL, price DECIMAL(10,2), qty INT, ratio DOUBLE, active TINYINT(1),
       created_at ${createdAt}, uid CHAR(36), note TEXT, data VARBINARY(16))`,
    );
    for (let i = 0; i < items.length; i += 500) {
      const rows = items
        .slice(i, i + 500)
        .map((it) => [it.id, it.name, it.price, it.qty, it.ratio, it.active ? 1 : 0, it.created_at, it.uid, it.note, it.data]);
      await connection.query('INSERT INTO items VALUES ?', [rows]);
    }
  } finally {
    await connection.end();
  }
}

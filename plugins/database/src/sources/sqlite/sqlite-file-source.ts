import { isAbsolute, resolve } from 'node:path';
import { defineSource, InputDataError, readInputFile } from '@migration-architect/core';
import type { DatabaseSchema } from '../../schema/model.js';
import { loadSqlJs } from './sql-js-runtime.js';
import { sqliteCatalogToModel } from './sqlite-catalog-to-model.js';

export const SQLITE_URL = /^sqlite:/i;

/** `sqlite:app.db` → app.db (from cwd); `sqlite:///abs/app.db` → /abs/app.db; `sqlite://rel/app.db` → rel/app.db. */
export function sqlitePathOf(input: string, cwd: string): string {
  let path = input.replace(SQLITE_URL, '');
  if (path.startsWith('//')) path = path.slice(2);
  return isAbsolute(path) ? path : resolve(cwd, path);
}

const HEADER = 'SQLite format 3\u0000';

/**
 * Reads an SQLite database file without ever writing to it: the bytes are copied into an
 * in-memory SQLite (sql.js), which is what gets queried. A missing file is 66; a file that is
 * not an SQLite database is 65.
 */
export async function readSqliteFile(input: string, cwd: string): Promise<DatabaseSchema> {
  const path = sqlitePathOf(input, cwd);
  const bytes = new Uint8Array(await readInputFile(path, input));
  // An empty file is an empty database to SQLite; anything else must carry the header.
  if (bytes.length > 0 && new TextDecoder().decode(bytes.subarray(0, HEADER.length)) !== HEADER) {
    throw new InputDataError(`${path} is not an SQLite database (no "SQLite format 3" header)`, { file: input });
  }
  // WAL mode (format bytes 18-19 = 2) cannot be opened from memory; our copy says rollback
  // journal instead. The file itself is untouched; changes still only in its -wal file are not seen.
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    db.run('PRAGMA query_only = ON');
    return sqliteCatalogToModel(db);
  } catch (error) {
    throw new InputDataError(`cannot read SQLite database ${path}: ${(error as Error).message}`, { file: input });
  } finally {
    db.close();
  }
}

export const sqliteFileSource = defineSource<DatabaseSchema>({
  id: 'sqlite-file',
  checker: 'database',
  title: 'SQLite database',
  description: 'An SQLite database file (sqlite:path/to.db, sqlite:///abs/path.db), read from a private in-memory copy.',
  read: async (input) => (input.scheme === 'sqlite' ? { model: await readSqliteFile(input.input, input.cwd), dialect: 'sqlite' } : undefined),
});

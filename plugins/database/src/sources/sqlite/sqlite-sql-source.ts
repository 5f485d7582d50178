import { defineSource, InputDataError } from '@migration-architect/core';
import type { Database } from 'sql.js';
import type { DatabaseSchema } from '../../schema/model.js';
import { loadSqlJs } from './sql-js-runtime.js';
import { sqliteCatalogToModel } from './sqlite-catalog-to-model.js';
import { firstTokenOffset, statementEnd } from './sqlite-ddl-scanner.js';

export const SQLITE_SQL_FILE = /\.sqlite3?\.sql$/i;

/** `sqlite3 .schema` prints SQLite's own tables, which only SQLite may create. */
const RESERVED_NAME = /object name reserved for internal use: sqlite_/i;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Runs a script statement by statement so that a failure names the line its statement starts
 * on. SQLite's internal tables (CREATE TABLE sqlite_sequence …) are skipped: SQLite makes them
 * itself when a table needs them.
 */
function executeScript(db: Database, sql: string, file: string): void {
  let offset = 0;
  while (offset < sql.length) {
    const rest = sql.slice(offset);
    const iterator = db.iterateStatements(rest);
    let failedAt: number | null = null;
    try {
      for (;;) {
        const next = iterator.next();
        if (next.done) return;
        const statement = next.value;
        try {
          while (statement.step());
        } catch (error) {
          // Prepared, then failed while running: it ends where the remaining text begins.
          const end = rest.length - iterator.getRemainingSQL().length;
          const start = rest.lastIndexOf(statement.getSQL().trim(), end);
          failedAt = offset + (start === -1 ? end : start);
          throw error;
        }
      }
    } catch (error) {
      // Failed to prepare: the remaining text starts with the failing statement.
      const start = failedAt ?? firstTokenOffset(sql, offset + rest.length - iterator.getRemainingSQL().length);
      // Frees the iterator's copy of the text (sql.js has return(); its typings omit it).
      (iterator as Iterator<unknown>).return?.();
      const message = error instanceof Error ? error.message : String(error);
      if (RESERVED_NAME.test(message)) {
        offset = statementEnd(sql, start);
        continue;
      }
      throw new InputDataError(`SQLite: ${message}`, { file, line: lineAt(sql, start) });
    }
  }
}

/** Reads SQL as `sqlite3 db .schema` (or `.dump`) prints it, by running it in a fresh in-memory SQLite. */
export async function readSqliteSql(sql: string, file: string): Promise<DatabaseSchema> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    executeScript(db, sql.replace(/^\uFEFF/, ''), file);
    return sqliteCatalogToModel(db);
  } finally {
    db.close();
  }
}

export const sqliteSqlSource = defineSource<DatabaseSchema>({
  id: 'sqlite-sql',
  checker: 'database',
  title: 'SQLite SQL',
  description: 'SQLite SQL as `sqlite3 .schema` prints it (*.sqlite.sql, *.sqlite3.sql), run in an in-memory SQLite.',
  read: async (input) =>
    input.fileName && SQLITE_SQL_FILE.test(input.fileName) ? { model: await readSqliteSql(await input.text(), input.name), dialect: 'sqlite' } : undefined,
});

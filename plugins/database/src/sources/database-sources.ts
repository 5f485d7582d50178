import { databaseJsonSource } from './json-document/database-json-source.js';
import { postgresLiveSource } from './live/postgres-live-source.js';
import { postgresqlSqlSource } from './postgresql-sql/postgresql-sql-source.js';
import { sqliteFileSource } from './sqlite/sqlite-file-source.js';
import { sqliteSqlSource } from './sqlite/sqlite-sql-source.js';

/** Every input the database checker reads, in the order they are asked. */
export const databaseSources = [sqliteSqlSource, postgresqlSqlSource, postgresLiveSource, sqliteFileSource, databaseJsonSource];

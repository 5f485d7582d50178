import type { SchemaSource } from '@migration-architect/core';
import { postgresqlSqlSource } from '../sources/postgresql-sql/postgresql-sql-source.js';
import { postgresLiveSource } from '../sources/live/postgres-live-source.js';
import { sqliteFileSource } from '../sources/sqlite/sqlite-file-source.js';
import { sqliteSqlSource } from '../sources/sqlite/sqlite-sql-source.js';

/**
 * Inputs the database checker reads besides the seed's JSON/YAML format: SQL files and live
 * databases. Each source returns a document `loadDatabaseSchema` accepts.
 */
export const databaseSchemaSources: SchemaSource[] = [
  postgresqlSqlSource,
  postgresLiveSource,
  sqliteFileSource,
  sqliteSqlSource,
];

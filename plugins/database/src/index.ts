import { createDatabasePlugin } from './plugin.js';

export default createDatabasePlugin;
export { createDatabasePlugin, createDatabasePlugin as database };
export { databaseOptionsSchema, type DatabasePluginOptions } from './options.js';

// The checker's building blocks, for loaders of other inputs (SQL dumps, live catalogs) and tools.
export { databaseChecker } from './compatibility/database-checker.js';
export { databaseRules } from './rules/index.js';
export { TABLE_STATS_QUERY } from './lock-risk/table-stats.js';
export { loadJsonDatabaseSchema } from './schema/json-schema-loader.js';
export { diffDatabaseSchemas } from './schema/diff.js';
export { compareColumnTypes, type TypeCompatibility } from './schema/type-compatibility.js';
export { parseColumnType, renderColumnType, type ColumnType } from './schema/column-type.js';
export type { ChangeKind, DatabaseChange } from './schema/changes.js';
export type * from './schema/model.js';
export { quoteIdentifier, quoteQualifiedName } from './sql/identifier.js';
export { quoteLiteral, renderLiteral } from './sql/literal.js';

// Migration folders (Flyway, golang-migrate, dbmate, diesel, sqlx, Prisma, numbered files) and their replay, for `gate`.
export {
  DATABASE_MIGRATION_LAYOUTS,
  dbmateSections,
  isMigrationPath,
  migrationSeries,
  parseMigrationPath,
  type MigrationEntry,
  type MigrationLayout,
  type MigrationSeries,
} from './migration-history/migration-layouts.js';
export {
  createHistoryReplayer,
  type HistoryReplayer,
  type HistoryReplayOptions,
  type MigrationText,
  type PrefixSchema,
  type ReplayFailure,
  type RoundTrip,
} from './migration-history/history-replay.js';

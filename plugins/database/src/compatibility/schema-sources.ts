import type { SchemaSource } from '@migration-architect/core';

/**
 * Inputs the database checker reads besides the seed's JSON/YAML format: SQL files and live
 * databases. Each source returns a document `loadDatabaseSchema` accepts.
 */
export const databaseSchemaSources: SchemaSource[] = [];

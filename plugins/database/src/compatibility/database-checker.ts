import { defineChecker } from '@migration-architect/core';
import { databaseRules } from '../rules/index.js';
import { diffDatabaseSchemas } from '../schema/diff.js';
import { loadJsonDatabaseSchema } from '../schema/json-schema-loader.js';
import type { DatabaseSchema } from '../schema/model.js';
import { isDatabaseModelDocument } from '../schema/model-document.js';
import { databaseRecommendations } from './recommendations.js';
import { databaseSchemaSources } from './schema-sources.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `check --type database`: the seed's JSON schema format, classified for PostgreSQL. */
export const databaseChecker = defineChecker({
  id: 'database',
  title: 'Database schema (PostgreSQL)',
  description:
    'Compares two database schemas (tables, columns, constraints, indexes, views, procedures) and classifies every change for running clients, with PostgreSQL migration and rollback SQL that avoids long locks.',
  // The seed's format has a `tables` object; OpenAPI documents never do.
  detect: (document) => isDatabaseModelDocument(document) || (isObject(document) && isObject(document['tables']) && !('openapi' in document) && !('swagger' in document)),
  // Sources that build the model themselves (SQL, live databases) hand it over tagged.
  load: (document: unknown, source: { file: string }): DatabaseSchema =>
    isDatabaseModelDocument(document) ? document.model : loadJsonDatabaseSchema(document, source),
  diff: diffDatabaseSchemas,
  rules: databaseRules,
  sources: databaseSchemaSources,
  recommendations: databaseRecommendations,
});

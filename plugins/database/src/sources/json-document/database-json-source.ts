import { defineDocumentSource } from '@migration-architect/core';
import { loadJsonDatabaseSchema } from '../../schema/json-schema-loader.js';
import type { DatabaseSchema } from '../../schema/model.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The original tool's JSON/YAML schema format (`{"tables": {"users": {"columns": …}}}`). Asked
 * last, so SQL and URL sources get their inputs first; with `--type database` it reads any
 * JSON/YAML document and reports what does not fit the format with its path.
 */
export const databaseJsonSource = defineDocumentSource<DatabaseSchema>({
  id: 'json-schema',
  checker: 'database',
  title: 'database schema JSON/YAML',
  description: 'The JSON or YAML schema format of the original tool: tables with columns, constraints, indexes, views and procedures.',
  order: 'post',
  // The format has a `tables` object; OpenAPI documents never do.
  recognizes: (document) => isObject(document) && isObject(document['tables']) && !('openapi' in document) && !('swagger' in document),
  load: (document, input) => ({ model: loadJsonDatabaseSchema(document, { file: input.name }), dialect: 'postgresql' }),
});

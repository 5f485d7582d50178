import { quoteIdentifier } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { defineDatabaseRule } from './database-rule.js';
import { sqlScript } from './migration-script.js';

export const schemaRemoved = defineDatabaseRule({
  id: 'schema-removed',
  code: 'DB101',
  issueType: 'schema_removed',
  change: 'schema.removed',
  severity: 'breaking',
  title: 'Schema removed',
  description: 'Every object in the schema goes with it (DROP SCHEMA … CASCADE): queries naming it fail, and its data is gone.',
  safeAlternative: 'Move or drop its objects one by one, each with its own check, and drop the empty schema in a later release.',
  classify: ({ details: { schema } }) => ({
    description: `Schema '${schema.name}' has been removed`,
    impact: 'Every table, view, function and type in it is dropped; queries that name it fail',
    suggestedMigration: 'Empty the schema object by object first; drop it (without CASCADE) once empty',
    affectedOperations: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    script: sqlScript({
      description: `Drop schema ${schema.name}`,
      statements: [`-- Without CASCADE: fails while anything is left in it.`, `DROP SCHEMA ${quoteIdentifier(schema.name)};`],
      rollback: [`CREATE SCHEMA ${quoteIdentifier(schema.name)};`],
      validation: `SELECT count(*) AS still_present FROM pg_namespace WHERE nspname = ${quoteLiteral(schema.name)};`,
      lockTimeout: false,
    }),
  }),
});

export const schemaAdded = defineDatabaseRule({
  id: 'schema-added',
  code: 'DB412',
  issueType: 'schema_added',
  change: 'schema.added',
  severity: 'additive',
  title: 'Schema added',
  description: 'A new schema changes nothing for existing clients, unless it is put before theirs in search_path.',
  safeAlternative: 'Create it before the objects in it; leave search_path alone or qualify names.',
  classify: ({ details: { schema } }) => ({
    description: `New schema '${schema.name}'`,
    impact: 'None for existing clients',
    suggestedMigration: 'Create the schema before the objects that live in it',
    affectedOperations: [],
    script: sqlScript({
      description: `Create schema ${schema.name}`,
      statements: [`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema.name)};`],
      rollback: [`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema.name)};`],
      validation: `SELECT count(*) AS schema_exists FROM pg_namespace WHERE nspname = ${quoteLiteral(schema.name)};`,
      lockTimeout: false,
    }),
  }),
});

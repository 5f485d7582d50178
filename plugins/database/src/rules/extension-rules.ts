import type { Extension } from '../schema/model.js';
import { quoteIdentifier } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { defineDatabaseRule } from './database-rule.js';
import { sqlScript } from './migration-script.js';

function createExtension(extension: Extension): string {
  const schema = extension.schema ? ` WITH SCHEMA ${quoteIdentifier(extension.schema)}` : '';
  const version = extension.version ? ` VERSION ${quoteLiteral(extension.version)}` : '';
  return `CREATE EXTENSION IF NOT EXISTS ${quoteIdentifier(extension.name)}${schema}${version};`;
}

const installedQuery = (name: string) =>
  `SELECT extname, extversion, extnamespace::regnamespace AS schema FROM pg_extension WHERE extname = ${quoteLiteral(name)};`;

/** The description of the script that creates an extension: scripts using its types or operators depend on it by this name. */
export function createExtensionDescription(name: string): string {
  return `Create extension ${name}`;
}

export const extensionAdded = defineDatabaseRule({
  id: 'extension-added',
  code: 'DB417',
  issueType: 'extension_added',
  change: 'extension.added',
  severity: 'additive',
  title: 'Extension added',
  description:
    'A new extension adds types, functions and operators; existing queries keep working. Creating it needs a role allowed to (superuser, or a trusted extension and CREATE on the database), and its package must be installed on every server, replicas included.',
  safeAlternative: 'Install the extension package on every server first, then CREATE EXTENSION before the objects that use it.',
  classify: ({ details: { extension } }) => ({
    description: `Extension '${extension.name}' added`,
    impact: 'None for existing clients; the server (and every replica) must have the extension installed',
    suggestedMigration: 'Install the package on every server, then CREATE EXTENSION before anything uses it',
    affectedOperations: [],
    script: sqlScript({
      description: createExtensionDescription(extension.name),
      statements: [createExtension(extension)],
      rollback: [`DROP EXTENSION IF EXISTS ${quoteIdentifier(extension.name)};`],
      validation: installedQuery(extension.name),
      lockTimeout: false,
    }),
  }),
});

export const extensionRemoved = defineDatabaseRule({
  id: 'extension-removed',
  code: 'DB123',
  issueType: 'extension_removed',
  change: 'extension.removed',
  severity: 'breaking',
  title: 'Extension removed',
  description:
    'Its types, functions and operators go with it: columns, indexes and queries that use them fail (DROP EXTENSION refuses while anything depends on it, unless CASCADE drops those too).',
  safeAlternative: 'Remove every column, index and query that uses the extension first; drop it without CASCADE in a later release.',
  classify: ({ details: { extension } }) => ({
    description: `Extension '${extension.name}' removed`,
    impact: 'Queries, columns and indexes that use its types, functions or operators fail',
    suggestedMigration: 'Drop what uses it first; DROP EXTENSION without CASCADE fails while anything still does',
    affectedOperations: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    script: sqlScript({
      description: `Drop extension ${extension.name}`,
      statements: [
        '-- Without CASCADE: fails while a column, index or function still uses it.',
        `DROP EXTENSION IF EXISTS ${quoteIdentifier(extension.name)};`,
      ],
      rollback: [createExtension(extension)],
      validation: installedQuery(extension.name),
      lockTimeout: false,
    }),
  }),
});

export const extensionChanged = defineDatabaseRule({
  id: 'extension-changed',
  code: 'DB505',
  issueType: 'extension_changed',
  change: 'extension.changed',
  severity: 'non_breaking',
  title: 'Extension version or schema changed',
  description:
    "ALTER EXTENSION … UPDATE runs the extension's upgrade scripts, which may change the behaviour of its functions; SET SCHEMA moves its objects, so queries that qualify them by schema break.",
  safeAlternative: "Read the extension's release notes, update it on a copy of production first, and update replicas' packages before the primary.",
  classify: ({ details: { before, after } }) => {
    const name = quoteIdentifier(after.name);
    const statements = [
      ...(before.version !== null && after.version !== null && before.version !== after.version
        ? [`ALTER EXTENSION ${name} UPDATE TO ${quoteLiteral(after.version)};`]
        : []),
      ...(before.schema !== null && after.schema !== null && before.schema !== after.schema
        ? [`ALTER EXTENSION ${name} SET SCHEMA ${quoteIdentifier(after.schema)};`]
        : []),
    ];
    const rollback = [
      ...(before.schema !== null && after.schema !== null && before.schema !== after.schema
        ? [`ALTER EXTENSION ${name} SET SCHEMA ${quoteIdentifier(before.schema)};`]
        : []),
      ...(before.version !== null && after.version !== null && before.version !== after.version
        ? [
            `-- Extensions rarely ship downgrade scripts: this fails unless ${after.name} has one to ${before.version}.`,
            `ALTER EXTENSION ${name} UPDATE TO ${quoteLiteral(before.version)};`,
          ]
        : []),
    ];
    return {
      description: `Extension '${after.name}' changed (${before.version ?? '?'} in ${before.schema ?? '?'} → ${after.version ?? '?'} in ${after.schema ?? '?'})`,
      impact: 'Functions of the extension may behave differently; objects moved to another schema are found by other names',
      suggestedMigration: 'Update the extension on a copy of production first',
      affectedOperations: ['SELECT'],
      script: sqlScript({ description: `Update extension ${after.name}`, statements, rollback, validation: installedQuery(after.name), lockTimeout: false }),
    };
  },
});

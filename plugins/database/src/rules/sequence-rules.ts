import { quoteQualifiedName } from '../sql/identifier.js';
import { quoteLiteral } from '../sql/literal.js';
import { defineDatabaseRule } from './database-rule.js';
import { sqlScript } from './migration-script.js';

export const sequenceRemoved = defineDatabaseRule({
  id: 'sequence-removed',
  code: 'DB116',
  issueType: 'sequence_removed',
  change: 'sequence.removed',
  severity: 'breaking',
  title: 'Sequence removed',
  description: 'nextval() on it fails, and so does every insert whose default draws from it; its current value is lost.',
  safeAlternative: 'Move defaults off the sequence first, keep it until nothing calls nextval() on it, and note its last value.',
  classify: ({ details: { sequence } }) => {
    const name = quoteQualifiedName(sequence.schema, sequence.name);
    return {
      description: `Sequence '${sequence.key}' has been removed`,
      impact: 'Inserts and calls that draw from it fail',
      suggestedMigration: 'Remove its uses first; record its last value; drop it in a later release',
      affectedOperations: ['INSERT'],
      script: sqlScript({
        description: `Drop sequence ${sequence.key}`,
        statements: [`-- Note the value to restore on rollback: SELECT last_value FROM ${name};`, `DROP SEQUENCE ${name};`],
        rollback: [`CREATE SEQUENCE ${name}${sequence.dataType ? ` AS ${sequence.dataType}` : ''};`],
        validation: `SELECT to_regclass(${quoteLiteral(name)}) IS NOT NULL AS still_present;`,
        lockTimeout: false,
      }),
    };
  },
});

export const sequenceAdded = defineDatabaseRule({
  id: 'sequence-added',
  code: 'DB415',
  issueType: 'sequence_added',
  change: 'sequence.added',
  severity: 'additive',
  title: 'Sequence added',
  description: 'A new sequence changes nothing for existing clients.',
  safeAlternative: 'Create it before the defaults and code that use it.',
  classify: ({ details: { sequence } }) => {
    const name = quoteQualifiedName(sequence.schema, sequence.name);
    return {
      description: `New sequence '${sequence.key}'`,
      impact: 'None for existing clients',
      suggestedMigration: 'Create the sequence before anything draws from it',
      affectedOperations: [],
      script: sqlScript({
        description: `Create sequence ${sequence.key}`,
        statements: [`CREATE SEQUENCE IF NOT EXISTS ${name}${sequence.dataType ? ` AS ${sequence.dataType}` : ''};`],
        rollback: [`DROP SEQUENCE IF EXISTS ${name};`],
        validation: `SELECT to_regclass(${quoteLiteral(name)}) IS NOT NULL AS sequence_exists;`,
        lockTimeout: false,
      }),
    };
  },
});

import type { DatabaseSchema, Routine } from '../schema/model.js';
import { routineExistsQuery } from '../sql/catalog-queries.js';
import { normalizeExpression, referencedIdentifiers } from '../sql/expression.js';
import { createRoutine, dropRoutine, effectiveKind, routineSignatureSql } from '../sql/routine-ddl.js';
import { defineDatabaseRule } from './database-rule.js';
import { sqlScript } from './migration-script.js';

/**
 * In an SQL-language body a column name wins over a parameter of the same name, so
 * `WHERE u.id = user_id` may compare with a column instead of the argument.
 */
function shadowedParameters(routine: Routine, schema: DatabaseSchema): string[] {
  const columns = new Set(schema.tables.flatMap((t) => t.columns.map((c) => c.name)));
  const used = referencedIdentifiers(routine.definition);
  return routine.parameters.flatMap((p) => (p.name && columns.has(p.name) && used.includes(p.name.toLowerCase()) ? [p.name] : []));
}

function shadowNote(routine: Routine, schema: DatabaseSchema): string {
  const names = shadowedParameters(routine, schema);
  return names.length
    ? `; parameter(s) ${names.join(', ')} share a name with a table column, and in the body the column wins: qualify them as ${routine.name}.${names[0]} or use $n`
    : '';
}

export const routineRemoved = defineDatabaseRule({
  id: 'routine-removed',
  code: 'DB111',
  issueType: 'routine_removed',
  change: 'routine.removed',
  severity: 'breaking',
  title: 'Procedure or function removed',
  description: 'Callers fail with "function … does not exist"; views, triggers and routines that call it fail too.',
  safeAlternative: 'Keep it until no caller uses it (pg_stat_user_functions with track_functions on), then drop it.',
  classify: ({ details: { routine } }) => ({
    description: `${effectiveKind(routine) === 'function' ? 'Function' : 'Procedure'} '${routineSignatureSql(routine)}' has been removed`,
    impact: 'All calls to it will fail',
    suggestedMigration: 'Keep it until no caller uses it, then drop it',
    affectedOperations: ['CALL', 'SELECT'],
    script: sqlScript({
      description: `Drop ${effectiveKind(routine)} ${routineSignatureSql(routine)}`,
      statements: [dropRoutine(routine)],
      rollback: [createRoutine(routine)],
      validation: routineExistsQuery(routineSignatureSql(routine)),
      lockTimeout: false,
    }),
  }),
});

export const routineAdded = defineDatabaseRule({
  id: 'routine-added',
  code: 'DB411',
  issueType: 'routine_added',
  change: 'routine.added',
  severity: 'additive',
  title: 'Procedure or function added',
  description: 'A new routine changes nothing for existing clients.',
  safeAlternative: 'Create it before deploying code that calls it.',
  classify: ({ details: { routine } }, { after }) => ({
    description: `New ${effectiveKind(routine)} '${routineSignatureSql(routine)}'`,
    impact: `None for existing clients${shadowNote(routine, after)}`,
    suggestedMigration: 'Create it before deploying the code that calls it',
    affectedOperations: [],
    script: sqlScript({
      description: `Create ${effectiveKind(routine)} ${routineSignatureSql(routine)}`,
      statements: [createRoutine(routine)],
      rollback: [dropRoutine(routine)],
      validation: routineExistsQuery(routineSignatureSql(routine)),
      lockTimeout: false,
    }),
  }),
});

export const routineSignatureChanged = defineDatabaseRule({
  id: 'routine-signature-changed',
  code: 'DB112',
  issueType: 'routine_signature_changed',
  change: 'routine.changed',
  severity: 'breaking',
  title: 'Procedure or function arguments changed',
  description:
    'Callers that pass the old arguments fail. In PostgreSQL a new argument list is a new overload, so the old routine can stay until every caller has moved.',
  safeAlternative: 'Create the new signature alongside the old one, move callers, then drop the old one in a later release.',
  when: ({ details }) => details.signatureChanged,
  classify: ({ details: { before, after } }) =>
    routineSignatureSql(before) === routineSignatureSql(after) ? resultChange(before, after) : overloadChange(before, after),
});

/** Same arguments, another result: CREATE OR REPLACE refuses that, so the routine is dropped and created. */
function resultChange(before: Routine, after: Routine) {
  return {
    description: `Result of ${routineSignatureSql(after)} changed from ${before.returns ?? 'nothing'} to ${after.returns ?? 'nothing'}`,
    impact: 'Callers that read the old result shape break; views, triggers and defaults that use it must be dropped first',
    suggestedMigration: 'Drop and re-create it in one transaction, with what depends on it',
    affectedOperations: ['CALL', 'SELECT'],
    script: sqlScript({
      description: `Re-create ${effectiveKind(after)} ${routineSignatureSql(after)} with its new result`,
      statements: [dropRoutine(before), createRoutine(after)],
      rollback: [dropRoutine(after), createRoutine(before)],
      validation: routineExistsQuery(routineSignatureSql(after)),
      lockTimeout: false,
    }),
  };
}

function overloadChange(before: Routine, after: Routine) {
  return {
    description: `Signature changed from ${routineSignatureSql(before)} to ${routineSignatureSql(after)}`,
    impact: 'Calls with the old arguments will fail once the old signature is dropped',
    suggestedMigration: 'Add the new overload, keep the old one until callers have moved',
    affectedOperations: ['CALL', 'SELECT'],
    script: sqlScript({
      description: `Create ${effectiveKind(after)} ${routineSignatureSql(after)} alongside ${routineSignatureSql(before)}`,
      statements: [createRoutine(after), `-- Later release, once no caller uses it: ${dropRoutine(before)}`],
      rollback: [dropRoutine(after)],
      validation: routineExistsQuery(routineSignatureSql(after)),
      lockTimeout: false,
    }),
  };
}

export const routineDefinitionChanged = defineDatabaseRule({
  id: 'routine-definition-changed',
  code: 'DB502',
  issueType: 'routine_definition_changed',
  change: 'routine.changed',
  severity: 'non_breaking',
  title: 'Procedure or function body changed',
  description: 'Callers keep working with the same arguments; results or side effects may differ.',
  safeAlternative: 'Test the new body against production-like data; CREATE OR REPLACE swaps it atomically.',
  classify: ({ details: { before, after, volatilityChanged } }, context) => ({
    description: volatilityChanged
      ? `${routineSignatureSql(after)} changed from ${(before.volatility ?? 'volatile').toUpperCase()} to ${(after.volatility ?? 'volatile').toUpperCase()}${normalizeExpression(before.definition) === normalizeExpression(after.definition) ? '' : ', and its body changed'}`
      : `Body of ${routineSignatureSql(after)} changed`,
    impact: `${volatilityChanged ? volatilityImpact(after) : 'Results or side effects of calls may differ'}${shadowNote(after, context.after)}`,
    suggestedMigration: 'Replace it in place after testing',
    affectedOperations: ['CALL', 'SELECT'],
    script: sqlScript({
      description: `Replace ${effectiveKind(after)} ${routineSignatureSql(after)}`,
      statements: [createRoutine(after)],
      rollback: [createRoutine(before)],
      validation: routineExistsQuery(routineSignatureSql(after)),
      lockTimeout: false,
    }),
  }),
});

function volatilityImpact(after: Routine): string {
  return after.volatility === 'immutable'
    ? 'PostgreSQL may now precompute calls and use it in index expressions: it must really return the same result for the same arguments'
    : 'Index expressions, generated columns and partition keys need IMMUTABLE: new ones on it are refused, existing ones keep a function PostgreSQL no longer trusts, and the planner stops precomputing calls';
}

import { databaseRules } from '../rules/index.js';
import { diffDatabaseSchemas } from '../schema/diff.js';
import { emptyDatabaseSchema, type DatabaseSchema } from '../schema/model.js';

/**
 * SQL that builds a schema in an empty database, for inputs that are not SQL (the JSON format, a
 * live URL): the scripts the rules write for "everything was added", in diff order. It is the
 * plugin's own SQL, so a fault in it shows up as a failure to load, not as a passed verification.
 */
export function schemaCreationSql(model: DatabaseSchema): string[] {
  const empty = emptyDatabaseSchema();
  const context = { before: empty, after: model, dialect: 'postgresql' };
  return diffDatabaseSchemas(empty, model).flatMap((change) => {
    const rule = databaseRules.find((r) => r.change === change.kind && (!r.when || r.when(change, context)));
    const script = rule?.classify(change, context).script;
    return script ? [script.script_content] : [];
  });
}

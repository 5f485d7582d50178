import { loadJsonDatabaseSchema } from '../../schema/json-schema-loader.js';
import type { DatabaseSchema } from '../../schema/model.js';
import { databaseModelDocument, type DatabaseModelDocument } from '../../schema/model-document.js';
import { baseSchema } from './example-schema.js';

/**
 * Examples of rules the seed's JSON format cannot express (schemas, enums, sequences, triggers,
 * exclusion constraints, renames). They are models, as the SQL source hands them to the checker:
 * the base schema plus one of each such object.
 */
function baseModel(): DatabaseSchema {
  const model = loadJsonDatabaseSchema(baseSchema(), { file: 'example' });
  model.schemas.push({ name: 'billing' });
  model.enums.push({ schema: null, name: 'mood', key: 'mood', values: ['happy', 'ok', 'sad'] });
  model.sequences.push({ schema: null, name: 'invoice_number_seq', key: 'invoice_number_seq', dataType: null, ownedBy: null });
  model.triggers.push({
    name: 'users_audit',
    table: 'users',
    tableName: { schema: null, name: 'users' },
    timing: 'after',
    events: ['update'],
    columns: [],
    forEachRow: true,
    function: 'audit_row',
    condition: null,
  });
  return model;
}

type Change = (model: DatabaseSchema) => void;

const users = (m: DatabaseSchema) => m.tables.find((t) => t.name === 'users')!;

export const modelRuleCases: Record<string, { before?: Change; after: Change }> = {
  'schema-removed': { after: (m) => void (m.schemas = []) },
  'schema-added': { after: (m) => void m.schemas.push({ name: 'archive' }) },
  // As the SQL source records `ALTER TABLE … RENAME` in the after file.
  'table-renamed': { after: (m) => void Object.assign(m.tables[1]!, { name: 'purchases', key: 'purchases', renamedFrom: 'orders' }) },
  'column-renamed': { after: (m) => void Object.assign(users(m).columns.find((c) => c.name === 'bio')!, { name: 'about', renamedFrom: 'bio' }) },
  'table-possibly-renamed': { after: (m) => void Object.assign(m.tables[1]!, { name: 'purchases', key: 'purchases' }) },
  'column-possibly-renamed': { after: (m) => void (users(m).columns.find((c) => c.name === 'bio')!.name = 'about') },
  'enum-removed': { after: (m) => void (m.enums = []) },
  'enum-added': { after: (m) => void m.enums.push({ schema: null, name: 'tier', key: 'tier', values: ['free', 'pro'] }) },
  'enum-value-removed': { after: (m) => void (m.enums[0]!.values = ['happy', 'sad']) },
  'enum-values-reordered': { after: (m) => void (m.enums[0]!.values = ['sad', 'ok', 'happy']) },
  'enum-value-added': { after: (m) => void (m.enums[0]!.values = ['happy', 'ok', 'meh', 'sad']) },
  'sequence-removed': { after: (m) => void (m.sequences = []) },
  'sequence-added': { after: (m) => void m.sequences.push({ schema: null, name: 'ticket_seq', key: 'ticket_seq', dataType: 'integer', ownedBy: null }) },
  'trigger-removed': { after: (m) => void (m.triggers = []) },
  'trigger-added': { after: (m) => void m.triggers.push({ ...m.triggers[0]!, name: 'users_touch', timing: 'before', events: ['insert', 'update'] }) },
  'trigger-changed': { after: (m) => void (m.triggers[0]!.events = ['insert', 'update']) },
  'exclusion-added': {
    after: (m) => void (users(m).exclusions = [{ name: 'users_name_excl', method: 'gist', elements: [{ element: 'name', operator: '=' }], predicate: null }]),
  },
  'exclusion-removed': {
    before: (m) => void (users(m).exclusions = [{ name: 'users_name_excl', method: 'gist', elements: [{ element: 'name', operator: '=' }], predicate: null }]),
    after: () => {},
  },
};

/** The model documents of a rule's example, for rules without a JSON-format case. */
export function modelRuleExample(ruleId: string): { before: DatabaseModelDocument; after: DatabaseModelDocument } | undefined {
  const testCase = modelRuleCases[ruleId];
  if (!testCase) return undefined;
  const before = baseModel();
  testCase.before?.(before);
  const after = baseModel();
  testCase.after(after);
  return { before: databaseModelDocument('example', before), after: databaseModelDocument('example', after) };
}

import { apiRule } from './api-rule.js';
import { idParam, jsonResponse, openApi } from './example-documents.js';

/**
 * Named schemas (`components.schemas`, Swagger `definitions`). Their changes are reported where
 * operations reach them, by the schema and property rules; on their own, only their presence.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const withSchemas = (response: string, schemas: Record<string, unknown>) =>
  openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref(response)) } } } }, { components: { schemas } });

export const componentRules = [
  apiRule({
    id: 'api-schema-removed',
    change: 'schema.removed',
    severity: 'non_breaking',
    title: 'Named schema removed',
    description:
      'A schema under components (or definitions) is gone. What operations send and return is compared where they use schemas, so this finding is about SDKs: code generated from the description loses the type when regenerated.',
    safeAlternative: 'Keep the schema, deprecated, for one release after the last operation stops using it.',
    examples: [
      {
        name: 'LegacyPet dropped',
        before: withSchemas('Pet', { Pet: { type: 'object' }, LegacyPet: { type: 'object' } }),
        after: withSchemas('Pet', { Pet: { type: 'object' } }),
      },
    ],
    describe: (c) => `Schema '${c.subject}' removed`,
    impact: 'Regenerated SDKs lose the type',
    migration: 'Tell SDK users which type replaces it',
  }),
  apiRule({
    id: 'api-schema-added',
    change: 'schema.added',
    severity: 'additive',
    title: 'Named schema added',
    description: 'A new schema under components (or definitions).',
    safeAlternative: 'Nothing to make safe.',
    examples: [
      {
        name: 'Owner added',
        before: withSchemas('Pet', { Pet: { type: 'object' } }),
        after: withSchemas('Pet', { Pet: { type: 'object' }, Owner: { type: 'object' } }),
      },
    ],
    describe: (c) => `Schema '${c.subject}' added`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
];

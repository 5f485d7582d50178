import { defineRule } from '@migration-architect/core';
import { API_CHANGE, detailsOf, type SchemaDetails } from '../change-kinds.js';
import { describeUsage, usedOperations } from '../schema-usage.js';
import { idParam, jsonResponse, openApi, ref, userDocument } from './example-documents.js';

export const modelRemoved = defineRule({
  id: 'model-removed',
  issueType: 'model_removed',
  change: API_CHANGE.schemaRemoved,
  severity: 'potentially_breaking',
  title: 'Model removed',
  description:
    'A component schema (model) is gone. Operations that used it now use something else, and those changes are reported on the operations; what remains is client code generated from the document, which loses the type when regenerated. Removing a model no operation used is non-breaking. The seed ignored removed models.',
  safeAlternative: 'Keep the model in the document, marked deprecated, for one release after the last operation stops using it.',
  examples: [
    {
      name: 'replaced model dropped',
      before: openApi(
        { '/users/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref('LegacyUser')) } } } },
        { LegacyUser: { type: 'object' }, User: { type: 'object' } },
      ),
      after: userDocument({ type: 'object' }),
    },
  ],
  classify: (change) => {
    const { schema, usage } = detailsOf<SchemaDetails>(change);
    const operations = usedOperations(usage);
    return {
      severity: operations.length ? 'potentially_breaking' : 'non_breaking',
      description: `Model '${schema}' removed (it was ${describeUsage(usage)})`,
      impact: operations.length
        ? 'Client code generated from the previous document loses this type when regenerated'
        : 'None: no operation used the model',
      suggestedMigration: 'Keep the model as deprecated for one release, or tell SDK users which model replaces it',
      affectedOperations: operations,
    };
  },
});

export const modelAdded = defineRule({
  id: 'model-added',
  issueType: 'model_added',
  change: API_CHANGE.schemaAdded,
  severity: 'additive',
  title: 'Model added',
  description: 'A new component schema (model). Nothing that existed changes. The seed did not count new models.',
  safeAlternative: 'Nothing to make safe.',
  examples: [
    {
      name: 'new Address model',
      before: userDocument({ type: 'object' }),
      after: userDocument({ type: 'object' }, { Address: { type: 'object', properties: { city: { type: 'string' } } } }),
    },
  ],
  classify: (change) => {
    const { schema, usage } = detailsOf<SchemaDetails>(change);
    return {
      description: `New model '${schema}' (${describeUsage(usage)})`,
      impact: 'None for existing clients',
      suggestedMigration: 'Regenerate client SDKs to expose the model',
      affectedOperations: usedOperations(usage),
    };
  },
});

export const compositionChanged = defineRule({
  id: 'schema-composition-changed',
  issueType: 'schema_composition_changed',
  change: API_CHANGE.compositionChanged,
  severity: 'potentially_breaking',
  title: 'Schema composition changed',
  description:
    'The allOf, oneOf or anyOf list of a schema changed. Composition is not compared member by member yet: depending on the change, values that were valid may no longer be, or clients may meet variants they cannot parse.',
  safeAlternative: 'Add variants only behind a discriminator clients already handle, and never remove one in place.',
  examples: [
    {
      name: 'oneOf variant dropped',
      before: userDocument({ oneOf: [ref('Person'), ref('Organization')] }, { Person: { type: 'object' }, Organization: { type: 'object' } }),
      after: userDocument({ oneOf: [ref('Person')] }, { Person: { type: 'object' }, Organization: { type: 'object' } }),
    },
  ],
  classify: (change) => {
    const { schema, usage, keyword } = detailsOf<SchemaDetails>(change);
    return {
      description: `${keyword} of '${change.subject}' changed in model '${schema}'`,
      impact: 'Clients may receive variants they cannot parse, or send values no longer accepted',
      suggestedMigration: 'Review the variants by hand; version the API if one was removed or changed',
      affectedOperations: usedOperations(usage),
    };
  },
});

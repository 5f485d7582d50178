import { defineRule } from '@migration-architect/core';
import { API_CHANGE, detailsOf, type ResponseDetails } from '../change-kinds.js';
import { idParam, jsonResponse, ok, openApi, ref, userDocument } from './example-documents.js';

const isSuccess = (status: string) => /^2/.test(status);

export const responseSchemaChanged = defineRule({
  id: 'response-schema-changed',
  issueType: 'response_schema_changed',
  change: API_CHANGE.responseSchemaChanged,
  severity: 'potentially_breaking',
  title: 'Response schema changed',
  description:
    'The JSON schema of a response changed as written: it references a different model, or its inline schema differs. Clients parsing the response fail if a shape they read is gone. Changes inside a referenced model are reported once, per property, under components.schemas, not at every response using it.',
  safeAlternative: 'Return the new shape under a new API version or media-type version, and keep the old one for existing clients.',
  examples: [
    {
      name: 'response switches model',
      before: userDocument({ type: 'object' }, { UserV2: { type: 'object' } }),
      after: openApi(
        { '/users/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref('UserV2')) } } } },
        { User: { type: 'object' }, UserV2: { type: 'object' } },
      ),
    },
  ],
  classify: (change) => {
    const { operation, status, fromRef, toRef } = detailsOf<ResponseDetails>(change);
    const refs = fromRef !== undefined && toRef !== undefined ? `: ${fromRef} replaced by ${toRef}` : '';
    return {
      description: `Response schema changed for ${operation} (status ${status})${refs}`,
      impact: 'Client response parsing may fail',
      suggestedMigration: 'Implement versioned API responses',
      affectedOperations: [operation],
    };
  },
});

export const responseStatusRemoved = defineRule({
  id: 'response-status-removed',
  issueType: 'response_status_removed',
  change: API_CHANGE.responseRemoved,
  severity: 'breaking',
  title: 'Response status removed',
  description:
    'An operation no longer documents a response status. A removed success status (2xx) means clients expecting it now receive another one and treat the call as failed: breaking. A removed error status only leaves clients\' handling of it unused: non-breaking.',
  safeAlternative: 'Keep returning the documented success status; introduce a different one only in a new API version.',
  examples: [
    {
      name: '204 replaced by 202',
      before: openApi({ '/users/{id}': { delete: { parameters: [idParam], responses: { '204': { description: 'Deleted' } } } } }),
      after: openApi({ '/users/{id}': { delete: { parameters: [idParam], responses: { '202': { description: 'Deletion scheduled' } } } } }),
    },
  ],
  classify: (change) => {
    const { operation, status } = detailsOf<ResponseDetails>(change);
    const success = isSuccess(status);
    return {
      severity: success ? 'breaking' : 'non_breaking',
      description: `Response status ${status} removed from ${operation}`,
      impact: success
        ? 'Clients expecting this success status will treat the call as failed'
        : 'None: clients no longer receive this error status',
      suggestedMigration: success ? 'Keep returning the previous success status, or version the operation' : 'Nothing to migrate',
      affectedOperations: [operation],
    };
  },
});

export const responseStatusAdded = defineRule({
  id: 'response-status-added',
  issueType: 'response_status_added',
  change: API_CHANGE.responseAdded,
  severity: 'additive',
  title: 'Response status added',
  description:
    'An operation documents a new response status. Clients handle unknown statuses by their class (2xx, 4xx, 5xx), so this is additive; a new status often documents behaviour that already existed.',
  safeAlternative: 'Nothing to make safe; tell clients what the status means and how to react to it.',
  examples: [
    {
      name: '404 documented',
      before: openApi({ '/users/{id}': { get: { parameters: [idParam], responses: ok } } }),
      after: openApi({ '/users/{id}': { get: { parameters: [idParam], responses: { ...ok, '404': { description: 'Not found' } } } } }),
    },
  ],
  classify: (change) => {
    const { operation, status } = detailsOf<ResponseDetails>(change);
    return {
      description: `Response status ${status} added to ${operation}`,
      impact: 'Clients without specific handling treat it by its status class',
      suggestedMigration: 'Document when the status is returned',
      affectedOperations: [operation],
    };
  },
});

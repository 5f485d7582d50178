import { defineRule } from '@migration-architect/core';
import { API_CHANGE, detailsOf, type RequestBodyDetails } from '../change-kinds.js';
import { idParam, jsonBody, ok, openApi } from './example-documents.js';

export const requestBodyMadeRequired = defineRule({
  id: 'request-body-made-required',
  issueType: 'request_body_made_required',
  change: API_CHANGE.requestBodyMadeRequired,
  severity: 'breaking',
  title: 'Request body made required',
  description:
    'An operation now requires a request body: an optional body became required, or a required body was added where there was none. Requests sent without a body, valid until now, are rejected.',
  safeAlternative: 'Keep the body optional and apply defaults when it is absent; require it only in a new API version.',
  examples: [
    {
      name: 'body becomes mandatory',
      before: openApi({ '/users/{id}/verify-email': { post: { parameters: [idParam], requestBody: jsonBody({ type: 'object' }, false), responses: ok } } }),
      after: openApi({ '/users/{id}/verify-email': { post: { parameters: [idParam], requestBody: jsonBody({ type: 'object' }, true), responses: ok } } }),
    },
  ],
  classify: (change) => {
    const { operation, added } = detailsOf<RequestBodyDetails>(change);
    return {
      description: added ? `${operation} now requires a request body it did not accept before` : `Request body of ${operation} is now required`,
      impact: 'Client requests without a body will fail validation',
      suggestedMigration: 'Accept requests without a body and apply defaults until every client sends one',
      affectedOperations: [operation],
    };
  },
});

export const requestBodyAdded = defineRule({
  id: 'request-body-added',
  issueType: 'request_body_added',
  change: API_CHANGE.requestBodyAdded,
  severity: 'additive',
  title: 'Optional request body added',
  description: 'An operation accepts a new optional request body. Requests without a body stay valid.',
  safeAlternative: 'Nothing to make safe; document what the server does without a body.',
  examples: [
    {
      name: 'optional body accepted',
      before: openApi({ '/users/{id}/verify-email': { post: { parameters: [idParam], responses: ok } } }),
      after: openApi({ '/users/{id}/verify-email': { post: { parameters: [idParam], requestBody: jsonBody({ type: 'object' }, false), responses: ok } } }),
    },
  ],
  classify: (change) => {
    const { operation } = detailsOf<RequestBodyDetails>(change);
    return {
      description: `${operation} accepts a new optional request body`,
      impact: 'None for existing clients',
      suggestedMigration: 'Document the body and the behaviour without it',
      affectedOperations: [operation],
    };
  },
});

export const requestBodyRemoved = defineRule({
  id: 'request-body-removed',
  issueType: 'request_body_removed',
  change: API_CHANGE.requestBodyRemoved,
  severity: 'potentially_breaking',
  title: 'Request body removed',
  description:
    'An operation no longer declares a request body. Clients still send one; most servers ignore it, but the data it carried is no longer processed, and strict servers reject the request (400 or 415).',
  safeAlternative: 'Keep accepting and ignoring the body, with a deprecation warning, until clients stop sending it.',
  examples: [
    {
      name: 'body no longer declared',
      before: openApi({ '/users/{id}/verify-email': { post: { parameters: [idParam], requestBody: jsonBody({ type: 'object' }, false), responses: ok } } }),
      after: openApi({ '/users/{id}/verify-email': { post: { parameters: [idParam], responses: ok } } }),
    },
  ],
  classify: (change) => {
    const { operation } = detailsOf<RequestBodyDetails>(change);
    return {
      description: `Request body removed from ${operation}`,
      impact: 'Data clients send in the body is no longer processed; strict servers reject such requests',
      suggestedMigration: 'Accept and ignore the body during a deprecation period',
      affectedOperations: [operation],
    };
  },
});

export const requestBodySchemaChanged = defineRule({
  id: 'request-body-schema-changed',
  issueType: 'request_body_schema_changed',
  change: API_CHANGE.requestBodySchemaChanged,
  severity: 'potentially_breaking',
  title: 'Request body schema changed',
  description:
    'The JSON schema of a request body changed as written: it references a different model, or its inline schema differs. Whether clients break depends on the difference. Changes inside a referenced model are reported per property under components.schemas instead.',
  safeAlternative: 'Keep accepting the previous body shape next to the new one, or version the operation.',
  examples: [
    {
      name: 'inline body renames a field',
      before: openApi({ '/users': { post: { requestBody: jsonBody({ type: 'object', properties: { name: { type: 'string' } } }), responses: ok } } }),
      after: openApi({ '/users': { post: { requestBody: jsonBody({ type: 'object', properties: { full_name: { type: 'string' } } }), responses: ok } } }),
    },
  ],
  classify: (change) => {
    const { operation } = detailsOf<RequestBodyDetails>(change);
    return {
      description: `Request body schema changed for ${operation}`,
      impact: 'Requests built for the previous schema may fail validation',
      suggestedMigration: 'Accept both body shapes during a transition, or version the operation',
      affectedOperations: [operation],
    };
  },
});

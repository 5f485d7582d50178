import { defineRule } from '@migration-architect/core';
import { API_CHANGE, detailsOf, type OperationDetails } from '../change-kinds.js';
import { idParam, ok, openApi } from './example-documents.js';

export const endpointRemoved = defineRule({
  id: 'endpoint-removed',
  issueType: 'endpoint_removed',
  change: API_CHANGE.operationRemoved,
  severity: 'breaking',
  title: 'Endpoint removed',
  description:
    'A path is gone with all its methods. Every client calling it gets 404 instead of a response, and nothing on the client side can compensate, so every caller breaks.',
  safeAlternative:
    'Deprecate first: mark the operation `deprecated: true`, send `Deprecation` and `Sunset` headers, wait until its traffic reaches zero, and remove it in a new major version; or keep a stub that redirects (308) to the replacement.',
  examples: [
    {
      name: 'path removed',
      before: openApi({ '/users': { get: { responses: ok } }, '/users/logout': { post: { responses: ok } } }),
      after: openApi({ '/users': { get: { responses: ok } } }),
    },
  ],
  when: (change) => detailsOf<OperationDetails>(change).pathRemoved === true,
  classify: (change) => {
    const { method, path, operation } = detailsOf<OperationDetails>(change);
    return {
      description: `Endpoint ${method.toUpperCase()} ${path} has been removed`,
      impact: 'Client requests to this endpoint will fail with 404',
      suggestedMigration: 'Implement redirect to replacement endpoint or maintain backward compatibility stub',
      affectedOperations: [operation],
    };
  },
});

export const methodRemoved = defineRule({
  id: 'method-removed',
  issueType: 'method_removed',
  change: API_CHANGE.operationRemoved,
  severity: 'breaking',
  title: 'Method removed from an existing path',
  description:
    'One method of a path that still exists is gone. Callers of that method get 405 Method Not Allowed while the other methods keep working. The seed missed this case: it only looked for paths that disappeared entirely.',
  safeAlternative:
    'Keep serving the method, marked deprecated with a `Sunset` header, until its traffic reaches zero; or answer it with a redirect to the replacement operation.',
  examples: [
    {
      name: 'DELETE dropped, GET kept',
      before: openApi({ '/users/{id}': { get: { parameters: [idParam], responses: ok }, delete: { parameters: [idParam], responses: ok } } }),
      after: openApi({ '/users/{id}': { get: { parameters: [idParam], responses: ok } } }),
    },
  ],
  when: (change) => detailsOf<OperationDetails>(change).pathRemoved !== true,
  classify: (change) => {
    const { method, path, operation } = detailsOf<OperationDetails>(change);
    return {
      description: `Method ${method.toUpperCase()} removed from ${path}, which still exists`,
      impact: 'Client requests with this method will fail with 405 Method Not Allowed',
      suggestedMigration: `Keep ${method.toUpperCase()} ${path} serving as a deprecated operation until no client calls it, then remove it in a new major version`,
      affectedOperations: [operation],
    };
  },
});

export const endpointAdded = defineRule({
  id: 'endpoint-added',
  issueType: 'endpoint_added',
  change: API_CHANGE.operationAdded,
  severity: 'additive',
  title: 'Endpoint added',
  description:
    'A new operation, on a new path or as a new method on an existing path. Existing clients do not call it, so nothing they do changes. The seed did not count additions.',
  safeAlternative: 'Nothing to make safe; document the operation and release client SDKs that expose it.',
  examples: [
    {
      name: 'new path',
      before: openApi({ '/users': { get: { responses: ok } } }),
      after: openApi({ '/users': { get: { responses: ok } }, '/users/{id}/verify-phone': { post: { parameters: [idParam], responses: ok } } }),
    },
  ],
  classify: (change) => {
    const { method, path, operation, pathAdded } = detailsOf<OperationDetails>(change);
    return {
      description: pathAdded
        ? `New endpoint ${method.toUpperCase()} ${path}`
        : `New method ${method.toUpperCase()} on existing path ${path}`,
      impact: 'None for existing clients',
      suggestedMigration: 'Document the endpoint and publish client SDK updates',
      affectedOperations: [operation],
    };
  },
});

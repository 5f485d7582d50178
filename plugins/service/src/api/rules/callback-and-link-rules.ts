import { apiRule } from './api-rule.js';
import { ok } from './example-documents.js';

/**
 * Callbacks (requests the API sends to a URL the client gave) and response links (where a client
 * may go next). A callback's request is compared like a webhook's, in the response direction:
 * the API writes it, the subscriber reads it.
 */

const v31 = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 'Pets', version: '1' }, paths });
const subscribe = (callbacks: Record<string, unknown>) =>
  v31({ '/subscriptions': { post: { responses: { '201': { description: 'Created' } }, ...(Object.keys(callbacks).length ? { callbacks } : {}) } } });
const onEvent = {
  '{$request.body#/callbackUrl}': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } },
};
const withLinks = (links: Record<string, unknown>) =>
  v31({
    '/pets': { post: { responses: { '201': { description: 'Created', links } } } },
    '/pets/{id}': { get: { operationId: 'getPet', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } },
  });
const toPet = (parameter: string) => ({ operationId: 'getPet', parameters: { id: parameter } });

export const callbackAndLinkRules = [
  apiRule({
    id: 'callback-removed',
    change: 'callback.removed',
    severity: 'breaking',
    title: 'Callback removed',
    description: 'The API no longer sends a callback request clients subscribed to; their integrations stop receiving it.',
    safeAlternative: 'Keep sending the callback (deprecated) until subscribers have moved.',
    examples: [{ name: 'onEvent dropped', before: subscribe({ onEvent }), after: subscribe({}) }],
    describe: (c) => `Callback ${c.subject} removed`,
    impact: 'Subscribers no longer receive the callback',
    migration: 'Keep sending the callback until subscribers move',
  }),
  apiRule({
    id: 'callback-added',
    change: 'callback.added',
    severity: 'additive',
    title: 'Callback added',
    description: 'An operation documents a new callback. Existing subscribers are unaffected.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'onEvent added', before: subscribe({}), after: subscribe({ onEvent }) }],
    describe: (c) => `New callback ${c.subject}`,
    impact: 'None for existing clients',
    migration: 'Document the callback',
  }),
  apiRule({
    id: 'response-link-removed',
    change: 'response.link-removed',
    severity: 'potentially_breaking',
    title: 'Response link removed',
    description: 'A response no longer documents a link (where a client goes next with values from it). Clients or SDKs that follow it lose the way.',
    safeAlternative: 'Keep the link while the operation it leads to exists.',
    examples: [{ name: 'link dropped', before: withLinks({ pet: toPet('$response.body#/id') }), after: withLinks({}) }],
    describe: (c) => `Link removed: ${c.subject}`,
    impact: 'Clients following the link lose it',
    migration: 'Restore the link',
  }),
  apiRule({
    id: 'response-link-changed',
    change: 'response.link-changed',
    severity: 'potentially_breaking',
    title: 'Response link changed',
    description: 'A response link now leads to another operation or passes other parameters.',
    safeAlternative: 'Add a new link; keep the old one.',
    examples: [
      { name: 'link parameter changed', before: withLinks({ pet: toPet('$response.body#/id') }), after: withLinks({ pet: toPet('$response.body#/petId') }) },
    ],
    describe: (c) => `Link changed: ${c.subject}`,
    impact: 'Clients following the link reach another operation or send other values',
    migration: 'Keep the old link beside the new one',
  }),
  apiRule({
    id: 'response-link-added',
    change: 'response.link-added',
    severity: 'additive',
    title: 'Response link added',
    description: 'A response documents a new link.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'link added', before: withLinks({}), after: withLinks({ pet: toPet('$response.body#/id') }) }],
    describe: (c) => `New link: ${c.subject}`,
    impact: 'None for existing clients',
    migration: 'Document the link',
  }),
];

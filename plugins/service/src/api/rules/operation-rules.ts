import type { ApiChangeDetails } from '../diff/change-details.js';
import { apiRule } from './api-rule.js';
import { idParam, ok, openApi } from './example-documents.js';

/** Paths, operations and webhooks: existence, deprecation, sunset, stability, operationId, tags. */

interface Removal extends ApiChangeDetails {
  pathRemoved: boolean;
  deprecated: boolean;
  sunset: string | undefined;
}

const pets = { get: { responses: ok } };
const logout = { post: { responses: ok } };
const petById = (extra: Record<string, unknown> = {}) => ({
  get: { parameters: [idParam], responses: ok },
  delete: { parameters: [idParam], responses: ok, ...extra },
});
const DEPRECATE_FIRST =
  'Deprecate first: mark the operation `deprecated: true` with an `x-sunset` date, send `Deprecation` and `Sunset` headers, wait until its traffic reaches zero, then remove it.';
const sunsetNote = (d: Removal) => (d.sunset ? ` (sunset ${d.sunset})` : '');

export const operationRules = [
  apiRule<Removal>({
    id: 'api-path-removed-without-deprecation',
    change: 'endpoint.removed',
    severity: 'breaking',
    title: 'Path removed without deprecation',
    description: 'A path is gone with all its methods and was not deprecated first. Every client calling it gets 404.',
    safeAlternative: DEPRECATE_FIRST,
    examples: [{ name: 'path removed', before: openApi({ '/pets': pets, '/logout': logout }), after: openApi({ '/pets': pets }) }],
    when: (d) => d.pathRemoved && !d.deprecated,
    describe: (c) => `Endpoint ${c.subject} removed (its whole path is gone) without being deprecated first`,
    impact: 'Requests to the endpoint fail with 404',
    migration: 'Restore the endpoint as deprecated, or redirect (308) to its replacement, until no client calls it',
  }),
  apiRule<Removal>({
    id: 'api-path-removed-with-deprecation',
    change: 'endpoint.removed',
    severity: 'non_breaking',
    title: 'Deprecated path removed',
    description: 'A path whose operations were deprecated is gone. Clients were told; removing a deprecated operation is the expected end of its life.',
    safeAlternative: 'Check the traffic of the deprecated operation is zero before removing it.',
    examples: [
      {
        name: 'deprecated path removed',
        before: openApi({ '/pets': pets, '/logout': { post: { deprecated: true, responses: ok } } }),
        after: openApi({ '/pets': pets }),
      },
    ],
    when: (d) => d.pathRemoved && d.deprecated,
    describe: (c, d) => `Deprecated endpoint ${c.subject}${sunsetNote(d)} removed with its path`,
    impact: 'Clients still calling it get 404; they were warned by the deprecation',
    migration: 'Nothing to migrate',
  }),
  apiRule<Removal>({
    id: 'api-removed-with-deprecation',
    change: 'endpoint.removed',
    severity: 'non_breaking',
    title: 'Deprecated operation removed',
    description: 'A deprecated method of a path that still exists is gone. Removing a deprecated operation is the expected end of its life.',
    safeAlternative: 'Check the traffic of the deprecated operation is zero before removing it.',
    examples: [
      {
        name: 'deprecated DELETE removed',
        before: openApi({ '/pets/{id}': petById({ deprecated: true }) }),
        after: openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: ok } } }),
      },
    ],
    when: (d) => d.deprecated,
    describe: (c, d) => `Deprecated operation ${c.subject}${sunsetNote(d)} removed`,
    impact: 'Clients still calling it get 405; they were warned by the deprecation',
    migration: 'Nothing to migrate',
  }),
  apiRule<Removal>({
    id: 'api-removed-without-deprecation',
    change: 'endpoint.removed',
    severity: 'breaking',
    title: 'Operation removed without deprecation',
    description: 'One method of a path that still exists is gone, and it was not deprecated first. Callers get 405 Method Not Allowed.',
    safeAlternative: DEPRECATE_FIRST,
    examples: [
      {
        name: 'DELETE removed, GET kept',
        before: openApi({ '/pets/{id}': petById() }),
        after: openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: ok } } }),
      },
    ],
    describe: (c) => `Operation ${c.subject} removed without being deprecated first`,
    impact: 'Requests with this method fail with 405',
    migration: 'Keep the operation serving as deprecated until no client calls it',
  }),
  apiRule<ApiChangeDetails & { pathAdded: boolean }>({
    id: 'endpoint-added',
    change: 'endpoint.added',
    severity: 'additive',
    title: 'Endpoint added',
    description: 'A new operation, on a new path or as a new method of an existing one. Existing clients do not call it.',
    safeAlternative: 'Nothing to make safe; document it and publish SDKs that expose it.',
    examples: [{ name: 'new path', before: openApi({ '/pets': pets }), after: openApi({ '/pets': pets, '/logout': logout }) }],
    describe: (c, d) => (d.pathAdded ? `New endpoint ${c.subject}` : `New method ${c.subject} on an existing path`),
    impact: 'None for existing clients',
    migration: 'Document the endpoint',
  }),
  apiRule({
    id: 'webhook-removed',
    change: 'webhook.removed',
    severity: 'breaking',
    title: 'Webhook removed',
    description: 'The API no longer sends a webhook subscribers were promised; integrations waiting for it stop working.',
    safeAlternative: 'Keep sending the webhook (deprecated) until subscribers have moved to its replacement.',
    examples: [
      {
        name: 'webhook dropped',
        before: { openapi: '3.1.0', info: { title: 'Pets', version: '1' }, webhooks: { newPet: { post: { responses: ok } } } },
        after: { openapi: '3.1.0', info: { title: 'Pets', version: '1' }, webhooks: {} },
      },
    ],
    describe: (c) => `Webhook ${c.subject} removed`,
    impact: 'Subscribers no longer receive the event',
    migration: 'Keep sending the event until subscribers move',
  }),
  apiRule({
    id: 'webhook-added',
    change: 'webhook.added',
    severity: 'additive',
    title: 'Webhook added',
    description: 'The API documents a new webhook. Existing subscribers are unaffected.',
    safeAlternative: 'Nothing to make safe.',
    examples: [
      {
        name: 'new webhook',
        before: { openapi: '3.1.0', info: { title: 'Pets', version: '1' }, webhooks: {} },
        after: { openapi: '3.1.0', info: { title: 'Pets', version: '1' }, webhooks: { newPet: { post: { responses: ok } } } },
      },
    ],
    describe: (c) => `New webhook ${c.subject}`,
    impact: 'None for existing clients',
    migration: 'Document the event',
  }),
  apiRule<ApiChangeDetails & { sunset?: string }>({
    id: 'endpoint-deprecated',
    change: 'endpoint.deprecated',
    severity: 'non_breaking',
    title: 'Endpoint deprecated',
    description:
      'An operation is marked deprecated. Nothing changes yet; this starts the countdown to its removal. Give it an `x-sunset` date so clients know when.',
    safeAlternative: 'Nothing to make safe; announce the sunset date and the replacement.',
    examples: [
      {
        name: 'GET /pets deprecated',
        before: openApi({ '/pets': pets }),
        after: openApi({ '/pets': { get: { deprecated: true, 'x-sunset': '2030-01-01', responses: ok } } }),
      },
    ],
    describe: (c, d) => `Endpoint ${c.subject} deprecated${d.sunset ? ` (sunset ${d.sunset})` : ' without an x-sunset date'}`,
    impact: 'None yet',
    migration: 'Tell clients the replacement and the sunset date',
  }),
  apiRule({
    id: 'endpoint-reactivated',
    change: 'endpoint.reactivated',
    severity: 'non_breaking',
    title: 'Endpoint no longer deprecated',
    description: 'A deprecated operation is no longer deprecated.',
    safeAlternative: 'Nothing to make safe.',
    examples: [
      { name: 'deprecation withdrawn', before: openApi({ '/pets': { get: { deprecated: true, responses: ok } } }), after: openApi({ '/pets': pets }) },
    ],
    describe: (c) => `Endpoint ${c.subject} is no longer deprecated`,
    impact: 'None',
    migration: 'Nothing to migrate',
  }),
  apiRule<ApiChangeDetails & { earlier: boolean }>({
    id: 'api-sunset-date-changed',
    change: 'endpoint.sunset-changed',
    severity: 'potentially_breaking',
    title: 'Sunset date changed',
    description:
      'The `x-sunset` date of a deprecated operation moved. Later is non-breaking; earlier shortens the time clients were promised to migrate: potentially breaking.',
    safeAlternative: 'Only move sunset dates later.',
    examples: [
      {
        name: 'sunset brought forward',
        before: openApi({ '/pets': { get: { deprecated: true, 'x-sunset': '2030-06-01', responses: ok } } }),
        after: openApi({ '/pets': { get: { deprecated: true, 'x-sunset': '2030-01-01', responses: ok } } }),
      },
    ],
    severityOf: (d) => (d.earlier ? 'potentially_breaking' : 'non_breaking'),
    describe: (c) => `Sunset of ${c.subject} moved from ${String(c.before)} to ${String(c.after)}`,
    impact: (d) => (d.earlier ? 'Clients have less time to migrate than they were promised' : 'None'),
    migration: 'Keep the original sunset date',
  }),
  apiRule({
    id: 'api-stability-decreased',
    change: 'endpoint.stability-decreased',
    severity: 'breaking',
    title: 'Stability level decreased',
    description: 'The `x-stability-level` of an operation went down (stable → beta → alpha → draft): it no longer promises what clients built on.',
    safeAlternative: 'Keep the level; put experimental behaviour on a new operation.',
    examples: [
      {
        name: 'stable to beta',
        before: openApi({ '/pets': { get: { 'x-stability-level': 'stable', responses: ok } } }),
        after: openApi({ '/pets': { get: { 'x-stability-level': 'beta', responses: ok } } }),
      },
    ],
    describe: (c) => `Stability of ${c.subject} decreased from ${String(c.before)} to ${String(c.after)}`,
    impact: 'Clients built on the old promise may see changes without notice',
    migration: 'Keep the stability level',
  }),
  apiRule({
    id: 'api-stability-increased',
    change: 'endpoint.stability-increased',
    severity: 'non_breaking',
    title: 'Stability level increased',
    description: 'The `x-stability-level` of an operation went up (draft → alpha → beta → stable).',
    safeAlternative: 'Nothing to make safe.',
    examples: [
      {
        name: 'beta to stable',
        before: openApi({ '/pets': { get: { 'x-stability-level': 'beta', responses: ok } } }),
        after: openApi({ '/pets': { get: { 'x-stability-level': 'stable', responses: ok } } }),
      },
    ],
    describe: (c) => `Stability of ${c.subject} increased from ${String(c.before)} to ${String(c.after)}`,
    impact: 'None',
    migration: 'Nothing to migrate',
  }),
  apiRule({
    id: 'api-operation-id-changed',
    change: 'endpoint.operation-id-changed',
    severity: 'non_breaking',
    title: 'operationId changed',
    description:
      'The operationId of an operation was added, removed or renamed. Requests are unaffected; SDKs generated from the description rename the method when regenerated.',
    safeAlternative: 'Keep operationIds stable once published.',
    examples: [
      {
        name: 'listPets renamed',
        before: openApi({ '/pets': { get: { operationId: 'listPets', responses: ok } } }),
        after: openApi({ '/pets': { get: { operationId: 'getPets', responses: ok } } }),
      },
    ],
    describe: (c) => `operationId of ${c.subject} changed from ${String(c.before ?? 'none')} to ${String(c.after ?? 'none')}`,
    impact: 'Regenerated SDKs rename the method',
    migration: 'Tell SDK users the new method name',
  }),
  apiRule({
    id: 'api-tag-added',
    change: 'endpoint.tag-added',
    severity: 'non_breaking',
    title: 'Tag added to an operation',
    description: 'An operation gained a tag. Documentation and SDK grouping may change; requests do not.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'tagged', before: openApi({ '/pets': pets }), after: openApi({ '/pets': { get: { tags: ['pets'], responses: ok } } }) }],
    describe: (c) => `Tag '${String(c.after)}' added to ${c.subject}`,
    impact: 'None for requests',
    migration: 'Nothing to migrate',
  }),
  apiRule({
    id: 'api-tag-removed',
    change: 'endpoint.tag-removed',
    severity: 'non_breaking',
    title: 'Tag removed from an operation',
    description: 'An operation lost a tag. Documentation and SDK grouping may change; requests do not.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'untagged', before: openApi({ '/pets': { get: { tags: ['pets'], responses: ok } } }), after: openApi({ '/pets': pets }) }],
    describe: (c) => `Tag '${String(c.before)}' removed from ${c.subject}`,
    impact: 'None for requests',
    migration: 'Nothing to migrate',
  }),
];

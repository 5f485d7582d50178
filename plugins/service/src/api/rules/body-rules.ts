import type { ApiChangeDetails } from '../diff/change-details.js';
import { apiRule } from './api-rule.js';
import { idParam, json, jsonBody, jsonResponse, ok, openApi } from './example-documents.js';

/** Request bodies and responses as wholes: presence, required, media types, status codes, headers. Their schemas are schema and property rules. */

interface MediaDetails extends ApiChangeDetails {
  mediaType: string;
  success: boolean;
}
interface StatusDetails extends ApiChangeDetails {
  status: string;
  success: boolean;
}
interface HeaderDetails extends ApiChangeDetails {
  header: string;
  required: boolean;
}

const obj = { type: 'object' };
const post = (requestBody?: unknown) =>
  openApi({ '/pets': { post: { ...(requestBody ? { requestBody } : {}), responses: { '201': { description: 'Created' } } } } });
const get = (responses: unknown) => openApi({ '/pets/{id}': { get: { parameters: [idParam], responses } } });
const withHeader = (headers: Record<string, unknown>) => openApi({ '/pets': { get: { responses: { '200': { description: 'OK', headers } } } } });
const rateLimit = (required: boolean) => ({ 'X-Rate-Limit': { required, schema: { type: 'integer' } } });

export const requestBodyRules = [
  apiRule<ApiChangeDetails & { required: boolean }>({
    id: 'request-body-added-required',
    change: 'request-body.added',
    severity: 'breaking',
    title: 'Required request body added',
    description: 'An operation that took no body now requires one. Requests sent without a body are rejected.',
    safeAlternative: 'Add the body as optional and apply defaults when it is missing.',
    examples: [{ name: 'body now required', before: post(), after: post(jsonBody(obj, true)) }],
    when: (d) => d.required,
    describe: (c) => `${c.subject} added and required`,
    impact: 'Requests without a body are rejected',
    migration: 'Accept requests without a body until every client sends one',
  }),
  apiRule({
    id: 'request-body-added-optional',
    change: 'request-body.added',
    severity: 'additive',
    title: 'Optional request body added',
    description: 'An operation accepts a new optional body. Requests without one stay valid.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'optional body', before: post(), after: post(jsonBody(obj, false)) }],
    describe: (c) => `${c.subject} added (optional)`,
    impact: 'None for existing clients',
    migration: 'Document the body',
  }),
  apiRule({
    id: 'request-body-removed',
    change: 'request-body.removed',
    severity: 'potentially_breaking',
    title: 'Request body removed',
    description:
      'An operation no longer declares a request body. Clients still send one; most servers ignore it (the data is lost), strict ones reject the request with 400 or 415.',
    safeAlternative: 'Keep accepting and ignoring the body, with a deprecation notice, until clients stop sending it.',
    examples: [{ name: 'body dropped', before: post(jsonBody(obj, false)), after: post() }],
    describe: (c) => `${c.subject} removed`,
    impact: 'The data clients send is ignored, or the request is rejected',
    migration: 'Accept and ignore the body during a deprecation period',
  }),
  apiRule({
    id: 'request-body-became-required',
    change: 'request-body.became-required',
    severity: 'breaking',
    title: 'Request body became required',
    description: 'An optional request body is now required. Requests without a body are rejected.',
    safeAlternative: 'Keep the body optional with defaults; require it in a new API version.',
    examples: [{ name: 'body required', before: post(jsonBody(obj, false)), after: post(jsonBody(obj, true)) }],
    describe: (c) => `${c.subject} became required`,
    impact: 'Requests without a body are rejected',
    migration: 'Apply defaults when the body is missing',
  }),
  apiRule({
    id: 'request-body-became-optional',
    change: 'request-body.became-optional',
    severity: 'non_breaking',
    title: 'Request body became optional',
    description: 'A required request body is now optional.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'body optional', before: post(jsonBody(obj, true)), after: post(jsonBody(obj, false)) }],
    describe: (c) => `${c.subject} became optional`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
  apiRule<MediaDetails>({
    id: 'request-body-media-type-removed',
    change: 'request-body.media-type-removed',
    severity: 'breaking',
    title: 'Request body media type removed',
    description:
      'An operation no longer accepts a request content type (say application/xml, or form data). Clients sending it get 415 Unsupported Media Type.',
    safeAlternative: 'Keep accepting the media type until no client sends it.',
    examples: [
      { name: 'XML no longer accepted', before: post({ content: { ...json(obj), 'application/xml': { schema: obj } } }), after: post({ content: json(obj) }) },
    ],
    describe: (c) => `${c.subject} is no longer accepted`,
    impact: 'Requests with this content type are rejected (415)',
    migration: 'Keep accepting the media type during a transition',
  }),
  apiRule<MediaDetails>({
    id: 'request-body-media-type-added',
    change: 'request-body.media-type-added',
    severity: 'additive',
    title: 'Request body media type added',
    description: 'An operation accepts a new request content type.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'XML accepted', before: post({ content: json(obj) }), after: post({ content: { ...json(obj), 'application/xml': { schema: obj } } }) }],
    describe: (c) => `${c.subject} is now accepted`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
];

export const responseRules = [
  apiRule<StatusDetails>({
    id: 'response-success-status-removed',
    change: 'response.status-removed',
    severity: 'breaking',
    title: 'Success response status removed',
    description: 'An operation no longer documents a success status (2xx). Clients expecting it now receive another one and may treat the call as failed.',
    safeAlternative: 'Keep returning the documented status; change it only in a new API version.',
    examples: [
      {
        name: '200 no longer returned, 202 only',
        before: get({ '200': jsonResponse(obj), '202': { description: 'Accepted' } }),
        after: get({ '202': { description: 'Accepted' } }),
      },
    ],
    when: (d) => d.success,
    describe: (c) => `${c.subject} removed`,
    impact: 'Clients expecting this status treat the call as failed',
    migration: 'Keep returning the previous status',
  }),
  apiRule<StatusDetails>({
    id: 'response-non-success-status-removed',
    change: 'response.status-removed',
    severity: 'non_breaking',
    title: 'Non-success response status removed',
    description: "An operation no longer documents an error (or other non-2xx) status. Clients' handling of it goes unused.",
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: '404 undocumented', before: get({ ...ok, '404': { description: 'Not found' } }), after: get(ok) }],
    describe: (c) => `${c.subject} removed`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
  apiRule<StatusDetails>({
    id: 'response-success-status-added',
    change: 'response.status-added',
    severity: 'non_breaking',
    title: 'Success response status added',
    description: 'An operation documents a new success status. Clients handle unknown statuses by their class (2xx).',
    safeAlternative: 'Nothing to make safe; tell clients what the status means.',
    examples: [{ name: '202 documented', before: get(ok), after: get({ ...ok, '202': { description: 'Accepted' } }) }],
    when: (d) => d.success,
    describe: (c) => `${c.subject} added`,
    impact: 'Clients handle it by its status class',
    migration: 'Document when it is returned',
  }),
  apiRule<StatusDetails>({
    id: 'response-non-success-status-added',
    change: 'response.status-added',
    severity: 'non_breaking',
    title: 'Non-success response status added',
    description: 'An operation documents a new error (or other non-2xx) status; often it documents behaviour that already existed.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: '404 documented', before: get(ok), after: get({ ...ok, '404': { description: 'Not found' } }) }],
    describe: (c) => `${c.subject} added`,
    impact: 'Clients handle it by its status class',
    migration: 'Document when it is returned',
  }),
  apiRule<MediaDetails>({
    id: 'response-media-type-removed',
    change: 'response.media-type-removed',
    severity: 'breaking',
    title: 'Response media type removed',
    description:
      'A response no longer comes in a content type it offered (application/xml, text/csv, ...). Clients asking for it (Accept) get 406 or a body they cannot parse. For a non-success response only the error body format changes: non-breaking.',
    safeAlternative: 'Keep producing the media type until no client asks for it.',
    examples: [
      {
        name: 'XML no longer returned',
        before: get({ '200': { description: 'OK', content: { ...json(obj), 'application/xml': { schema: obj } } } }),
        after: get({ '200': jsonResponse(obj) }),
      },
    ],
    severityOf: (d) => (d.success ? 'breaking' : 'non_breaking'),
    describe: (c) => `${c.subject} is no longer returned`,
    impact: (d) => (d.success ? 'Clients asking for this media type can no longer get it' : 'None for existing clients'),
    migration: 'Keep producing the media type during a transition',
  }),
  apiRule<MediaDetails>({
    id: 'response-media-type-added',
    change: 'response.media-type-added',
    severity: 'non_breaking',
    title: 'Response media type added',
    description:
      'A response is offered in a new content type. Clients that send a precise Accept header are unaffected; clients that accept anything may receive the new type.',
    safeAlternative: 'Keep the previous media type the default.',
    examples: [
      {
        name: 'XML offered',
        before: get({ '200': jsonResponse(obj) }),
        after: get({ '200': { description: 'OK', content: { ...json(obj), 'application/xml': { schema: obj } } } }),
      },
    ],
    describe: (c) => `${c.subject} is now offered`,
    impact: 'None for clients that ask for a media type',
    migration: 'Nothing to migrate',
  }),
  apiRule<HeaderDetails>({
    id: 'required-response-header-removed',
    change: 'response.header-removed',
    severity: 'breaking',
    title: 'Required response header removed',
    description: 'A header every response carried is gone. Clients reading it (rate limits, pagination links, ETags) fail.',
    safeAlternative: 'Keep sending the header until no client reads it.',
    examples: [{ name: 'X-Rate-Limit dropped', before: withHeader(rateLimit(true)), after: withHeader({}) }],
    when: (d) => d.required,
    describe: (c) => `${c.subject} removed (it was required)`,
    impact: 'Clients reading the header fail',
    migration: 'Keep sending the header',
  }),
  apiRule<HeaderDetails>({
    id: 'optional-response-header-removed',
    change: 'response.header-removed',
    severity: 'potentially_breaking',
    title: 'Optional response header removed',
    description: 'An optional response header is no longer documented. Clients that use it when present lose it.',
    safeAlternative: 'Keep sending the header until no client reads it.',
    examples: [{ name: 'optional header dropped', before: withHeader(rateLimit(false)), after: withHeader({}) }],
    describe: (c) => `${c.subject} removed`,
    impact: 'Clients that use the header lose it',
    migration: 'Keep sending the header',
  }),
  apiRule<HeaderDetails>({
    id: 'response-header-added',
    change: 'response.header-added',
    severity: 'additive',
    title: 'Response header added',
    description: 'Responses carry a new header. Clients ignore headers they do not know.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'X-Rate-Limit added', before: withHeader({}), after: withHeader(rateLimit(true)) }],
    describe: (c) => `${c.subject} added`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
  apiRule<HeaderDetails>({
    id: 'response-header-became-optional',
    change: 'response.header-became-optional',
    severity: 'breaking',
    title: 'Response header became optional',
    description: 'A header every response carried may now be missing. Clients that read it unconditionally fail.',
    safeAlternative: 'Keep sending the header in every response.',
    examples: [{ name: 'X-Rate-Limit optional', before: withHeader(rateLimit(true)), after: withHeader(rateLimit(false)) }],
    describe: (c) => `${c.subject} became optional`,
    impact: 'Clients that assume the header is present fail',
    migration: 'Keep sending the header',
  }),
  apiRule<HeaderDetails>({
    id: 'response-header-became-required',
    change: 'response.header-became-required',
    severity: 'non_breaking',
    title: 'Response header became required',
    description: 'A response header is now always present.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'X-Rate-Limit always sent', before: withHeader(rateLimit(false)), after: withHeader(rateLimit(true)) }],
    describe: (c) => `${c.subject} became required`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
];

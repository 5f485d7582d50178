import type { ApiChangeDetails } from '../diff/change-details.js';
import { apiRule } from './api-rule.js';
import { ok, openApi } from './example-documents.js';

/** Request parameters as a whole: added, removed, moved, required, deprecated, serialized differently. Their values are schema rules. */

interface ParameterDetails extends ApiChangeDetails {
  name: string;
  in: string;
  required: boolean;
  deprecated?: boolean;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const list = (parameters: unknown[]) => openApi({ '/pets': { get: { parameters, responses: ok } } });
const q = (name: string, extra: Record<string, unknown> = {}) => ({ name, in: 'query', schema: { type: 'string' }, ...extra });

export const parameterRules = [
  apiRule<ParameterDetails>({
    id: 'new-required-request-parameter',
    change: 'parameter.added',
    severity: 'breaking',
    title: 'New required request parameter',
    description: 'An operation requires a parameter it did not have. Requests clients send today lack it and are rejected.',
    safeAlternative: 'Add the parameter as optional with a server-side default; make it required only in a new API version.',
    examples: [{ name: 'required filter', before: list([]), after: list([q('owner', { required: true })]) }],
    when: (d) => d.required,
    describe: (c, d) => `New required ${d.in} parameter '${d.name}' in ${d.operations[0]}`,
    impact: 'Requests without the parameter are rejected',
    migration: 'Make the parameter optional with a default until every client sends it',
  }),
  apiRule<ParameterDetails>({
    id: 'new-optional-request-parameter',
    change: 'parameter.added',
    severity: 'additive',
    title: 'New optional request parameter',
    description: 'An operation accepts a new optional parameter. Requests without it stay valid.',
    safeAlternative: 'Nothing to make safe; document the default the server applies.',
    examples: [{ name: 'optional filter', before: list([]), after: list([q('owner')]) }],
    describe: (c, d) => `New optional ${d.in} parameter '${d.name}' in ${d.operations[0]}`,
    impact: 'None for existing clients',
    migration: 'Document the parameter and its default',
  }),
  apiRule<ParameterDetails>({
    id: 'request-parameter-removed-with-deprecation',
    change: 'parameter.removed',
    severity: 'non_breaking',
    title: 'Deprecated request parameter removed',
    description: 'A parameter that was deprecated is no longer declared. Clients were told to stop sending it.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'deprecated filter dropped', before: list([q('owner', { deprecated: true })]), after: list([]) }],
    when: (d) => d.deprecated === true,
    describe: (c, d) => `Deprecated ${d.in} parameter '${d.name}' removed from ${d.operations[0]}`,
    impact: 'Values clients still send are ignored',
    migration: 'Nothing to migrate',
  }),
  apiRule<ParameterDetails>({
    id: 'request-parameter-removed',
    change: 'parameter.removed',
    severity: 'potentially_breaking',
    title: 'Request parameter removed',
    description:
      'An operation no longer declares a parameter. Servers usually ignore what they do not declare, so requests still succeed, but the value no longer acts: a filter or scope clients relied on is silently dropped. Strict servers reject the request.',
    safeAlternative: 'Deprecate the parameter first and keep honouring it until clients stop sending it.',
    examples: [{ name: 'filter dropped', before: list([q('owner')]), after: list([]) }],
    describe: (c, d) => `${capitalize(d.in)} parameter '${d.name}' removed from ${d.operations[0]}`,
    impact: 'The value clients send is ignored, or the request is rejected by a strict server',
    migration: 'Keep honouring the parameter, deprecated, until clients stop sending it',
  }),
  apiRule<ApiChangeDetails & { name: string; from: string; to: string; required: boolean }>({
    id: 'request-parameter-in-changed',
    change: 'parameter.moved',
    severity: 'breaking',
    title: 'Request parameter moved',
    description:
      'A parameter moved to another location (query to header, header to cookie, ...). Clients still send it where it was; the server no longer reads it there. Breaking when it is required at its new place, potentially breaking otherwise.',
    safeAlternative: 'Read the parameter from both places during a transition.',
    examples: [
      {
        name: 'query to header',
        before: list([q('tenant', { required: true })]),
        after: list([{ name: 'Tenant', in: 'header', required: true, schema: { type: 'string' } }]),
      },
    ],
    severityOf: (d) => (d.required ? 'breaking' : 'potentially_breaking'),
    describe: (c, d) => `Parameter '${d.name}' of ${d.operations[0]} moved from ${d.from} to ${d.to}`,
    impact: 'The server no longer reads the value where clients send it',
    migration: 'Accept the parameter in both places until clients have moved',
  }),
  apiRule<ParameterDetails>({
    id: 'request-parameter-became-required',
    change: 'parameter.became-required',
    severity: 'breaking',
    title: 'Request parameter became required',
    description: 'An optional parameter is now required. Requests that omit it are rejected.',
    safeAlternative: 'Keep it optional with a server-side default; require it in a new API version.',
    examples: [{ name: 'owner required', before: list([q('owner')]), after: list([q('owner', { required: true })]) }],
    describe: (c, d) => `${capitalize(d.in)} parameter '${d.name}' of ${d.operations[0]} became required`,
    impact: 'Requests without the parameter are rejected',
    migration: 'Apply a default when the parameter is missing',
  }),
  apiRule<ParameterDetails>({
    id: 'request-parameter-became-optional',
    change: 'parameter.became-optional',
    severity: 'non_breaking',
    title: 'Request parameter became optional',
    description: 'A required parameter is now optional. Every request that was valid still is.',
    safeAlternative: 'Nothing to make safe; document the default.',
    examples: [{ name: 'owner optional', before: list([q('owner', { required: true })]), after: list([q('owner')]) }],
    describe: (c, d) => `${capitalize(d.in)} parameter '${d.name}' of ${d.operations[0]} became optional`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
  apiRule<ParameterDetails>({
    id: 'request-parameter-deprecated',
    change: 'parameter.deprecated',
    severity: 'non_breaking',
    title: 'Request parameter deprecated',
    description: 'A parameter is marked deprecated. Nothing changes yet; clients should stop sending it.',
    safeAlternative: 'Nothing to make safe; announce when it will be removed.',
    examples: [{ name: 'owner deprecated', before: list([q('owner')]), after: list([q('owner', { deprecated: true })]) }],
    describe: (c, d) => `${capitalize(d.in)} parameter '${d.name}' of ${d.operations[0]} deprecated`,
    impact: 'None yet',
    migration: 'Tell clients what replaces it',
  }),
  apiRule<ParameterDetails>({
    id: 'request-parameter-reactivated',
    change: 'parameter.reactivated',
    severity: 'non_breaking',
    title: 'Request parameter no longer deprecated',
    description: 'A deprecated parameter is no longer deprecated.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'owner reactivated', before: list([q('owner', { deprecated: true })]), after: list([q('owner')]) }],
    describe: (c, d) => `${capitalize(d.in)} parameter '${d.name}' of ${d.operations[0]} is no longer deprecated`,
    impact: 'None',
    migration: 'Nothing to migrate',
  }),
  apiRule<ParameterDetails>({
    id: 'request-parameter-style-changed',
    change: 'parameter.style-changed',
    severity: 'potentially_breaking',
    title: 'Request parameter serialization changed',
    description:
      'The `style`, `explode` (or Swagger `collectionFormat`) of a parameter changed: the same values are written differently on the wire (`ids=1,2` vs `ids=1&ids=2`). Clients keep writing the old form, which the server may misread.',
    safeAlternative: 'Accept both serializations during a transition.',
    examples: [
      {
        name: 'exploded list',
        before: list([{ name: 'ids', in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string' } } }]),
        after: list([{ name: 'ids', in: 'query', style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } }]),
      },
    ],
    describe: (c, d) => `Serialization of ${d.in} parameter '${d.name}' of ${d.operations[0]} changed`,
    impact: 'The server may misread values clients serialize the old way',
    migration: 'Parse both forms until clients have moved',
  }),
];

import type { ApiChangeDetails } from '../diff/change-details.js';
import { apiRule } from './api-rule.js';
import { ok, openApi } from './example-documents.js';

/** Security requirements of operations (the document's or their own) and the security schemes themselves. */

const bearer = { bearer: { type: 'http', scheme: 'bearer' } };
const apiKey = { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } };
const oauth = (scopes: Record<string, string>, tokenUrl = 'https://auth.example.com/token') => ({
  oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes } } },
});
const secured = (security: unknown[] | undefined, schemes: Record<string, unknown> = { ...bearer, ...apiKey }) =>
  openApi({ '/pets': { get: { ...(security ? { security } : {}), responses: ok } } }, { components: { securitySchemes: schemes } });

interface RequirementDetails extends ApiChangeDetails {
  requirement: string;
  wasOpen?: boolean;
  nowOpen?: boolean;
}

export const securityRules = [
  apiRule<RequirementDetails>({
    id: 'api-security-added',
    change: 'security.added',
    severity: 'breaking',
    title: 'Security requirement added',
    description:
      'An operation accepts a new way to authenticate. When it accepted anonymous requests before, anonymous clients are now rejected with 401: breaking. When it already required authentication, the new alternative is one more option: non-breaking.',
    safeAlternative: 'Add authentication to an open operation only in a new API version, or accept anonymous requests alongside it for a while.',
    examples: [{ name: 'open operation now needs a token', before: secured(undefined), after: secured([{ bearer: [] }]) }],
    severityOf: (d) => (d.wasOpen ? 'breaking' : 'non_breaking'),
    describe: (c, d) => `${d.operations[0]} ${d.wasOpen ? 'now requires' : 'now also accepts'} ${d.requirement}`,
    impact: (d) => (d.wasOpen ? 'Requests without credentials are rejected (401)' : 'None for existing clients'),
    migration: 'Accept anonymous requests until every client authenticates',
  }),
  apiRule<RequirementDetails>({
    id: 'api-security-removed',
    change: 'security.removed',
    severity: 'potentially_breaking',
    title: 'Security requirement removed',
    description:
      'An operation no longer accepts one way to authenticate. Clients using it are rejected while others keep working. When no requirement remains the operation became open: non-breaking for clients.',
    safeAlternative: 'Keep accepting the old credentials until clients have moved.',
    examples: [{ name: 'API keys no longer accepted', before: secured([{ bearer: [] }, { key: [] }]), after: secured([{ bearer: [] }]) }],
    severityOf: (d) => (d.nowOpen ? 'non_breaking' : 'potentially_breaking'),
    describe: (c, d) => `${d.operations[0]} no longer accepts ${d.requirement}${d.nowOpen ? ' (it requires no authentication now)' : ''}`,
    impact: (d) => (d.nowOpen ? 'None for clients' : 'Clients authenticating this way are rejected'),
    migration: 'Accept both credentials during a transition',
  }),
  apiRule<ApiChangeDetails & { scheme: string; scopes: string[] }>({
    id: 'api-security-scope-added',
    change: 'security.scope-added',
    severity: 'potentially_breaking',
    title: 'Security scope added',
    description: 'An operation requires more OAuth scopes. Tokens issued with the old scopes are rejected (403) until clients ask for the new ones.',
    safeAlternative: 'Accept tokens with the old scopes during a transition.',
    examples: [
      {
        name: 'write scope required',
        before: secured([{ oauth: ['read'] }], oauth({ read: 'r', write: 'w' })),
        after: secured([{ oauth: ['read', 'write'] }], oauth({ read: 'r', write: 'w' })),
      },
    ],
    describe: (c, d) => `${d.operations[0]} requires more ${d.scheme} scopes: ${d.scopes.join(', ')}`,
    impact: 'Tokens without the new scopes are rejected',
    migration: 'Accept tokens without the new scope until clients re-authorize',
  }),
  apiRule<ApiChangeDetails & { scheme: string; scopes: string[] }>({
    id: 'api-security-scope-removed',
    change: 'security.scope-removed',
    severity: 'non_breaking',
    title: 'Security scope removed',
    description: 'An operation requires fewer OAuth scopes.',
    safeAlternative: 'Nothing to make safe.',
    examples: [
      {
        name: 'write scope no longer needed',
        before: secured([{ oauth: ['read', 'write'] }], oauth({ read: 'r', write: 'w' })),
        after: secured([{ oauth: ['read'] }], oauth({ read: 'r', write: 'w' })),
      },
    ],
    describe: (c, d) => `${d.operations[0]} requires fewer ${d.scheme} scopes: ${d.scopes.join(', ')} no longer needed`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
  apiRule({
    id: 'api-security-component-removed',
    change: 'security-scheme.removed',
    severity: 'non_breaking',
    title: 'Security scheme removed',
    description: 'A security scheme is no longer defined. Operations that used it report their own requirement changes; the scheme itself is documentation.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'API key scheme dropped', before: secured(undefined), after: secured(undefined, bearer) }],
    describe: (c) => `${c.subject} removed`,
    impact: 'None beyond the operations that used it',
    migration: 'Nothing to migrate',
  }),
  apiRule({
    id: 'api-security-component-added',
    change: 'security-scheme.added',
    severity: 'additive',
    title: 'Security scheme added',
    description: 'A new security scheme is defined.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'API key scheme added', before: secured(undefined, bearer), after: secured(undefined) }],
    describe: (c) => `${c.subject} added`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
  apiRule({
    id: 'api-security-component-type-changed',
    change: 'security-scheme.type-changed',
    severity: 'potentially_breaking',
    title: 'Security scheme type changed',
    description:
      'A security scheme changed kind (API key to bearer token, ...). Clients authenticating the old way are rejected by every operation that uses it.',
    safeAlternative: 'Add the new scheme under a new name and accept both.',
    examples: [{ name: 'key becomes bearer', before: secured(undefined, { auth: apiKey.key }), after: secured(undefined, { auth: bearer.bearer }) }],
    describe: (c) => `${c.subject} changed from ${String(c.before)} to ${String(c.after)}`,
    impact: 'Clients authenticating the old way are rejected',
    migration: 'Accept both schemes during a transition',
  }),
  apiRule({
    id: 'api-security-component-oauth-url-changed',
    change: 'security-scheme.oauth-url-changed',
    severity: 'potentially_breaking',
    title: 'OAuth URL changed',
    description: 'The authorization or token URL of an OAuth flow changed. Clients configured with the old URL fail to obtain tokens unless it still works.',
    safeAlternative: 'Keep the old URL working (a redirect) for a while.',
    examples: [
      {
        name: 'token URL moved',
        before: secured(undefined, oauth({ read: 'r' })),
        after: secured(undefined, oauth({ read: 'r' }, 'https://login.example.com/token')),
      },
    ],
    describe: (c) => `${c.subject}: OAuth URL changed`,
    impact: 'Clients with the old URL cannot obtain tokens if it stops working',
    migration: 'Redirect the old URL',
  }),
  apiRule<ApiChangeDetails & { scopes: string[] }>({
    id: 'api-security-component-oauth-scope-removed',
    change: 'security-scheme.oauth-scope-removed',
    severity: 'potentially_breaking',
    title: 'OAuth scope removed',
    description: 'An OAuth flow no longer offers a scope. Clients asking for it fail to authorize.',
    safeAlternative: 'Keep offering the scope (granting nothing more) until clients stop asking for it.',
    examples: [{ name: 'admin scope dropped', before: secured(undefined, oauth({ read: 'r', admin: 'a' })), after: secured(undefined, oauth({ read: 'r' })) }],
    describe: (c, d) => `${c.subject}: scopes removed: ${d.scopes.join(', ')}`,
    impact: 'Authorization requests asking for the scope fail',
    migration: 'Keep the scope defined',
  }),
  apiRule<ApiChangeDetails & { scopes: string[] }>({
    id: 'api-security-component-oauth-scope-added',
    change: 'security-scheme.oauth-scope-added',
    severity: 'additive',
    title: 'OAuth scope added',
    description: 'An OAuth flow offers a new scope.',
    safeAlternative: 'Nothing to make safe.',
    examples: [{ name: 'admin scope added', before: secured(undefined, oauth({ read: 'r' })), after: secured(undefined, oauth({ read: 'r', admin: 'a' })) }],
    describe: (c, d) => `${c.subject}: scopes added: ${d.scopes.join(', ')}`,
    impact: 'None for existing clients',
    migration: 'Nothing to migrate',
  }),
];

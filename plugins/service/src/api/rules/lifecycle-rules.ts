import type { ApiChangeDetails } from '../diff/change-details.js';
import type { SunsetVerdict } from '../lifecycle/deprecation-policy.js';
import { apiRule } from './api-rule.js';
import { idParam, ok, openApi } from './example-documents.js';

/**
 * The deprecation policy on a clock (`--now`, SOURCE_DATE_EPOCH): removals before the sunset
 * date, deprecations without a sunset or with too short a notice for their stability level, sunset
 * dates deleted, moved too close, or unreadable, and stability levels that are no level. The
 * notice periods and whether a sunset is required are the service plugin's `deprecation` option.
 * These rules come first: for a change kind the first matching rule classifies it.
 *
 * The examples are judged at the conformance clock, 1970-01-01, so their dates look old.
 */

interface Removal extends ApiChangeDetails {
  pathRemoved: boolean;
  deprecated: boolean;
  sunset: string | undefined;
  beforeSunset: boolean;
  now: string | undefined;
}

type Sunset = ApiChangeDetails & SunsetVerdict & { sunset?: string; earlier?: boolean };

const petById = (extra: Record<string, unknown> = {}) => ({
  get: { parameters: [idParam], responses: ok },
  delete: { parameters: [idParam], responses: ok, ...extra },
});
const onlyGet = { '/pets/{id}': { get: { parameters: [idParam], responses: ok } } };
const getPets = (extra: Record<string, unknown> = {}) => ({ '/pets': { get: { responses: ok, ...extra } } });
const KEEP_UNTIL_SUNSET = 'Keep serving the operation (deprecated) until its sunset date has passed, then remove it.';
const notice = (d: SunsetVerdict) =>
  d.daysLeft === undefined ? '' : ` ${d.daysLeft} day${d.daysLeft === 1 ? '' : 's'} ahead, the policy asks for ${d.noticeDays}`;

export const lifecycleRules = [
  apiRule<Removal>({
    id: 'api-path-removed-before-sunset',
    change: 'endpoint.removed',
    severity: 'breaking',
    title: 'Path removed before its sunset date',
    description: 'A deprecated path is gone before the `x-sunset` date it announced. Clients were promised it until then.',
    safeAlternative: KEEP_UNTIL_SUNSET,
    examples: [
      {
        name: 'removed before sunset',
        before: openApi({ ...getPets(), '/logout': { post: { deprecated: true, 'x-sunset': '2030-01-01', responses: ok } } }),
        after: openApi(getPets()),
      },
    ],
    when: (d) => d.pathRemoved && d.beforeSunset,
    describe: (c, d) => `Endpoint ${c.subject} removed with its path before its sunset ${d.sunset} (now ${d.now})`,
    impact: 'Clients that planned their migration by the sunset date get 404 early',
    migration: 'Restore the endpoint until its sunset date',
  }),
  apiRule<Removal>({
    id: 'api-removed-before-sunset',
    change: 'endpoint.removed',
    severity: 'breaking',
    title: 'Operation removed before its sunset date',
    description: 'A deprecated operation is gone before the `x-sunset` date it announced. Clients were promised it until then.',
    safeAlternative: KEEP_UNTIL_SUNSET,
    examples: [
      {
        name: 'DELETE removed before sunset',
        before: openApi({ '/pets/{id}': petById({ deprecated: true, 'x-sunset': '2030-01-01' }) }),
        after: openApi(onlyGet),
      },
    ],
    when: (d) => d.beforeSunset,
    describe: (c, d) => `Operation ${c.subject} removed before its sunset ${d.sunset} (now ${d.now})`,
    impact: 'Clients that planned their migration by the sunset date get 405 early',
    migration: 'Restore the operation until its sunset date',
  }),
  apiRule<ApiChangeDetails & { name: string; in: string; sunset: string; now: string; beforeSunset: boolean }>({
    id: 'request-parameter-removed-before-sunset',
    change: 'parameter.removed',
    severity: 'breaking',
    title: 'Request parameter removed before its sunset date',
    description: 'A deprecated parameter is no longer declared before the `x-sunset` date it announced.',
    safeAlternative: 'Keep accepting the parameter until its sunset date.',
    examples: [
      {
        name: 'deprecated filter dropped early',
        before: openApi({
          '/pets': {
            get: { parameters: [{ name: 'owner', in: 'query', deprecated: true, 'x-sunset': '2030-01-01', schema: { type: 'string' } }], responses: ok },
          },
        }),
        after: openApi(getPets()),
      },
    ],
    when: (d) => d.beforeSunset,
    describe: (_, d) => `Deprecated ${d.in} parameter '${d.name}' removed from ${d.operations[0]} before its sunset ${d.sunset} (now ${d.now})`,
    impact: 'Clients still sending it before the promised date are ignored or rejected',
    migration: 'Declare the parameter again until its sunset date',
  }),
  apiRule<Sunset>({
    id: 'api-deprecated-sunset-missing',
    change: 'endpoint.deprecated',
    severity: 'potentially_breaking',
    title: 'Deprecated without a sunset date',
    description:
      'An operation was deprecated without an `x-sunset` date, and the policy requires one for its stability level (a notice period above 0 days; `deprecation.requireSunset`).',
    safeAlternative: 'Give the deprecation an `x-sunset` date at least the notice period away.',
    examples: [{ name: 'deprecated, no sunset', before: openApi(getPets()), after: openApi(getPets({ deprecated: true })) }],
    when: (d) => d.missing,
    describe: (c, d) => `Endpoint ${c.subject} deprecated without an x-sunset date (the policy gives ${d.noticeDays} days of notice)`,
    impact: 'Clients cannot plan their migration: the operation may go at any time',
    migration: 'Add an x-sunset date to the deprecation',
  }),
  apiRule<Sunset>({
    id: 'api-sunset-date-too-small',
    change: 'endpoint.deprecated',
    severity: 'breaking',
    title: 'Sunset date too close',
    description: 'An operation was deprecated with an `x-sunset` date closer than the notice period its stability level is owed.',
    safeAlternative: 'Set the sunset at least the notice period after the deprecation.',
    examples: [
      { name: 'a month of notice for a stable operation', before: openApi(getPets()), after: openApi(getPets({ deprecated: true, 'x-sunset': '1970-02-01' })) },
    ],
    when: (d) => d.tooSoon,
    describe: (c, d) => `Endpoint ${c.subject} deprecated with sunset ${d.sunset}:${notice(d)}`,
    impact: 'Clients get less time to migrate than the policy promises',
    migration: 'Move the sunset date later',
  }),
  apiRule<Sunset>({
    id: 'api-sunset-date-changed-too-small',
    change: 'endpoint.sunset-changed',
    severity: 'breaking',
    title: 'Sunset date moved too close',
    description: 'The `x-sunset` date of a deprecated operation moved earlier, closer than the notice period its stability level is owed.',
    safeAlternative: 'Only move sunset dates later.',
    examples: [
      {
        name: 'sunset brought forward to next month',
        before: openApi(getPets({ deprecated: true, 'x-sunset': '2030-06-01' })),
        after: openApi(getPets({ deprecated: true, 'x-sunset': '1970-02-01' })),
      },
    ],
    when: (d) => d.earlier === true && d.tooSoon,
    describe: (c, d) => `Sunset of ${c.subject} moved from ${String(c.before)} to ${String(c.after)}:${notice(d)}`,
    impact: 'Clients have less time to migrate than they were promised',
    migration: 'Keep the original sunset date',
  }),
  apiRule({
    id: 'api-sunset-deleted',
    change: 'endpoint.sunset-deleted',
    severity: 'breaking',
    title: 'Sunset date deleted',
    description: 'A deprecated operation lost its `x-sunset` date: clients no longer know how long they may call it.',
    safeAlternative: 'Keep the sunset date; move it later if the operation stays longer.',
    examples: [
      { name: 'sunset dropped', before: openApi(getPets({ deprecated: true, 'x-sunset': '2030-01-01' })), after: openApi(getPets({ deprecated: true })) },
    ],
    describe: (c) => `Sunset ${String(c.before)} of deprecated ${c.subject} deleted`,
    impact: 'The promised date is gone; the operation may be removed any time',
    migration: 'Restore the sunset date',
  }),
  apiRule({
    id: 'api-sunset-parse',
    change: 'endpoint.sunset-invalid',
    severity: 'potentially_breaking',
    title: 'Sunset date does not parse',
    description:
      'An `x-sunset` (or `x-sunset-date`) is not a date: expected `YYYY-MM-DD`, an RFC 3339 date-time or an HTTP-date (`Sun, 01 Mar 2026 00:00:00 GMT`, as in the `Sunset` header of RFC 8594).',
    safeAlternative: 'Write the sunset as `YYYY-MM-DD`.',
    examples: [{ name: 'sunset in words', before: openApi(getPets()), after: openApi(getPets({ deprecated: true, 'x-sunset': 'next spring' })) }],
    describe: (c) => `x-sunset of ${c.subject} is not a date: ${String(c.after)}`,
    impact: 'Clients and tools cannot tell when the operation goes away',
    migration: 'Write the date as YYYY-MM-DD',
  }),
  apiRule({
    id: 'api-invalid-stability-level',
    change: 'endpoint.stability-invalid',
    severity: 'potentially_breaking',
    title: 'Invalid stability level',
    description: 'An `x-stability-level` is none of draft, alpha, beta, stable: the policy cannot tell what the operation promises.',
    safeAlternative: 'Use draft, alpha, beta or stable.',
    examples: [{ name: 'level misspelt', before: openApi(getPets()), after: openApi(getPets({ 'x-stability-level': 'stabel' })) }],
    describe: (c) => `x-stability-level of ${c.subject} is not a level: ${String(c.after)}`,
    impact: 'Breaking changes to the operation are judged as if it were stable',
    migration: 'Use draft, alpha, beta or stable',
  }),
];

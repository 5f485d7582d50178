import type { ChangeSeverity, CompatibilityRuleInput, SchemaChange } from '@migration-architect/core';
import type { ApiChangeDetails } from '../diff/change-details.js';
import type { Direction } from '../model/api-model.js';
import type { SchemaScope } from '../schema/schema-change-record.js';
import { apiRule } from './api-rule.js';
import { queryParameterDocument, requestPropertyDocument, responseHeaderDocument, responsePropertyDocument } from './example-documents.js';

/**
 * Rules for what a schema allows (type, nullability, enum, default, bounds, pattern), one per
 * direction × place × aspect, generated from one table so ids, levels and wording stay regular:
 * `request-parameter-max-decreased`, `response-property-enum-value-added`. The level follows the
 * direction: narrowing what a request accepts breaks senders, widening what a response returns
 * breaks readers, the mirror changes break nobody.
 */

type Level = ChangeSeverity | { parameter: ChangeSeverity; other: ChangeSeverity };

interface Aspect {
  /** Kind suffix: `max.decreased`; the id uses dashes: `max-decreased`. */
  kind: string;
  title: string;
  /** What changed, in a sentence. */
  what: string;
  request: Level;
  response: Level;
  /** Why the level, per direction. */
  requestWhy: string;
  responseWhy: string;
  before: unknown;
  after: unknown;
  safe: string;
}

const intMax = (maximum?: number) => ({ type: 'integer', ...(maximum === undefined ? {} : { maximum }) });
const intMin = (minimum?: number) => ({ type: 'integer', ...(minimum === undefined ? {} : { minimum }) });
const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });
const list = (extra: Record<string, unknown> = {}) => ({ type: 'array', items: { type: 'string' }, ...extra });

const NARROW_REQUEST = 'Requests that were valid may now be rejected.';
const WIDE_REQUEST = 'Every request that was valid still is.';
const WIDE_RESPONSE = 'Clients may now receive values they were not written for.';
const NARROW_RESPONSE = 'Clients receive a subset of what they already handle.';

function bounds(name: string, key: string, upper: boolean, value: (n?: number) => unknown, small: number, large: number): Aspect[] {
  const [narrowVerb, wideVerb] = upper ? ['decreased', 'increased'] : ['increased', 'decreased'];
  const [narrowFrom, narrowTo] = upper ? [large, small] : [small, large];
  return [
    {
      kind: `${key}.${narrowVerb}`,
      title: `${name} ${narrowVerb}`,
      what: `The ${name} went ${upper ? 'down' : 'up'}.`,
      request: 'breaking',
      response: 'non_breaking',
      requestWhy: NARROW_REQUEST,
      responseWhy: NARROW_RESPONSE,
      before: value(narrowFrom),
      after: value(narrowTo),
      safe: 'Keep accepting the old range; enforce the new one only in a new API version.',
    },
    {
      kind: `${key}.${wideVerb}`,
      title: `${name} ${wideVerb}`,
      what: `The ${name} went ${upper ? 'up' : 'down'}.`,
      request: 'non_breaking',
      response: 'breaking',
      requestWhy: WIDE_REQUEST,
      responseWhy: `${WIDE_RESPONSE} A client that sized a buffer, a column or a check by the old bound fails.`,
      before: value(narrowTo),
      after: value(narrowFrom),
      safe: 'Return values beyond the old bound only under a new API version or a new property.',
    },
    {
      kind: `${key}.set`,
      title: `${name} set`,
      what: `A ${name} was added where there was none.`,
      request: 'potentially_breaking',
      response: 'non_breaking',
      requestWhy: 'Requests beyond the new bound are rejected; the description cannot tell whether clients send such values.',
      responseWhy: NARROW_RESPONSE,
      before: value(),
      after: value(upper ? large : small),
      safe: 'Measure what clients send before adding the bound.',
    },
    {
      kind: `${key}.unset`,
      title: `${name} removed`,
      what: `The ${name} was removed.`,
      request: 'non_breaking',
      response: 'breaking',
      requestWhy: WIDE_REQUEST,
      responseWhy: WIDE_RESPONSE,
      before: value(upper ? large : small),
      after: value(),
      safe: 'Keep the bound on what responses return.',
    },
  ];
}

const ASPECTS: Aspect[] = [
  {
    kind: 'type.changed',
    title: 'type changed',
    what: 'The type changed to one that shares no values with the old one (or the format changed to an unrelated one).',
    request: 'breaking',
    response: 'breaking',
    requestWhy: 'Requests built with the old type are rejected.',
    responseWhy: 'Clients parsing the old type fail.',
    before: str(),
    after: { type: 'integer' },
    safe: 'Add a new field with the new type next to the old one and deprecate the old one.',
  },
  {
    kind: 'type.generalized',
    title: 'type generalized',
    what: 'The type admits more values than before (integer to number, a type added to a list, int32 to int64, a format or the type removed). When only a format was dropped (not a wider number) the level is potentially breaking: formats are often not enforced.',
    request: 'non_breaking',
    response: 'breaking',
    requestWhy: WIDE_REQUEST,
    responseWhy: `${WIDE_RESPONSE} An integer parser meets a fraction, an int32 overflows.`,
    before: { type: 'integer' },
    after: { type: 'number' },
    safe: 'Widen what requests accept freely; for responses add a new field instead.',
  },
  {
    kind: 'type.specialized',
    title: 'type specialized',
    what: 'The type admits fewer values than before (number to integer, a type removed from a list, a format added). When only a format was added (types unchanged) the level is potentially breaking: formats are often not enforced.',
    request: 'breaking',
    response: 'non_breaking',
    requestWhy: NARROW_REQUEST,
    responseWhy: NARROW_RESPONSE,
    before: { type: 'number' },
    after: { type: 'integer' },
    safe: 'Keep accepting the wider type in requests.',
  },
  {
    kind: 'became-nullable',
    title: 'became nullable',
    what: 'null is now allowed.',
    request: 'non_breaking',
    response: 'breaking',
    requestWhy: WIDE_REQUEST,
    responseWhy: 'Clients that dereference the value fail on null.',
    before: str(),
    after: str({ nullable: true }),
    safe: 'Omit the value or return a default instead of null.',
  },
  {
    kind: 'became-not-nullable',
    title: 'became not nullable',
    what: 'null is no longer allowed.',
    request: 'breaking',
    response: 'non_breaking',
    requestWhy: 'Requests sending null are rejected.',
    responseWhy: NARROW_RESPONSE,
    before: str({ nullable: true }),
    after: str(),
    safe: 'Keep accepting null and treat it as absent.',
  },
  {
    kind: 'became-enum',
    title: 'became an enum',
    what: 'Only a listed set of values is allowed now.',
    request: 'breaking',
    response: 'non_breaking',
    requestWhy: 'Requests with values outside the list are rejected.',
    responseWhy: NARROW_RESPONSE,
    before: str(),
    after: str({ enum: ['dog', 'cat'] }),
    safe: 'List every value clients send today.',
  },
  {
    kind: 'enum-unset',
    title: 'enum removed',
    what: 'The list of allowed values was dropped: any value of the type is allowed.',
    request: 'non_breaking',
    response: 'potentially_breaking',
    requestWhy: WIDE_REQUEST,
    responseWhy: 'Clients that switch over the known values may meet one they do not handle.',
    before: str({ enum: ['dog', 'cat'] }),
    after: str(),
    safe: 'Keep the list, adding values as they appear.',
  },
  {
    kind: 'enum-value.removed',
    title: 'enum value removed',
    what: 'A value was removed from the allowed list.',
    request: 'breaking',
    response: 'non_breaking',
    requestWhy: 'Requests sending the removed value are rejected.',
    responseWhy: 'Clients no longer receive a value they handle.',
    before: str({ enum: ['dog', 'cat', 'bird'] }),
    after: str({ enum: ['dog', 'cat'] }),
    safe: 'Keep accepting the value and map it to its replacement.',
  },
  {
    kind: 'enum-value.added',
    title: 'enum value added',
    what: 'A value was added to the allowed list.',
    request: 'non_breaking',
    response: 'potentially_breaking',
    requestWhy: WIDE_REQUEST,
    responseWhy:
      'Clients with an exhaustive switch or a generated enum may fail on the new value. A value added to an `x-extensible-enum` is non-breaking: clients were told to expect more.',
    before: str({ enum: ['dog', 'cat'] }),
    after: str({ enum: ['dog', 'cat', 'bird'] }),
    safe: 'Tell clients to handle unknown values before returning new ones.',
  },
  {
    kind: 'default-value.added',
    title: 'default value added',
    what: 'A default value was documented.',
    request: 'non_breaking',
    response: 'non_breaking',
    requestWhy: 'A default usually documents what the server already did.',
    responseWhy: 'Defaults do not change what responses carry.',
    before: { type: 'integer' },
    after: { type: 'integer', default: 20 },
    safe: 'Nothing to make safe.',
  },
  {
    kind: 'default-value.removed',
    title: 'default value removed',
    what: 'The default value was removed.',
    request: { parameter: 'potentially_breaking', other: 'non_breaking' },
    response: 'non_breaking',
    requestWhy: 'For a parameter, clients that omit it relied on the default; what the server does now is unknown. For a body property it is documentation.',
    responseWhy: 'Defaults do not change what responses carry.',
    before: { type: 'integer', default: 20 },
    after: { type: 'integer' },
    safe: 'Keep applying the old default.',
  },
  {
    kind: 'default-value.changed',
    title: 'default value changed',
    what: 'The default value changed.',
    request: { parameter: 'potentially_breaking', other: 'non_breaking' },
    response: 'non_breaking',
    requestWhy: 'Clients that omit the value get different behaviour.',
    responseWhy: 'Defaults do not change what responses carry.',
    before: { type: 'integer', default: 20 },
    after: { type: 'integer', default: 50 },
    safe: 'Keep the old default; let clients opt into the new one explicitly.',
  },
  ...bounds('maximum', 'max', true, intMax, 50, 100),
  ...bounds('minimum', 'min', false, intMin, 1, 5),
  ...bounds('maximum length', 'max-length', true, (n) => str(n === undefined ? {} : { maxLength: n }), 30, 50),
  ...bounds('minimum length', 'min-length', false, (n) => str(n === undefined ? {} : { minLength: n }), 1, 3),
  ...bounds('maximum number of items', 'max-items', true, (n) => list(n === undefined ? {} : { maxItems: n }), 5, 10),
  ...bounds('minimum number of items', 'min-items', false, (n) => list(n === undefined ? {} : { minItems: n }), 1, 2),
  {
    kind: 'pattern.added',
    title: 'pattern added',
    what: 'Values must now match a regular expression.',
    request: 'breaking',
    response: 'non_breaking',
    requestWhy: 'Requests with values that do not match are rejected.',
    responseWhy: NARROW_RESPONSE,
    before: str(),
    after: str({ pattern: '^[a-z]+$' }),
    safe: 'Check what clients send before adding the pattern.',
  },
  {
    kind: 'pattern.removed',
    title: 'pattern removed',
    what: 'Values no longer have to match a regular expression.',
    request: 'non_breaking',
    response: 'potentially_breaking',
    requestWhy: WIDE_REQUEST,
    responseWhy: 'Clients that rely on the format (parsing, display) may meet values that break it.',
    before: str({ pattern: '^[a-z]+$' }),
    after: str(),
    safe: 'Keep the pattern on what responses return.',
  },
  {
    kind: 'pattern.changed',
    title: 'pattern changed',
    what: 'The regular expression values must match changed.',
    request: 'potentially_breaking',
    response: 'potentially_breaking',
    requestWhy: 'Whether the new pattern accepts every value the old one did cannot be told from the description.',
    responseWhy: 'Whether the new pattern stays within the old one cannot be told from the description.',
    before: str({ pattern: '^[a-z]+$' }),
    after: str({ pattern: '^[a-z0-9]+$' }),
    safe: 'Only widen the pattern of requests, only narrow that of responses.',
  },
];

const PLACES: { direction: Direction; scope: SchemaScope; word: string; document: (schema: unknown) => unknown }[] = [
  { direction: 'request', scope: 'parameter', word: 'parameter', document: (schema) => queryParameterDocument(schema) },
  { direction: 'request', scope: 'property', word: 'property', document: (schema) => requestPropertyDocument(schema) },
  { direction: 'response', scope: 'property', word: 'property', document: (schema) => responsePropertyDocument(schema) },
  { direction: 'response', scope: 'header', word: 'header', document: (schema) => responseHeaderDocument(schema) },
];

const PLACE_NAME: Record<string, string> = {
  'request.parameter': 'a request parameter (path, query, header or cookie)',
  'request.property': 'a request body or a property inside it, at any depth, inline or referenced',
  'response.property': 'a response body or a property inside it, at any depth, inline or referenced',
  'response.header': 'a response header',
};

function levelFor(level: Level, scope: SchemaScope): ChangeSeverity {
  return typeof level === 'string' ? level : scope === 'parameter' ? level.parameter : level.other;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.map((v) => JSON.stringify(v)).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeSchemaChange(aspect: Aspect, place: string) {
  return (change: SchemaChange, details: ApiChangeDetails): string => {
    const values = details['values'] as unknown[] | undefined;
    const shown = values
      ? `: ${valueText(values)}`
      : change.before !== undefined || change.after !== undefined
        ? ` (${valueText(change.before)} → ${valueText(change.after)})`
        : '';
    return `${capitalize(place)} '${change.subject}': ${aspect.title}${shown}`;
  };
}

export const schemaRules: CompatibilityRuleInput[] = PLACES.flatMap((place) =>
  ASPECTS.map((aspect) => {
    const severity = levelFor(place.direction === 'request' ? aspect.request : aspect.response, place.scope);
    const why = place.direction === 'request' ? aspect.requestWhy : aspect.responseWhy;
    const id = `${place.direction}-${place.word}-${aspect.kind.replace('.', '-')}`;
    const placeWord = `${place.direction} ${place.word}`;
    return apiRule({
      id,
      change: `${place.direction}.${place.scope}.${aspect.kind}`,
      severity,
      title: `${capitalize(placeWord)} ${aspect.title}`,
      description: `In ${PLACE_NAME[`${place.direction}.${place.scope}`]}: ${aspect.what} ${why}`,
      safeAlternative: aspect.safe,
      examples: [{ name: `${placeWord} ${aspect.title}`, before: place.document(aspect.before), after: place.document(aspect.after) }],
      // A format added to a request or dropped from a response, types unchanged, is potentially
      // breaking: formats are annotations many validators skip. A wider number (int32 → int64) is not.
      ...(aspect.kind === 'type.generalized' || aspect.kind === 'type.specialized'
        ? { severityOf: (d: ApiChangeDetails) => (severity === 'breaking' && d['formatOnly'] && !d['numericWidening'] ? 'potentially_breaking' : severity) }
        : aspect.kind === 'enum-value.added'
          ? // A value added to an x-extensible-enum breaks nobody: clients were told to expect more.
            { severityOf: (d: ApiChangeDetails) => (d['extensible'] ? 'non_breaking' : severity) }
          : {}),
      describe: describeSchemaChange(aspect, placeWord),
      impact: (_, level) => (level === 'breaking' || level === 'potentially_breaking' ? why : 'None for existing clients'),
      migration: aspect.safe,
    });
  }),
);

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
  /** The example needs OpenAPI 3.1 (a JSON Schema 2020-12 keyword). */
  v31?: boolean;
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

/**
 * A 2020-12 keyword change that narrows or widens what the schema allows: narrowing breaks
 * requests, widening breaks responses, the mirrors break nobody.
 */
function narrowWide(
  key: string,
  name: string,
  narrowWhat: string,
  wideWhat: string,
  loose: unknown,
  strict: unknown,
  safe: string,
  /** Responses that widen this way break nobody (clients ignore properties they do not know). */
  tolerated?: string,
): Aspect[] {
  return [
    {
      kind: `${key}.narrowed`,
      title: `${name} narrows`,
      what: narrowWhat,
      request: 'breaking',
      response: 'non_breaking',
      requestWhy: NARROW_REQUEST,
      responseWhy: NARROW_RESPONSE,
      before: loose,
      after: strict,
      safe,
      v31: true,
    },
    {
      kind: `${key}.widened`,
      title: `${name} widens`,
      what: wideWhat,
      request: 'non_breaking',
      response: tolerated ? 'non_breaking' : 'breaking',
      requestWhy: WIDE_REQUEST,
      responseWhy: tolerated ?? WIDE_RESPONSE,
      before: strict,
      after: loose,
      safe: 'Widen what requests accept freely; keep what responses return within the old schema.',
      v31: true,
    },
  ];
}

const strings = list();
const object = (extra: Record<string, unknown> = {}) => ({ type: 'object', properties: { a: str(), b: str() }, ...extra });
const NARROW_SAFE = 'Accept what clients send today; enforce the new constraint only in a new API version.';

/** The JSON Schema 2020-12 keywords OpenAPI 3.1 added to the 3.0 subset, and allOf members. */
const VOCABULARY: Aspect[] = [
  ...narrowWide(
    'contains',
    '`contains`',
    'A `contains` constraint was added (an array must hold an item matching it), or its schema narrowed.',
    'The `contains` constraint was removed.',
    strings,
    { ...strings, contains: str({ enum: ['admin'] }) },
    NARROW_SAFE,
  ),
  ...narrowWide(
    'prefix-items',
    '`prefixItems`',
    'More tuple positions (`prefixItems`) have a schema of their own.',
    'Fewer tuple positions (`prefixItems`) have a schema of their own.',
    strings,
    { ...strings, prefixItems: [str({ enum: ['a', 'b'] })] },
    NARROW_SAFE,
  ),
  ...narrowWide(
    'dependent-required',
    '`dependentRequired`',
    'A property now makes other properties required when present (`dependentRequired`).',
    'A `dependentRequired` dependency was dropped.',
    object(),
    object({ dependentRequired: { a: ['b'] } }),
    NARROW_SAFE,
  ),
  ...narrowWide(
    'dependent-schema',
    '`dependentSchemas`',
    'A property now applies a schema to the object when present (`dependentSchemas`).',
    'A `dependentSchemas` entry was dropped.',
    object(),
    object({ dependentSchemas: { a: { required: ['b'] } } }),
    NARROW_SAFE,
  ),
  ...narrowWide(
    'conditional',
    '`if`/`then`/`else`',
    'A condition (`if` with `then` or `else`) was added, or a branch was added to one.',
    'A condition (`if`/`then`/`else`) or one of its branches was removed.',
    object(),
    // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword
    object({ if: { properties: { a: { const: 'x' } }, required: ['a'] }, then: { required: ['b'] } }),
    NARROW_SAFE,
  ),
  {
    kind: 'conditional.changed',
    title: '`if` condition changed',
    what: 'The `if` of a condition changed: its branches now apply to other values, which the description cannot settle.',
    request: 'potentially_breaking',
    response: 'potentially_breaking',
    requestWhy: 'Requests the old condition let through may now meet the branch that rejects them.',
    responseWhy: 'Responses may now take the branch clients did not expect.',
    // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword
    before: object({ if: { properties: { a: { const: 'x' } }, required: ['a'] }, then: { required: ['b'] } }),
    // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword
    after: object({ if: { properties: { a: { const: 'y' } }, required: ['a'] }, then: { required: ['b'] } }),
    safe: 'Add a new condition rather than changing one clients rely on.',
    v31: true,
  },
  ...narrowWide(
    'pattern-property',
    '`patternProperties`',
    'Properties whose names match a pattern now must follow a schema (a `patternProperties` entry added, or removed where other properties are not allowed).',
    'A `patternProperties` entry was removed (or added where other properties are not allowed, admitting those properties).',
    object(),
    object({ patternProperties: { '^x-': str() } }),
    NARROW_SAFE,
  ),
  ...narrowWide(
    'property-names',
    '`propertyNames`',
    'Property names must now match a schema (`propertyNames`).',
    'The `propertyNames` constraint was removed.',
    object(),
    object({ propertyNames: { pattern: '^[a-z]+$' } }),
    NARROW_SAFE,
  ),
  ...narrowWide(
    'unevaluated-properties',
    '`unevaluatedProperties`',
    'Properties no other keyword covers are now forbidden or constrained (`unevaluatedProperties`).',
    'Properties no other keyword covers are allowed again (`unevaluatedProperties` removed or opened).',
    object(),
    object({ unevaluatedProperties: false }),
    NARROW_SAFE,
    'Clients ignore properties they do not know, as with `additionalProperties`; new ones they read are reported as added properties.',
  ),
  ...narrowWide(
    'unevaluated-items',
    '`unevaluatedItems`',
    'Array items no other keyword covers are now forbidden or constrained (`unevaluatedItems`).',
    'Array items no other keyword covers are allowed again (`unevaluatedItems` removed or opened).',
    { type: 'array', prefixItems: [str()] },
    { type: 'array', prefixItems: [str()], unevaluatedItems: false },
    NARROW_SAFE,
  ),
  ...bounds(
    'maximum number of matching items',
    'max-contains',
    true,
    (n) => ({ ...strings, contains: str(), ...(n === undefined ? {} : { maxContains: n }) }),
    2,
    4,
  ).map((a) => ({ ...a, v31: true })),
  ...bounds(
    'minimum number of matching items',
    'min-contains',
    false,
    (n) => ({ ...strings, contains: str(), ...(n === undefined ? {} : { minContains: n }) }),
    1,
    2,
  ).map((a) => ({ ...a, v31: true })),
  {
    kind: 'content-encoding.changed',
    title: '`contentEncoding` changed',
    what: "The encoding of a string's content (`contentEncoding`: base64, base32...) was added, removed or changed: the same bytes are now written differently.",
    request: 'breaking',
    response: 'breaking',
    requestWhy: 'Clients encode the value the old way; the server decodes it the new way.',
    responseWhy: 'Clients decode the value the old way and get garbage.',
    before: str(),
    after: str({ contentEncoding: 'base64' }),
    safe: 'Add a new property with the new encoding; keep the old one.',
    v31: true,
  },
  {
    kind: 'content-media-type.changed',
    title: '`contentMediaType` changed',
    what: "The media type of a string's content (`contentMediaType`) was added, removed or changed.",
    request: 'potentially_breaking',
    response: 'potentially_breaking',
    requestWhy: 'Clients may send content of the old media type the server no longer reads.',
    responseWhy: 'Clients may parse the content as the old media type.',
    before: str({ contentMediaType: 'image/png' }),
    after: str({ contentMediaType: 'image/jpeg' }),
    safe: 'Add a new property for the new media type.',
    v31: true,
  },
  ...narrowWide(
    'content-schema',
    '`contentSchema`',
    'The content of a string now has to follow a schema (`contentSchema`).',
    'The `contentSchema` of a string was removed.',
    str({ contentMediaType: 'application/json' }),
    str({ contentMediaType: 'application/json', contentSchema: { type: 'object', required: ['id'] } }),
    NARROW_SAFE,
  ),
  ...narrowWide(
    'not',
    '`not`',
    'Values matching a schema are now forbidden (`not` added).',
    'The `not` constraint was removed.',
    str(),
    str({ not: { enum: ['none'] } }),
    NARROW_SAFE,
  ),
  {
    kind: 'not.changed',
    title: '`not` schema changed',
    what: 'The schema under `not` changed: what it forbids grew or shrank, so what the schema allows moved the other way.',
    request: 'potentially_breaking',
    response: 'potentially_breaking',
    requestWhy: 'If the `not` schema now matches more, requests that were valid are refused.',
    responseWhy: 'If the `not` schema now matches less, responses may carry values clients never saw.',
    before: str({ not: { enum: ['none'] } }),
    after: str({ not: { enum: ['none', ''] } }),
    safe: 'Only shrink what a request forbids; only grow what a response forbids.',
    v31: true,
  },
  ...narrowWide(
    'all-of',
    '`allOf`',
    'An `allOf` member was added that constrains values beyond what the schema did (a union, `not`, a condition, another pattern, or a constraint reported nowhere else): every value must now satisfy it too.',
    'An `allOf` member that constrained values was removed.',
    str(),
    str({ allOf: [{ not: { enum: ['none'] } }] }),
    NARROW_SAFE,
  ),
];

const ASPECTS: Aspect[] = [
  {
    kind: 'type.changed',
    title: 'type changed',
    what: 'The type changed to one that shares no values with the old one (or the format changed to an unrelated one: potentially breaking when the type stays, since formats are annotations many validators skip, e.g. int64 → unixtime).',
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
  ...VOCABULARY,
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

function version(document: unknown, v31: boolean | undefined): unknown {
  return v31 ? { ...(document as Record<string, unknown>), openapi: '3.1.0' } : document;
}

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
      examples: [
        {
          name: `${placeWord} ${aspect.title}`,
          before: version(place.document(aspect.before), aspect.v31),
          after: version(place.document(aspect.after), aspect.v31),
        },
      ],
      // A format added to a request or dropped from a response, types unchanged, is potentially
      // breaking: formats are annotations many validators skip. A wider number (int32 → int64) is not.
      ...(aspect.kind === 'type.generalized' || aspect.kind === 'type.specialized' || aspect.kind === 'type.changed'
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

import type { CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { requestBodyDocument, requestPropertyDocument, responseBodyDocument, responsePropertyDocument } from '../src/api/rules/example-documents.js';
import { checkDocuments } from './fixtures.js';

/**
 * Each JSON Schema 2020-12 keyword as a small pair of schemas: `loose` admits every value `strict`
 * does and more. Going loose → strict narrows: breaking in a request, fine in a response; strict →
 * loose widens: the mirror. Both directions, request and response, each asserted with its rule.
 */

const v31 = (doc: Record<string, unknown>) => ({ ...doc, openapi: '3.1.0' });
const str = { type: 'string' };
const strings = { type: 'array', items: str };
const obj = (extra: Record<string, unknown> = {}) => ({ type: 'object', properties: { a: str, b: str }, ...extra });

interface KeywordCase {
  keyword: string;
  /** Rule id stem: `request-property-<stem>-narrowed`. */
  stem: string;
  loose: unknown;
  strict: unknown;
  /** A response widening clients tolerate (they ignore properties they do not know). */
  tolerated?: boolean;
}

const CASES: KeywordCase[] = [
  { keyword: 'contains', stem: 'contains', loose: strings, strict: { ...strings, contains: { enum: ['admin'] } } },
  {
    keyword: 'contains (its schema)',
    stem: 'enum-value',
    loose: { ...strings, contains: { enum: ['a', 'b'] } },
    strict: { ...strings, contains: { enum: ['a'] } },
  },
  { keyword: 'minContains', stem: 'min-contains', loose: { ...strings, contains: str, minContains: 1 }, strict: { ...strings, contains: str, minContains: 2 } },
  { keyword: 'maxContains', stem: 'max-contains', loose: { ...strings, contains: str, maxContains: 3 }, strict: { ...strings, contains: str, maxContains: 2 } },
  { keyword: 'prefixItems', stem: 'prefix-items', loose: strings, strict: { ...strings, prefixItems: [{ enum: ['x'] }] } },
  { keyword: 'dependentRequired', stem: 'dependent-required', loose: obj(), strict: obj({ dependentRequired: { a: ['b'] } }) },
  { keyword: 'dependentSchemas', stem: 'dependent-schema', loose: obj(), strict: obj({ dependentSchemas: { a: { required: ['b'] } } }) },
  {
    keyword: 'if/then/else',
    stem: 'conditional',
    loose: obj(),
    // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword
    strict: obj({ if: { properties: { a: { const: 'x' } }, required: ['a'] }, then: { required: ['b'] }, else: { maxProperties: 1 } }),
  },
  { keyword: 'patternProperties', stem: 'pattern-property', loose: obj(), strict: obj({ patternProperties: { '^x-': str } }) },
  {
    keyword: 'patternProperties beside additionalProperties: false',
    stem: 'pattern-property',
    loose: obj({ additionalProperties: false, patternProperties: { '^x-': str } }),
    strict: obj({ additionalProperties: false }),
  },
  { keyword: 'propertyNames', stem: 'property-names', loose: obj(), strict: obj({ propertyNames: { pattern: '^[a-z]+$' } }) },
  { keyword: 'unevaluatedProperties', stem: 'unevaluated-properties', loose: obj(), strict: obj({ unevaluatedProperties: false }), tolerated: true },
  {
    keyword: 'unevaluatedItems',
    stem: 'unevaluated-items',
    loose: { type: 'array', prefixItems: [str] },
    strict: { type: 'array', prefixItems: [str], unevaluatedItems: false },
  },
  {
    keyword: 'contentSchema',
    stem: 'content-schema',
    loose: { ...str, contentMediaType: 'application/json' },
    strict: { ...str, contentMediaType: 'application/json', contentSchema: { type: 'object' } },
  },
  { keyword: 'not', stem: 'not', loose: str, strict: { ...str, not: { enum: [''] } } },
  { keyword: 'allOf', stem: 'all-of', loose: str, strict: { ...str, allOf: [{ not: { enum: [''] } }] } },
  { keyword: 'const', stem: 'became-enum', loose: str, strict: { const: 'cat' } },
  { keyword: 'type list narrowed', stem: 'type', loose: { type: ['string', 'integer'] }, strict: { type: 'string' } },
];

function rules(report: CompatibilityReport): Map<string, string> {
  return new Map(report.issues.map((i) => [i.rule.replace('service/', ''), i.severity]));
}

/** The rule id a keyword's change is reported under, by place and move. */
function expectedRule(stem: string, place: string, narrowed: boolean): string {
  const verb: Record<string, [string, string]> = {
    'enum-value': ['enum-value-removed', 'enum-value-added'],
    'became-enum': ['became-enum', 'enum-unset'],
    type: ['type-specialized', 'type-generalized'],
    'min-contains': ['min-contains-increased', 'min-contains-decreased'],
    'max-contains': ['max-contains-decreased', 'max-contains-increased'],
  };
  const [narrow, wide] = verb[stem] ?? [`${stem}-narrowed`, `${stem}-widened`];
  return `${place}-${narrowed ? narrow : wide}`;
}

describe.each(CASES)('$keyword', ({ stem, loose, strict, tolerated }) => {
  it('request: narrowing breaks, widening does not', async () => {
    const narrowed = rules(await checkDocuments(v31(requestPropertyDocument(loose)), v31(requestPropertyDocument(strict))));
    expect(narrowed.get(expectedRule(stem, 'request-property', true)), [...narrowed].join('; ')).toBe('breaking');
    const widened = rules(await checkDocuments(v31(requestPropertyDocument(strict)), v31(requestPropertyDocument(loose))));
    expect(widened.get(expectedRule(stem, 'request-property', false)), [...widened].join('; ')).toMatch(/non_breaking|additive/);
    expect([...widened.values()]).not.toContain('breaking');
  });

  it('response: widening breaks (or may), narrowing does not', async () => {
    const widened = rules(await checkDocuments(v31(responsePropertyDocument(strict)), v31(responsePropertyDocument(loose))));
    expect(widened.get(expectedRule(stem, 'response-property', false)), [...widened].join('; ')).toMatch(
      tolerated ? /^non_breaking$/ : /^(breaking|potentially_breaking)$/,
    );
    const narrowed = rules(await checkDocuments(v31(responsePropertyDocument(loose)), v31(responsePropertyDocument(strict))));
    expect(narrowed.get(expectedRule(stem, 'response-property', true)), [...narrowed].join('; ')).toMatch(/non_breaking|additive/);
    expect([...narrowed.values()]).not.toContain('breaking');
  });
});

describe('content keywords change how a string is read, both ways', () => {
  it.each([
    ['contentEncoding', 'content-encoding-changed', 'breaking', { ...str }, { ...str, contentEncoding: 'base64' }],
    [
      'contentMediaType',
      'content-media-type-changed',
      'potentially_breaking',
      { ...str, contentMediaType: 'image/png' },
      { ...str, contentMediaType: 'image/jpeg' },
    ],
  ])('%s', async (_, rule, level, a, b) => {
    for (const [doc, place] of [
      [requestPropertyDocument, 'request-property'],
      [responsePropertyDocument, 'response-property'],
    ] as const) {
      expect(rules(await checkDocuments(v31(doc(a)), v31(doc(b)))).get(`${place}-${rule}`)).toBe(level);
      expect(rules(await checkDocuments(v31(doc(b)), v31(doc(a)))).get(`${place}-${rule}`)).toBe(level);
    }
  });
});

describe('not', () => {
  it('a changed `not` schema is potentially breaking both ways: it moves what is allowed the other way', async () => {
    const a = { ...str, not: { enum: [''] } };
    const b = { ...str, not: { enum: ['', 'none'] } };
    for (const [doc, place] of [
      [requestPropertyDocument, 'request-property'],
      [responsePropertyDocument, 'response-property'],
    ] as const) {
      expect([...rules(await checkDocuments(v31(doc(a)), v31(doc(b))))]).toEqual([[`${place}-not-changed`, 'potentially_breaking']]);
    }
  });
});

describe('type lists and unions', () => {
  it('a oneOf of bare types rewritten as a type list is no change', async () => {
    const union = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
    const list = { type: ['string', 'integer'] };
    for (const doc of [requestPropertyDocument, responsePropertyDocument]) expect((await checkDocuments(v31(doc(union)), v31(doc(list)))).issues).toEqual([]);
  });

  it('a type widened to a list with null is a nullability change, not a type change', async () => {
    const report = await checkDocuments(v31(responsePropertyDocument(str)), v31(responsePropertyDocument({ type: ['string', 'null'] })));
    expect([...rules(report)]).toEqual([['response-property-became-nullable', 'breaking']]);
  });

  it('a type widened to a list of types is a generalization, not a change of type', async () => {
    const report = await checkDocuments(v31(requestPropertyDocument(str)), v31(requestPropertyDocument({ type: ['string', 'integer'] })));
    expect([...rules(report)]).toEqual([['request-property-type-generalized', 'non_breaking']]);
  });

  it('a request body wrapped in a oneOf whose variants overlap is reported; disjoint variants are not', async () => {
    const pet = { type: 'object', properties: { name: str } };
    const overlapping = { oneOf: [pet, { type: 'object', properties: { id: str } }] };
    const report = await checkDocuments(requestBodyDocument(pet), requestBodyDocument(overlapping));
    expect(rules(report).get('request-property-one-of-overlapping')).toBe('potentially_breaking');
    const disjoint = { oneOf: [pet, { type: 'string' }] };
    expect(rules(await checkDocuments(requestBodyDocument(pet), requestBodyDocument(disjoint))).has('request-property-one-of-overlapping')).toBe(false);
  });

  it('an allOf that only moves properties into a shared schema is no change', async () => {
    const before = { type: 'object', properties: { name: str, id: str }, required: ['id'] };
    const after = { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { name: str } }] };
    const components = { components: { schemas: { Base: { type: 'object', properties: { id: str }, required: ['id'] } } } };
    const report = await checkDocuments(requestBodyDocument(before), { ...requestBodyDocument(after), ...components });
    expect([...rules(report)]).toEqual([['api-schema-added', 'additive']]);
  });

  it('allOf bounds: the tightest of the schema and its members applies', async () => {
    const before = { type: 'string', maxLength: 20 };
    const after = { type: 'string', maxLength: 20, allOf: [{ maxLength: 10 }] };
    const report = await checkDocuments(requestPropertyDocument(before), requestPropertyDocument(after));
    expect(rules(report).get('request-property-max-length-decreased')).toBe('breaking');
  });
});

describe('discriminator', () => {
  const variant = (kind: string) => ({ type: 'object', required: ['kind'], properties: { kind: { enum: [kind] } } });
  const schemas = { components: { schemas: { Cat: variant('cat'), Dog: variant('dog') } } };
  const union = (mapping: Record<string, string>, propertyName = 'kind') => ({
    oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
    discriminator: { propertyName, mapping },
  });
  const both = { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' };
  const one = { cat: '#/components/schemas/Cat' };

  it('a mapping value removed breaks requests, one added may break responses', async () => {
    const req = (m: Record<string, string>) => ({ ...requestBodyDocument(union(m)), ...schemas });
    const res = (m: Record<string, string>) => ({ ...responseBodyDocument(union(m)), ...schemas });
    expect(rules(await checkDocuments(req(both), req(one))).get('request-discriminator-mapping-removed')).toBe('breaking');
    expect(rules(await checkDocuments(req(one), req(both))).get('request-discriminator-mapping-added')).toBe('non_breaking');
    expect(rules(await checkDocuments(res(one), res(both))).get('response-discriminator-mapping-added')).toBe('potentially_breaking');
    expect(rules(await checkDocuments(res(both), res(one))).get('response-discriminator-mapping-removed')).toBe('non_breaking');
  });

  it('a value remapped or the property renamed breaks both ways', async () => {
    const res = (m: Record<string, string>, p?: string) => ({ ...responseBodyDocument(union(m, p)), ...schemas });
    const swapped = { cat: '#/components/schemas/Dog', dog: '#/components/schemas/Cat' };
    const report = await checkDocuments(res(both), res(swapped));
    expect(rules(report).get('response-discriminator-mapping-changed')).toBe('breaking');
    expect(report.issues.find((i) => i.rule.endsWith('mapping-changed'))!.field_path).toBe(
      '/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/discriminator',
    );
    expect(rules(await checkDocuments(res(both), res(both, 'type'))).get('response-discriminator-property-changed')).toBe('breaking');
  });
});

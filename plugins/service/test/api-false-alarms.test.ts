import type { CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { ok, openApi } from '../src/api/rules/example-documents.js';
import { checkDocuments } from './fixtures.js';

/** False alarms seen on real pairs, each kept as a small pair that must stay quiet (or be judged right). */

const findings = (report: CompatibilityReport) => report.issues.map((i) => `${i.severity} ${i.rule.replace('service/', '')}`);
const post = (content: Record<string, unknown>) => openApi({ '/pets': { post: { requestBody: { required: true, content }, responses: ok } } });
const get = (content: Record<string, unknown>) => openApi({ '/pets': { get: { responses: { '200': { description: 'OK', content } } } } });
const body = (type: unknown) => ({ schema: { type: 'object', properties: { age: { type } } } });

describe('request media types', () => {
  it('a media type replaced by a range that covers it is still accepted: no removal, the schemas are compared', async () => {
    const report = await checkDocuments(post({ 'application/json': body('integer') }), post({ 'application/*': body('integer') }));
    expect(findings(report)).toEqual(['additive request-body-media-type-added']);
    const narrowed = await checkDocuments(post({ 'application/json': body('number') }), post({ '*/*': body('integer') }));
    expect(findings(narrowed)).toContain('breaking request-property-type-specialized');
    expect(findings(narrowed)).not.toContain('breaking request-body-media-type-removed');
  });

  it('Swagger 2.0: no consumes (JSON by default) and an explicit application/json are the same', async () => {
    const doc = (extra: Record<string, unknown>) => ({
      swagger: '2.0',
      info: { title: 'Pets', version: '1' },
      ...extra,
      paths: { '/pets': { post: { parameters: [{ name: 'pet', in: 'body', schema: { type: 'object' } }], responses: ok } } },
    });
    expect(findings(await checkDocuments(doc({}), doc({ consumes: ['application/json; charset=utf-8'] })))).toEqual([]);
  });
});

describe('XML and other text bodies', () => {
  it('integer → string in an XML request is a widening (the value is text either way), in JSON a change of type', async () => {
    expect(findings(await checkDocuments(post({ 'application/xml': body('integer') }), post({ 'application/xml': body('string') })))).toEqual([
      'non_breaking request-property-type-generalized',
    ]);
    expect(findings(await checkDocuments(post({ 'application/json': body('integer') }), post({ 'application/json': body('string') })))).toEqual([
      'breaking request-property-type-changed',
    ]);
  });

  it('string → integer in an XML response narrows what is returned; integer → string widens it', async () => {
    expect(findings(await checkDocuments(get({ 'application/xml': body('string') }), get({ 'application/xml': body('integer') })))).toEqual([
      'non_breaking response-property-type-specialized',
    ]);
    expect(findings(await checkDocuments(get({ 'text/xml': body('integer') }), get({ 'text/xml': body('string') })))).toEqual([
      'breaking response-property-type-generalized',
    ]);
  });
});

describe('OpenAPI 3.1 type lists', () => {
  const v31 = (doc: Record<string, unknown>) => ({ ...doc, openapi: '3.1.0' });
  it('a oneOf of types rewritten as a type list, and the list reordered, is no change', async () => {
    const union = body(undefined);
    (union.schema.properties.age as Record<string, unknown>) = { oneOf: [{ type: 'integer' }, { type: 'string' }] };
    expect(findings(await checkDocuments(v31(get({ 'application/json': union })), v31(get({ 'application/json': body(['integer', 'string']) }))))).toEqual([]);
    expect(
      findings(
        await checkDocuments(v31(get({ 'application/json': body(['string', 'integer']) })), v31(get({ 'application/json': body(['integer', 'string']) }))),
      ),
    ).toEqual([]);
  });

  it('a single type widened to a list in a request is a generalization, not a type change', async () => {
    expect(
      findings(await checkDocuments(v31(post({ 'application/json': body('integer') })), v31(post({ 'application/json': body(['integer', 'string']) })))),
    ).toEqual(['non_breaking request-property-type-generalized']);
  });
});

describe('formats', () => {
  it('a format swapped for an unrelated one, the type kept, is potentially breaking, not a change of type', async () => {
    const at = (format: string) => get({ 'application/json': { schema: { type: 'object', properties: { updated_at: { type: 'integer', format } } } } });
    expect(findings(await checkDocuments(at('int64'), at('unixtime')))).toEqual(['potentially_breaking response-property-type-changed']);
  });
});

import type { CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { ok } from '../src/api/rules/example-documents.js';
import { checkDocuments } from './fixtures.js';

const findings = (report: CompatibilityReport) =>
  report.issues.map((i) => [i.severity, i.rule.replace('service/', ''), i.field_path, i.affected_operations.join(', ')]);

const event = (properties: Record<string, unknown>, required: string[]) => ({
  openapi: '3.1.0',
  info: { title: 'Hooks', version: '1' },
  paths: {
    '/subscriptions': {
      post: {
        responses: { '201': { description: 'Created' } },
        callbacks: {
          onEvent: {
            '{$request.body#/url}': {
              post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties, required } } } }, responses: ok },
            },
          },
        },
      },
    },
  },
});

describe('callbacks', () => {
  it("a callback's request is what the API sends: a field it stops sending breaks subscribers, a new optional one does not", async () => {
    const report = await checkDocuments(event({ id: { type: 'string' }, at: { type: 'string' } }, ['id', 'at']), event({ id: { type: 'string' } }, ['id']));
    expect(findings(report)).toEqual([
      [
        'breaking',
        'response-required-property-removed',
        '/paths/~1subscriptions/post/callbacks/onEvent/{$request.body#~1url}/post/requestBody/content/application~1json/schema/properties/at',
        'callback onEvent of POST /subscriptions (POST {$request.body#/url})',
      ],
    ]);
    expect(
      findings(await checkDocuments(event({ id: { type: 'string' } }, ['id']), event({ id: { type: 'string' }, at: { type: 'string' } }, ['id']))),
    ).toEqual([
      [
        'additive',
        'response-optional-property-added',
        '/paths/~1subscriptions/post/callbacks/onEvent/{$request.body#~1url}/post/requestBody/content/application~1json/schema/properties/at',
        'callback onEvent of POST /subscriptions (POST {$request.body#/url})',
      ],
    ]);
  });
});

describe('response links', () => {
  const doc = (links: Record<string, unknown>) => ({
    openapi: '3.1.0',
    info: { title: 'Pets', version: '1' },
    paths: { '/pets': { post: { responses: { '201': { description: 'Created', links } } } } },
  });
  const link = (id: string) => ({ operationId: 'getPet', parameters: { id } });

  it('a link removed or changed may break clients that follow it; a link added does not', async () => {
    const base = doc({ pet: link('$response.body#/id') });
    expect(findings(await checkDocuments(base, doc({})))).toEqual([
      ['potentially_breaking', 'response-link-removed', '/paths/~1pets/post/responses/201/links/pet', 'POST /pets'],
    ]);
    expect(findings(await checkDocuments(base, doc({ pet: link('$response.body#/petId') })))).toEqual([
      ['potentially_breaking', 'response-link-changed', '/paths/~1pets/post/responses/201/links/pet', 'POST /pets'],
    ]);
    expect(findings(await checkDocuments(doc({}), base))).toEqual([
      ['additive', 'response-link-added', '/paths/~1pets/post/responses/201/links/pet', 'POST /pets'],
    ]);
  });
});

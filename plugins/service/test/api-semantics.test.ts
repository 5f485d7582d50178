import { checkCompatibility, createRegistry, InputDataError, type CompatibilityReport } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service from '../src/index.js';
import { idParam, json, jsonBody, jsonResponse, ok, openApi, requestBodyDocument, responseBodyDocument } from '../src/api/rules/example-documents.js';
import { checkDocuments, checkDocumentsAt, checkFiles, clock, fixturePath, rulesOf } from './fixtures.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const withSchemas = (paths: Record<string, unknown>, schemas: Record<string, unknown>) => openApi(paths, { components: { schemas } });
const str = { type: 'string' };

function only(report: CompatibilityReport) {
  expect(report.issues, report.issues.map((i) => i.rule).join(', ')).toHaveLength(1);
  return report.issues[0]!;
}

describe('endpoint matching', () => {
  it('ignores the names of path parameters', async () => {
    const before = openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: ok } } });
    const after = openApi({ '/pets/{petId}': { get: { parameters: [{ ...idParam, name: 'petId' }], responses: ok } } });
    expect((await checkDocuments(before, after)).issues).toEqual([]);
  });

  it('treats a parameter moved between the path item and the operation as no change', async () => {
    const q = { name: 'limit', in: 'query', schema: { type: 'integer' } };
    const before = openApi({ '/pets': { parameters: [q], get: { responses: ok } } });
    const after = openApi({ '/pets': { get: { parameters: [q], responses: ok } } });
    expect((await checkDocuments(before, after)).issues).toEqual([]);
  });

  it('still tells a removed path from a removed method', async () => {
    const before = openApi({ '/pets': { get: { responses: ok }, post: { responses: ok } }, '/owners': { get: { responses: ok } } });
    const after = openApi({ '/pets': { get: { responses: ok } } });
    expect(rulesOf(await checkDocuments(before, after))).toEqual(['api-path-removed-without-deprecation', 'api-removed-without-deprecation']);
  });
});

describe('equivalent rewrites report nothing', () => {
  const pet = { type: 'object', required: ['id'], properties: { id: str, name: str } };

  it('an inline schema moved to components and referenced', async () => {
    const before = openApi({ '/pets': { post: { requestBody: jsonBody(pet), responses: { '201': jsonResponse(pet) } } } });
    const after = withSchemas({ '/pets': { post: { requestBody: jsonBody(ref('Pet')), responses: { '201': jsonResponse(ref('Pet')) } } } }, { Pet: pet });
    expect(rulesOf(await checkDocuments(before, after))).toEqual(['api-schema-added']);
  });

  it('a component renamed', async () => {
    const doc = (name: string) =>
      withSchemas({ '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref(name)) } } } }, { [name]: pet });
    expect(rulesOf(await checkDocuments(doc('Pet'), doc('Animal')))).toEqual(['api-schema-added', 'api-schema-removed']);
  });

  it('an object split into allOf of a base and the rest', async () => {
    const split = { allOf: [ref('Base'), { type: 'object', properties: { name: str } }] };
    const before = withSchemas({ '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref('Pet')) } } } }, { Pet: pet });
    const after = withSchemas(
      { '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref('Pet')) } } } },
      { Pet: split, Base: { type: 'object', required: ['id'], properties: { id: str } } },
    );
    expect(rulesOf(await checkDocuments(before, after))).toEqual(['api-schema-added']);
  });

  it('a oneOf variant moved from inline to $ref (the oasdiff false positive)', async () => {
    const cat = { type: 'object', title: 'Cat', properties: { meows: { type: 'boolean' } } };
    const dog = { type: 'object', title: 'Dog', properties: { barks: { type: 'boolean' } } };
    const before = withSchemas({ '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse({ oneOf: [cat, dog] }) } } } }, {});
    const after = withSchemas(
      { '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse({ oneOf: [ref('Cat'), dog] }) } } } },
      { Cat: cat },
    );
    expect(rulesOf(await checkDocuments(before, after))).toEqual(['api-schema-added']);
  });

  it('nullable: true, a type list with null, and anyOf with null', async () => {
    const v30 = responseBodyDocument({ type: 'object', properties: { name: { type: 'string', nullable: true } } });
    const v31 = { ...responseBodyDocument({ type: 'object', properties: { name: { type: ['string', 'null'] } } }), openapi: '3.1.0' };
    const anyOf = { ...responseBodyDocument({ type: 'object', properties: { name: { anyOf: [{ type: 'string' }, { type: 'null' }] } } }), openapi: '3.1.0' };
    expect((await checkDocuments(v30, v31)).issues).toEqual([]);
    expect((await checkDocuments(v31, anyOf)).issues).toEqual([]);
  });

  it('description, example and x- extensions changes', async () => {
    const before = responseBodyDocument({ type: 'object', description: 'A pet', properties: { name: { type: 'string', example: 'Rex' } } });
    const after = responseBodyDocument({
      type: 'object',
      description: 'One pet',
      'x-internal': true,
      properties: { name: { type: 'string', example: 'Fido' } },
    });
    expect((await checkDocuments(before, after)).issues).toEqual([]);
  });
});

describe('schemas by direction', () => {
  it('reports a change in a shared schema once per direction, listing the operations', async () => {
    const doc = (required: string[]) =>
      withSchemas(
        {
          '/pets': {
            get: { responses: { '200': jsonResponse({ type: 'array', items: ref('Pet') }) } },
            post: { requestBody: jsonBody(ref('Pet')), responses: { '201': jsonResponse(ref('Pet')) } },
          },
          '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref('Pet')) } } },
        },
        { Pet: { type: 'object', required, properties: { id: str, name: str } } },
      );
    const report = await checkDocuments(doc(['id', 'name']), doc(['id']));
    expect(report.issues.map((i) => [i.rule, i.severity, i.affected_operations])).toEqual([
      ['service/response-property-became-optional', 'breaking', ['GET /pets', 'GET /pets/{id}', 'POST /pets']],
      ['service/request-property-became-optional', 'non_breaking', ['POST /pets']],
    ]);
    expect(report.issues[0]!.field_path).toBe('/components/schemas/Pet/properties/name');
    expect(report.issues[0]!.description).toMatch(/^Property 'Pet\.name' became optional in the response \(GET \/pets, GET \/pets\/\{id\} and POST \/pets\)$/);
  });

  it('finds changes at any depth of inline schemas, naming the property path', async () => {
    const doc = (max: number) =>
      requestBodyDocument({
        type: 'object',
        properties: { owner: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string', maxLength: max } } } } },
      });
    const issue = only(await checkDocuments(doc(50), doc(20)));
    expect(issue).toMatchObject({ rule: 'service/request-property-max-length-decreased', severity: 'breaking', old_value: 50, new_value: 20 });
    expect(issue.description).toMatch(/'request body\.owner\.tags\[\]'/);
    expect(issue.field_path).toBe('/paths/~1pets/post/requestBody/content/application~1json/schema/properties/owner/properties/tags/items');
  });

  it('ignores readOnly properties in requests and writeOnly properties in responses', async () => {
    const body = (properties: Record<string, unknown>, required: string[]) => {
      const schema = { type: 'object', required, properties };
      return withSchemas({ '/pets': { post: { requestBody: jsonBody(ref('Pet')), responses: { '201': jsonResponse(ref('Pet')) } } } }, { Pet: schema });
    };
    const id = { type: 'string', readOnly: true };
    const password = { type: 'string', writeOnly: true };
    // A required read-only id appears: only responses see it, and gaining a property is additive there.
    expect(rulesOf(await checkDocuments(body({ name: str }, ['name']), body({ name: str, id }, ['name', 'id'])))).toEqual(['response-required-property-added']);
    // A write-only password disappears: only requests saw it.
    expect(rulesOf(await checkDocuments(body({ name: str, password }, []), body({ name: str }, [])))).toEqual(['request-property-removed']);
  });

  it('follows circular schemas without looping, and reports a change inside the cycle once', async () => {
    const doc = (max: number) =>
      withSchemas(
        { '/nodes/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref('Node')) } } } },
        {
          Node: {
            type: 'object',
            properties: { name: { type: 'string', maxLength: max }, children: { type: 'array', items: ref('Node') }, parent: ref('Node') },
          },
        },
      );
    expect((await checkDocuments(doc(10), doc(10))).issues).toEqual([]);
    const issue = only(await checkDocuments(doc(10), doc(20)));
    expect(issue).toMatchObject({ rule: 'service/response-property-max-length-increased', affected_operations: ['GET /nodes/{id}'] });
  });

  it('compares every media type, not only JSON', async () => {
    const doc = (content: Record<string, unknown>) =>
      openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: { '200': { description: 'OK', content } } } } });
    const both = { ...json({ type: 'object' }), 'application/xml': { schema: { type: 'object' } } };
    expect(rulesOf(await checkDocuments(doc(both), doc(json({ type: 'object' }))))).toEqual(['response-media-type-removed']);
    const any = (properties: Record<string, unknown>) => ({ '*/*': { schema: { type: 'object', required: Object.keys(properties), properties } } });
    expect(rulesOf(await checkDocuments(doc(any({ id: str, name: str })), doc(any({ id: str }))))).toEqual(['response-required-property-removed']);
  });

  it('reads webhook payloads as what the API sends (response direction)', async () => {
    const doc = (required: string[]) => ({
      openapi: '3.1.0',
      info: { title: 'Pets', version: '1' },
      webhooks: { newPet: { post: { requestBody: jsonBody({ type: 'object', required, properties: { id: str, name: str } }), responses: ok } } },
    });
    const issue = only(await checkDocuments(doc(['id', 'name']), doc(['id'])));
    expect(issue).toMatchObject({ rule: 'service/response-property-became-optional', severity: 'breaking', affected_operations: ['webhook newPet (POST)'] });
  });

  it('reads OpenAPI 3.1 type lists and numeric exclusive bounds', async () => {
    const doc = (schema: unknown) => ({ ...requestBodyDocument({ type: 'object', properties: { age: schema } }), openapi: '3.1.0' });
    expect(rulesOf(await checkDocuments(doc({ type: ['integer', 'null'] }), doc({ type: 'integer' })))).toEqual(['request-property-became-not-nullable']);
    expect(rulesOf(await checkDocuments(doc({ type: ['integer'] }), doc({ type: ['integer', 'string'] })))).toEqual(['request-property-type-generalized']);
    expect(rulesOf(await checkDocuments(doc({ type: 'integer', maximum: 10 }), doc({ type: 'integer', exclusiveMaximum: 10 })))).toEqual([
      'request-property-max-decreased',
    ]);
  });
});

describe('lifecycle and stability', () => {
  it('removing a deprecated operation after its sunset is not breaking', async () => {
    const before = openApi({ '/pets': { get: { responses: ok }, delete: { deprecated: true, 'x-sunset': '2025-01-01', responses: ok } } });
    const issue = only(await checkDocumentsAt(before, openApi({ '/pets': { get: { responses: ok } } }), '2025-06-01'));
    expect(issue).toMatchObject({ rule: 'service/api-removed-with-deprecation', severity: 'non_breaking' });
    expect(issue.description).toMatch(/sunset 2025-01-01/);
  });

  it('breaking changes of draft and alpha operations are allowed', async () => {
    const doc = (required: boolean) =>
      openApi({ '/pets': { get: { 'x-stability-level': 'alpha', parameters: [{ name: 'owner', in: 'query', required, schema: str }], responses: ok } } });
    const issue = only(await checkDocuments(doc(false), doc(true)));
    expect(issue).toMatchObject({ rule: 'service/request-parameter-became-required', severity: 'non_breaking' });
    expect(issue.description).toMatch(/draft or alpha/);
  });
});

describe('security', () => {
  it('a document-wide requirement added to an open API breaks every operation', async () => {
    const doc = (security?: unknown[]) =>
      openApi(
        { '/pets': { get: { responses: ok } }, '/owners': { get: { responses: ok } } },
        { ...(security ? { security } : {}), components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } },
      );
    const report = await checkDocuments(doc(), doc([{ bearer: [] }]));
    expect(report.issues.map((i) => [i.rule, i.severity, i.affected_operations])).toEqual([
      ['service/api-security-added', 'breaking', ['GET /pets']],
      ['service/api-security-added', 'breaking', ['GET /owners']],
    ]);
  });
});

describe('Swagger 2.0', () => {
  const swagger = (extra: { param?: Record<string, unknown>; pet?: Record<string, unknown>; produces?: string[] }) => ({
    swagger: '2.0',
    info: { title: 'Pets', version: '1' },
    produces: extra.produces ?? ['application/json'],
    paths: {
      '/pets': {
        get: {
          parameters: [{ name: 'limit', in: 'query', type: 'integer', maximum: 100, ...extra.param }],
          responses: { '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } },
        },
        post: {
          parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } }],
          responses: { '201': { description: 'Created' } },
        },
      },
    },
    definitions: {
      Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string', 'x-nullable': true } }, ...extra.pet },
    },
  });

  it('reads parameters, body parameters, response schemas and definitions', async () => {
    expect((await checkDocuments(swagger({}), swagger({}))).issues).toEqual([]);
    expect(rulesOf(await checkDocuments(swagger({}), swagger({ param: { maximum: 50 } })))).toEqual(['request-parameter-max-decreased']);
    const renamed = swagger({ pet: { required: ['name', 'tag'] } });
    expect(rulesOf(await checkDocuments(swagger({}), renamed))).toEqual(['request-property-became-required', 'response-property-became-required']);
    expect(rulesOf(await checkDocuments(swagger({}), swagger({ produces: ['application/xml'] })))).toEqual([
      'response-media-type-added',
      'response-media-type-removed',
    ]);
  });

  it('compares with the same API described in OpenAPI 3.0 without findings', async () => {
    const v3 = openApi(
      {
        '/pets': {
          get: {
            parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } }],
            responses: { '200': jsonResponse({ type: 'array', items: ref('Pet') }) },
          },
          post: { requestBody: jsonBody(ref('Pet')), responses: { '201': { description: 'Created' } } },
        },
      },
      {
        components: {
          schemas: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string', nullable: true } } } },
        },
      },
    );
    const report = await checkDocuments(swagger({}), v3);
    expect(report.issues).toEqual([]);
    expect(report.inputs).toMatchObject({ before: { dialect: 'swagger-2.0' }, after: { dialect: 'openapi-3.0' } });
  });
});

describe('descriptions split over files', () => {
  it('follows relative $refs into other files and names findings by file and pointer', async () => {
    const report = await checkFiles(fixturePath('refs/v1/openapi.yaml'), fixturePath('refs/v2/openapi.yaml'));
    expect(report.issues.map((i) => [i.rule, i.field_path, i.affected_operations])).toEqual([
      ['service/response-property-became-optional', 'schemas/pet.yaml#/Pet/properties/name', ['GET /pets/{petId}']],
      ['service/response-optional-property-removed', 'schemas/pet.yaml#/Owner/properties/name', ['GET /pets/{petId}']],
    ]);
  });

  it('names a $ref to a missing file', async () => {
    const error = await checkFiles(fixturePath('broken/missing-file.yaml'), fixturePath('refs/v1/openapi.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputDataError);
    expect((error as InputDataError).describe()).toMatch(/missing-file\.yaml: .*\/schema\/\$ref: cannot read \$ref ".\/nowhere.yaml#\/Pet": no such file/);
  });

  it('refuses remote $refs unless the remoteRefs option is on', async () => {
    const error = await checkFiles(fixturePath('broken/remote.yaml'), fixturePath('broken/remote.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputDataError);
    expect((error as InputDataError).message).toMatch(/remote URL; remote references are read only with the service plugin option remoteRefs: true/);
  });
});

describe('what real descriptions get wrong', () => {
  it('reads a null responses, a path without its slash and a Swagger-style required flag, with warnings', async () => {
    const before = openApi({ pets: { get: { responses: null } } }, { components: { schemas: {} } });
    const after = requestBodyDocument({ type: 'object', properties: { name: { type: 'string', required: true } } });
    const registry = createRegistry([service()]);
    const report = await checkCompatibility(registry, {
      type: 'api',
      before: { name: 'before.json', document: before },
      after: { name: 'after.json', document: after },
      clock,
    });
    expect(report.issues.map((i) => i.rule)).toContain('service/endpoint-added');
    const required = await checkDocuments(requestBodyDocument({ type: 'object', properties: { name: { type: 'string' } } }), after);
    expect(rulesOf(required)).toEqual(['request-property-became-required']);
  });

  it('rejects what has no clear meaning, naming the file and the pointer', async () => {
    // References are followed where the comparison goes: here, into the changed response.
    const broken = openApi({ '/pets': { get: { responses: { '200': jsonResponse(ref('Missing')) } } } });
    const error = (await checkDocuments(broken, openApi({ '/pets': { get: { responses: { '200': jsonResponse(str) } } } })).catch(
      (e: unknown) => e,
    )) as InputDataError;
    expect(error).toBeInstanceOf(InputDataError);
    expect(error.describe()).toBe(
      'before.json: /paths/~1pets/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Missing" points to nothing: /components/schemas/Missing does not exist in before.json',
    );
    const version = (await checkDocuments({ openapi: '4.0.0', paths: {} }, openApi({})).catch((e: unknown) => e)) as InputDataError;
    expect(version.describe()).toBe('before.json: /openapi: expected OpenAPI 3.0 or 3.1, got version "4.0.0"');
    const list = (await checkDocuments(['not', 'an', 'api'], openApi({})).catch((e: unknown) => e)) as InputDataError;
    expect(list.message).toMatch(/expected an OpenAPI or Swagger document \(an object\), got an array/);
  });
});

describe('extensible enums', () => {
  it('a value added to an x-extensible-enum in a response breaks nobody; to a plain enum it may', async () => {
    const doc = (values: string[], extensible: boolean) =>
      responseBodyDocument({
        type: 'object',
        properties: { status: { type: 'string', ...(extensible ? { 'x-extensible-enum': values } : { enum: values }) } },
      });
    const plain = only(await checkDocuments(doc(['a', 'b'], false), doc(['a', 'b', 'c'], false)));
    expect(plain).toMatchObject({ rule: 'service/response-property-enum-value-added', severity: 'potentially_breaking' });
    const extensible = only(await checkDocuments(doc(['a', 'b'], true), doc(['a', 'b', 'c'], true)));
    expect(extensible).toMatchObject({ rule: 'service/response-property-enum-value-added', severity: 'non_breaking' });
  });
});

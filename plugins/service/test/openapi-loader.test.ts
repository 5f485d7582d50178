import { checkCompatibility, createRegistry, InputDataError } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import service, { loadOpenApi } from '../src/index.js';
import { openApi } from '../src/api/rules/example-documents.js';
import { clock } from './fixtures.js';

function loadError(document: unknown): InputDataError {
  try {
    loadOpenApi(document, { file: 'spec.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(InputDataError);
    return error as InputDataError;
  }
  throw new Error('expected the document to be rejected');
}

describe('loading OpenAPI documents', () => {
  it('builds operations keyed METHOD path, parameters keyed in:name, and resolves local component refs', () => {
    const document = {
      openapi: '3.0.3',
      paths: {
        '/users/{id}': {
          parameters: [{ $ref: '#/components/parameters/Id' }],
          get: { parameters: [{ name: 'expand', in: 'query', schema: { type: 'string' } }], responses: { '200': { $ref: '#/components/responses/User' } } },
        },
      },
      components: {
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
        responses: { User: { description: 'A user', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } },
        schemas: { User: { type: 'object', properties: { address: { $ref: '#/components/schemas/Address' } } }, Address: { type: 'object' } },
      },
    };
    const model = loadOpenApi(document, { file: 'spec.yaml' });
    const operation = model.operations.get('GET /users/{id}')!;
    expect([...model.operations.keys()]).toEqual(['GET /users/{id}']);
    expect([...operation.parameters.keys()]).toEqual(['path:id', 'query:expand']);
    expect(operation.responses.get('200')!.schema).toEqual({ $ref: '#/components/schemas/User' });
    // Address is reached through User: the usage follows references.
    expect(model.usage.get('Address')).toEqual({ request: [], response: ['GET /users/{id}'] });
  });

  it('rejects a document that is not an object', () => {
    const error = loadError(['not', 'a', 'document']);
    expect(error.message).toBe('expected an OpenAPI document (an object), got an array');
    expect(error.location.file).toBe('spec.yaml');
    expect(error.location.path).toBeUndefined();
  });

  it('rejects a document without paths', () => {
    const error = loadError({ openapi: '3.0.3', info: { title: 't', version: '1' } });
    expect(error.location.path).toBe('paths');
    expect(error.message).toMatch(/expected a "paths" object/);
  });

  it('points at a parameter with an invalid location', () => {
    const error = loadError(openApi({ '/users': { get: { parameters: [{ name: 'payload', in: 'body' }], responses: {} } } }));
    expect(error.location.path).toBe('paths["/users"].get.parameters[0].in');
  });

  it('points at a parameter without a name', () => {
    expect(loadError(openApi({ '/users': { get: { parameters: [{ in: 'query' }] } } })).location.path).toBe('paths["/users"].get.parameters[0].name');
  });

  it('points at a Swagger-style `required: true` on a property', () => {
    const error = loadError(openApi({}, { User: { type: 'object', properties: { name: { type: 'string', required: true } } } }));
    expect(error.location.path).toBe('components.schemas.User.properties.name.required');
  });

  it('points at a path that does not start with a slash', () => {
    expect(loadError(openApi({ users: { get: {} } })).location.path).toBe('paths.users');
  });

  it('points at a $ref to a schema that does not exist', () => {
    const error = loadError(openApi({ '/users': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } } } }));
    expect(error.location.path).toBe('paths["/users"].get.responses["200"].content["application/json"].schema.$ref');
    expect(error.message).toMatch(/does not exist/);
  });

  it('rejects external references for now, naming the $ref', () => {
    const error = loadError(openApi({}, { User: { type: 'object', properties: { address: { $ref: 'common.yaml#/Address' } } } }));
    expect(error.location.path).toBe('components.schemas.User.properties.address.$ref');
    expect(error.message).toMatch(/unsupported \$ref "common.yaml#\/Address"/);
  });

  it('rejects Swagger 2.0 and other OpenAPI majors', () => {
    expect(loadError({ swagger: '2.0', paths: {} }).location.path).toBe('swagger');
    expect(loadError({ openapi: '4.0.0', paths: {} }).location.path).toBe('openapi');
  });

  it('names the file through the compatibility engine', () => {
    const registry = createRegistry([service()]);
    const good = { document: openApi({}), file: 'before.yaml' };
    expect(() => checkCompatibility(registry, 'api', good, { document: { paths: 42 }, file: 'after.yaml' }, { clock })).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ file: 'after.yaml', path: 'paths' }) }),
    );
  });
});

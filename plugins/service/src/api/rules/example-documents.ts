/**
 * Builders for the small documents in rule examples, so each example shows only what differs.
 * The same builders feed the tests.
 */

type Doc = Record<string, unknown>;

export function openApi(paths: Record<string, unknown>, extra: Record<string, unknown> = {}): Doc {
  return { openapi: '3.0.3', info: { title: 'Pets', version: '1.0.0' }, paths, ...extra };
}

export const ok = { '200': { description: 'OK' } };

export function json(schema: unknown) {
  return { 'application/json': { schema } };
}

export function jsonResponse(schema: unknown, description = 'OK') {
  return { description, content: json(schema) };
}

export function jsonBody(schema: unknown, required = true) {
  return { required, content: json(schema) };
}

export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** `GET /pets` with a query parameter `limit` of the given schema. */
export function queryParameterDocument(schema: unknown, extra: Record<string, unknown> = {}): Doc {
  return openApi({ '/pets': { get: { parameters: [{ name: 'limit', in: 'query', schema, ...extra }], responses: ok } } });
}

/** `POST /pets` whose body has a property `name` of the given schema (or the given properties). */
export function requestBodyDocument(body: unknown): Doc {
  return openApi({ '/pets': { post: { requestBody: jsonBody(body), responses: { '201': { description: 'Created' } } } } });
}

export function requestPropertyDocument(schema: unknown): Doc {
  return requestBodyDocument({ type: 'object', properties: { name: schema } });
}

/** `GET /pets/{id}` returning a body with a property `name` of the given schema. */
export function responseBodyDocument(body: unknown): Doc {
  return openApi({ '/pets/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(body) } } } });
}

export function responsePropertyDocument(schema: unknown): Doc {
  return responseBodyDocument({ type: 'object', properties: { name: schema } });
}

/** `GET /pets` whose 200 response has an `X-Rate-Limit` header of the given schema. */
export function responseHeaderDocument(schema: unknown, header: Record<string, unknown> = {}): Doc {
  return openApi({ '/pets': { get: { responses: { '200': { description: 'OK', headers: { 'X-Rate-Limit': { schema, ...header } } } } } } });
}

export function objectSchema(properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

/**
 * Builders for the small OpenAPI documents in rule examples, so each example shows only what
 * differs between before and after.
 */

export function openApi(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: '3.0.3', info: { title: 'Users API', version: '1.0.0' }, paths, components: { schemas } };
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const ok = { '200': { description: 'OK' } };

export function jsonResponse(schema: unknown, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody(schema: unknown, required = true) {
  return { required, content: { 'application/json': { schema } } };
}

export function param(name: string, location: 'query' | 'path' | 'header', type: string, required = false) {
  return { name, in: location, required: location === 'path' ? true : required, schema: { type } };
}

export const idParam = param('id', 'path', 'string');

/** `GET /users/{id}` returning `User`, with the given User schema: the base of most model examples. */
export function userDocument(user: Record<string, unknown>, extraSchemas: Record<string, unknown> = {}) {
  return openApi(
    { '/users/{id}': { get: { parameters: [idParam], responses: { '200': jsonResponse(ref('User')) } } } },
    { User: user, ...extraSchemas },
  );
}

/** `POST /users` sending `UserCreate`, with the given schema: the base of request-side examples. */
export function userCreateDocument(userCreate: Record<string, unknown>) {
  return openApi(
    { '/users': { post: { requestBody: jsonBody(ref('UserCreate')), responses: { '201': { description: 'Created' } } } } },
    { UserCreate: userCreate },
  );
}

export function listUsers(parameters: unknown[]) {
  return openApi({ '/users': { get: { parameters, responses: ok } } });
}

import { describeZodError, formatPath, InputDataError } from '@migration-architect/core';
import type { ApiModel, ApiOperation, ApiParameter, ApiRequestBody, ApiResponse } from './api-model.js';
import {
  HTTP_METHODS,
  OpenApiDocumentSchema,
  type OpenApiDocument,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
  type SchemaObject,
} from './openapi-document.js';
import { parseComponentRef, walkSchema, type ComponentKind } from './schema-references.js';
import { computeSchemaUsage } from './schema-usage.js';

type Path = PropertyKey[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** `x-` keys are extensions, allowed among paths; they are not paths, so they are dropped before validation. */
function withoutPathExtensions(document: Record<string, unknown>): Record<string, unknown> {
  const paths = document['paths'];
  if (!isPlainObject(paths)) return document;
  return { ...document, paths: Object.fromEntries(Object.entries(paths).filter(([key]) => !key.startsWith('x-'))) };
}

/**
 * The JSON media type of a body: `application/json` first, then any other `…json` type. Other
 * media types are a later issue.
 */
function jsonMediaType(content: Record<string, { schema?: SchemaObject | undefined }> | undefined) {
  if (!content) return undefined;
  const mediaType = 'application/json' in content ? 'application/json' : Object.keys(content).find((type) => /json/i.test(type));
  return mediaType === undefined ? undefined : { mediaType, schema: content[mediaType]?.schema };
}

class Loader {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly file: string,
  ) {}

  fail(message: string, path: Path): never {
    throw new InputDataError(message, { file: this.file, path: formatPath(path) });
  }

  /** Follows a `$ref` to a component of the expected kind; the path names the `$ref` on failure. */
  resolve<T extends { $ref?: string | undefined }>(value: T, kind: ComponentKind, path: Path, depth = 0): T {
    if (value.$ref === undefined) return value;
    const where = [...path, '$ref'];
    if (depth > 10) this.fail('reference chain too long or circular', where);
    const target = parseComponentRef(value.$ref);
    if (!target) {
      this.fail(
        `unsupported $ref "${value.$ref}": only local references like "#/components/${kind}/Name" are resolved for now`,
        where,
      );
    }
    if (target.kind !== kind) this.fail(`$ref "${value.$ref}" points to ${target.kind}, expected ${kind}`, where);
    const resolved = (this.document.components?.[kind] as Record<string, T> | undefined)?.[target.name];
    if (!resolved) this.fail(`$ref "${value.$ref}" points to a component that does not exist`, where);
    return this.resolve(resolved, kind, ['components', kind, target.name], depth + 1);
  }

  /** Schema references stay unresolved (compared by name), but must point to an existing schema. */
  checkSchemaRefs(schema: SchemaObject | undefined, path: Path): void {
    if (!schema) return;
    for (const { schema: visited, path: inner } of walkSchema(schema)) {
      if (visited.$ref === undefined) continue;
      const where = [...path, ...inner, '$ref'];
      const target = parseComponentRef(visited.$ref);
      if (!target) {
        this.fail(`unsupported $ref "${visited.$ref}": only local references like "#/components/schemas/Name" are resolved for now`, where);
      }
      if (target.kind !== 'schemas') this.fail(`$ref "${visited.$ref}" points to ${target.kind}, expected schemas`, where);
      if (!this.document.components?.schemas?.[target.name]) {
        this.fail(`$ref "${visited.$ref}" points to a schema that does not exist`, where);
      }
    }
  }

  parameters(list: ParameterObject[] | undefined, path: Path): ApiParameter[] {
    return (list ?? []).map((raw, i) => {
      const at = [...path, i];
      const parameter = this.resolve(raw, 'parameters', at);
      // The schema validated these for inline parameters; a resolved component was validated where it is defined.
      const name = parameter.name!;
      const location = parameter.in!;
      this.checkSchemaRefs(parameter.schema, [...at, 'schema']);
      return {
        key: `${location}:${name}`,
        name,
        in: location,
        // Path parameters are always required (OpenAPI 3.0 §4.7.12), whatever the document says.
        required: location === 'path' ? true : parameter.required === true,
        schema: parameter.schema,
        definition: parameter,
      };
    });
  }

  requestBody(raw: RequestBodyObject | undefined, path: Path): ApiRequestBody | undefined {
    if (!raw) return undefined;
    const body = this.resolve(raw, 'requestBodies', path);
    const json = jsonMediaType(body.content);
    if (json) this.checkSchemaRefs(json.schema, [...path, 'content', json.mediaType, 'schema']);
    return { required: body.required === true, schema: json?.schema };
  }

  responses(raw: Record<string, ResponseObject> | undefined, path: Path): Map<string, ApiResponse> {
    const responses = new Map<string, ApiResponse>();
    for (const [status, value] of Object.entries(raw ?? {})) {
      const at = [...path, status];
      const response = this.resolve(value, 'responses', at);
      const json = jsonMediaType(response.content);
      if (json) this.checkSchemaRefs(json.schema, [...at, 'content', json.mediaType, 'schema']);
      responses.set(status, { status, schema: json?.schema });
    }
    return responses;
  }

  model(): ApiModel {
    const operations = new Map<string, ApiOperation>();
    const paths = new Set<string>();
    for (const [path, item] of Object.entries(this.document.paths)) {
      paths.add(path);
      const shared = this.parameters(item.parameters, ['paths', path, 'parameters']);
      // Only HTTP methods are operations; the seed also treated `parameters` or `summary` as methods.
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const at: Path = ['paths', path, method];
        const parameters = new Map<string, ApiParameter>();
        // Operation-level parameters override path-level ones with the same location and name.
        for (const p of [...shared, ...this.parameters(operation.parameters, [...at, 'parameters'])]) parameters.set(p.key, p);
        const key = `${method.toUpperCase()} ${path}`;
        operations.set(key, {
          key,
          method,
          path,
          parameters,
          requestBody: this.requestBody(operation.requestBody, [...at, 'requestBody']),
          responses: this.responses(operation.responses, [...at, 'responses']),
          definition: operation,
        });
      }
    }
    const schemas = new Map<string, SchemaObject>(Object.entries(this.document.components?.schemas ?? {}));
    for (const [name, schema] of schemas) this.checkSchemaRefs(schema, ['components', 'schemas', name]);
    return { paths, operations, schemas, usage: computeSchemaUsage(operations, schemas) };
  }
}

/**
 * Turns a parsed OpenAPI 3.0 document (JSON or YAML) into the model `diff` compares. Bad input
 * throws InputDataError with the path inside the document.
 */
export function loadOpenApi(document: unknown, source: { file: string }): ApiModel {
  const { file } = source;
  if (!isPlainObject(document)) {
    throw new InputDataError(`expected an OpenAPI document (an object), got ${describeValue(document)}`, { file });
  }
  if (document['swagger'] !== undefined) {
    throw new InputDataError('Swagger 2.0 documents are not supported yet; convert the document to OpenAPI 3.0 first', {
      file,
      path: 'swagger',
    });
  }
  const version = document['openapi'];
  if (typeof version === 'string' && !/^3\./.test(version)) {
    throw new InputDataError(`expected OpenAPI 3.x, got version "${version}"`, { file, path: 'openapi' });
  }
  const parsed = OpenApiDocumentSchema.safeParse(withoutPathExtensions(document));
  if (!parsed.success) {
    const { path, message } = describeZodError(parsed.error);
    throw new InputDataError(message, { file, path: path || undefined });
  }
  return new Loader(parsed.data, file).model();
}

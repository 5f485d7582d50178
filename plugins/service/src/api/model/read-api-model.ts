import { InputDataError } from '@migration-architect/core';
import type { DocumentSet, Located } from '../document/document-set.js';
import { isRecord } from '../document/spec-document.js';
import type {
  ApiHeader,
  ApiModel,
  ApiOperation,
  ApiParameter,
  ApiRequestBody,
  ApiResponse,
  Lifecycle,
  MediaEntry,
  ParameterLocation,
  SecurityAlternative,
  SecurityScheme,
} from './api-model.js';
import { normalizeMediaType, pathMatchKey, pathParameterPositions } from './endpoint-key.js';
import { parseSunset } from '../lifecycle/sunset-date.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCATIONS = new Set<ParameterLocation>(['query', 'header', 'path', 'cookie']);

type Obj = Record<string, unknown>;

/**
 * Reads Swagger 2.0 and OpenAPI 3.0 / 3.1 into one model. It refuses only what has no clear
 * meaning; what real descriptions commonly get wrong but means something (a null `responses`,
 * a path without its leading slash, a Swagger-style `required: true` on a property) is read
 * with a warning.
 */
class ModelReader {
  readonly warnings: string[] = [];
  private readonly swagger: boolean;
  private readonly rootObj: Obj;

  constructor(private readonly docs: DocumentSet) {
    this.rootObj = docs.root.root as Obj;
    this.swagger = this.rootObj['swagger'] !== undefined;
  }

  private warn(at: Located, message: string): void {
    this.warnings.push(`${at.doc.name}: ${at.path.pointer() || '/'}: ${message}`);
  }

  private fail(at: Located, message: string): never {
    throw new InputDataError(message, { file: at.doc.name, path: at.path.pointer() || '/' });
  }

  /** The object at a location after following `$ref`s, or undefined (with a warning) for null and scalars. */
  private object(at: Located | undefined, what: string): Located<Obj> | undefined {
    if (!at) return undefined;
    const resolved = this.docs.deref(at);
    if (isRecord(resolved.node)) return resolved as Located<Obj>;
    if (resolved.node !== null)
      this.warn(resolved, `expected ${what} (an object), got ${Array.isArray(resolved.node) ? 'an array' : typeof resolved.node}; ignored`);
    else this.warn(resolved, `${what} is null; read as empty`);
    return undefined;
  }

  private entries(at: Located | undefined, what: string): [string, Located][] {
    const obj = this.object(at, what);
    if (!obj) return [];
    return Object.keys(obj.node).map((key) => [key, this.docs.child(obj, key)!] as [string, Located]);
  }

  private lifecycle(node: Obj): Lifecycle {
    const sunsetDate = parseSunset(node['x-sunset'] ?? node['x-sunset-date']);
    const stability = node['x-stability-level'];
    return {
      deprecated: node['deprecated'] === true,
      sunset: sunsetDate?.text,
      sunsetDate,
      stability: typeof stability === 'string' ? stability : undefined,
      stabilityRaw: stability,
    };
  }

  private mediaTypes(list: unknown, fallback: string[]): string[] {
    return Array.isArray(list) && list.length ? list.filter((m): m is string => typeof m === 'string') : fallback;
  }

  private content(at: Located | undefined): Map<string, MediaEntry> {
    const content = new Map<string, MediaEntry>();
    for (const [mediaType, entry] of this.entries(at, 'a content map')) {
      const media = this.object(entry, `media type "${mediaType}"`);
      if (!media) continue;
      content.set(normalizeMediaType(mediaType), { mediaType: normalizeMediaType(mediaType), schema: this.docs.child(media, 'schema'), at: media });
    }
    return content;
  }

  private parameter(at: Located, path: string): ApiParameter | undefined {
    const param = this.object(at, 'a parameter');
    if (!param) return undefined;
    const { name, in: location } = param.node;
    if (typeof name !== 'string' || name === '') {
      this.warn(param, 'parameter without a name; ignored');
      return undefined;
    }
    if (typeof location !== 'string' || !LOCATIONS.has(location as ParameterLocation)) {
      if (!(this.swagger && (location === 'body' || location === 'formData')))
        this.warn(param, `parameter "${name}" has an unknown location "${String(location)}"; ignored`);
      return undefined;
    }
    const where = location as ParameterLocation;
    let key = `${where}:${where === 'header' ? name.toLowerCase() : name}`;
    if (where === 'path') {
      const position = pathParameterPositions(path).get(name);
      if (position === undefined) this.warn(param, `path parameter "${name}" does not appear in the path ${path}`);
      else key = `path:#${position}`;
    }
    let schema: Located | undefined;
    if (this.swagger) schema = param;
    else schema = this.docs.child(param, 'schema') ?? [...this.content(this.docs.child(param, 'content')).values()][0]?.schema;
    return {
      key,
      name,
      in: where,
      required: where === 'path' || param.node['required'] === true,
      deprecated: param.node['deprecated'] === true,
      sunsetDate: parseSunset(param.node['x-sunset'] ?? param.node['x-sunset-date']),
      schema,
      at: param,
      style:
        typeof param.node['style'] === 'string'
          ? param.node['style']
          : typeof param.node['collectionFormat'] === 'string'
            ? param.node['collectionFormat']
            : undefined,
      explode: typeof param.node['explode'] === 'boolean' ? param.node['explode'] : undefined,
    };
  }

  private parameterList(at: Located | undefined, path: string, into: Map<string, ApiParameter>, swaggerBody: Located[]): void {
    if (!at) return;
    const list = this.docs.deref(at);
    if (!Array.isArray(list.node)) {
      if (list.node !== null) this.warn(list, 'expected a list of parameters; ignored');
      return;
    }
    list.node.forEach((_, i) => {
      const item = this.docs.child(list, i)!;
      if (this.swagger) {
        const resolved = this.docs.deref(item);
        const location = isRecord(resolved.node) ? resolved.node['in'] : undefined;
        if (location === 'body' || location === 'formData') {
          swaggerBody.push(resolved);
          return;
        }
      }
      const parameter = this.parameter(item, path);
      // Operation-level parameters replace path-level ones with the same location and name.
      if (parameter) into.set(parameter.key, parameter);
    });
  }

  /** Swagger 2.0: a `body` parameter, or `formData` parameters, become the request body. */
  private swaggerRequestBody(params: Located[], consumes: string[], operation: Located<Obj>): ApiRequestBody | undefined {
    if (params.length === 0) return undefined;
    const body = params.find((p) => (p.node as Obj)['in'] === 'body');
    const content = new Map<string, MediaEntry>();
    if (body) {
      const schema = this.docs.child(body, 'schema');
      for (const mediaType of consumes) content.set(normalizeMediaType(mediaType), { mediaType: normalizeMediaType(mediaType), schema, at: body });
      return { required: (body.node as Obj)['required'] === true, content, at: body };
    }
    // Form fields: one object schema whose properties are the fields (each field is its own schema in 2.0).
    const properties: Obj = {};
    const required: string[] = [];
    for (const p of params) {
      const field = p.node as Obj;
      properties[String(field['name'])] = field;
      if (field['required'] === true) required.push(String(field['name']));
    }
    const synthesized = { doc: operation.doc, node: { type: 'object', properties, required }, path: operation.path.child('parameters') };
    const formTypes = consumes.filter((m) => /form/.test(m));
    for (const mediaType of formTypes.length ? formTypes : ['application/x-www-form-urlencoded']) {
      content.set(normalizeMediaType(mediaType), { mediaType: normalizeMediaType(mediaType), schema: synthesized, at: synthesized });
    }
    return { required: required.length > 0, content, at: synthesized };
  }

  private requestBody(at: Located | undefined): ApiRequestBody | undefined {
    const body = this.object(at, 'a request body');
    if (!body) return undefined;
    return { required: body.node['required'] === true, content: this.content(this.docs.child(body, 'content')), at: body };
  }

  private headers(at: Located | undefined): Map<string, ApiHeader> {
    const headers = new Map<string, ApiHeader>();
    for (const [name, entry] of this.entries(at, 'a headers map')) {
      const header = this.object(entry, `header "${name}"`);
      if (!header) continue;
      headers.set(name.toLowerCase(), {
        name,
        required: header.node['required'] === true,
        deprecated: header.node['deprecated'] === true,
        schema: this.swagger ? header : this.docs.child(header, 'schema'),
        at: header,
      });
    }
    return headers;
  }

  private responses(at: Located | undefined, produces: string[], operation: Located<Obj>, webhook: boolean): Map<string, ApiResponse> {
    const responses = new Map<string, ApiResponse>();
    if (!at || at.node === null) {
      // Webhooks often document no response; an API operation without any is a mistake read leniently.
      if (!webhook) this.warn(at ?? operation, 'operation without responses; read as documenting none');
      return responses;
    }
    for (const [status, entry] of this.entries(at, 'a responses map')) {
      if (status.startsWith('x-')) continue;
      const response = this.object(entry, `response ${status}`);
      if (!response) continue;
      let content: Map<string, MediaEntry>;
      if (this.swagger) {
        content = new Map();
        const schema = this.docs.child(response, 'schema');
        if (schema)
          for (const mediaType of produces) content.set(normalizeMediaType(mediaType), { mediaType: normalizeMediaType(mediaType), schema, at: response });
      } else {
        content = this.content(this.docs.child(response, 'content'));
      }
      // `2xx` and `2XX` are one range; `default` stays as written.
      const key = /^[1-5]xx$/i.test(status) ? status.toUpperCase() : status;
      responses.set(key, { status: key, content, headers: this.headers(this.docs.child(response, 'headers')), links: this.links(response), at: response });
    }
    return responses;
  }

  private links(response: Located): Map<string, { target: string; parameters: string; at: Located }> {
    const links = new Map<string, { target: string; parameters: string; at: Located }>();
    for (const [name, entry] of this.entries(this.docs.child(response, 'links'), 'a links map')) {
      const link = this.object(entry, `link "${name}"`);
      if (!link) continue;
      const target = link.node['operationId'] ?? link.node['operationRef'];
      links.set(name, { target: typeof target === 'string' ? target : '', parameters: JSON.stringify(link.node['parameters'] ?? {}), at: link });
    }
    return links;
  }

  /** Operations of a callback, read like webhooks; collected beside the operation that declares them. */
  private readonly callbackOperations: ApiOperation[] = [];

  private callbacks(owner: ApiOperation, at: Located<Obj>): void {
    for (const [name, entry] of this.entries(this.docs.child(at, 'callbacks'), 'a callbacks map')) {
      for (const [expression, itemAt] of this.entries(this.object(entry, `callback "${name}"`), `callback "${name}"`)) {
        const item = this.object(itemAt, `callback "${name}" ${expression}`);
        if (!item) continue;
        for (const method of HTTP_METHODS) {
          const operation = this.docs.child<unknown>(item, method);
          if (operation === undefined) continue;
          const resolved = this.object(operation, `callback "${name}" ${method.toUpperCase()} ${expression}`);
          if (!resolved) continue;
          const read = this.operation(method, expression, resolved, new Map(), [], true);
          const upper = method.toUpperCase();
          this.callbackOperations.push({
            ...read,
            key: `CALLBACK ${owner.key} ${name} ${expression} ${upper}`,
            label: `callback ${name} of ${owner.label} (${upper} ${expression})`,
            callback: { of: owner.label, name, expression },
          });
        }
      }
    }
  }

  private security(at: Located | undefined): SecurityAlternative[] | undefined {
    if (!at) return undefined;
    if (!Array.isArray(at.node)) {
      if (at.node !== null) this.warn(at, 'expected a list of security requirements; ignored');
      return undefined;
    }
    return at.node.filter(isRecord).map((requirement) => {
      const alternative: SecurityAlternative = new Map();
      for (const [name, scopes] of Object.entries(requirement)) alternative.set(name, Array.isArray(scopes) ? scopes.map(String) : []);
      return alternative;
    });
  }

  private operation(method: string, path: string, at: Located<Obj>, shared: Map<string, ApiParameter>, sharedBody: Located[], webhook: boolean): ApiOperation {
    const node = at.node;
    const parameters = new Map(shared);
    const bodyParams = [...sharedBody];
    this.parameterList(this.docs.child(at, 'parameters'), path, parameters, bodyParams);
    const consumes = this.mediaTypes(node['consumes'], this.mediaTypes(this.rootObj['consumes'], ['application/json']));
    const produces = this.mediaTypes(node['produces'], this.mediaTypes(this.rootObj['produces'], ['application/json']));
    const upper = method.toUpperCase();
    return {
      key: webhook ? `WEBHOOK ${path} ${upper}` : `${upper} ${pathMatchKey(path)}`,
      label: webhook ? `webhook ${path} (${upper})` : `${upper} ${path}`,
      method,
      path,
      webhook,
      callback: undefined,
      operationId: typeof node['operationId'] === 'string' ? node['operationId'] : undefined,
      tags: Array.isArray(node['tags']) ? node['tags'].map(String) : [],
      lifecycle: this.lifecycle(node),
      parameters,
      requestBody: this.swagger ? this.swaggerRequestBody(bodyParams, consumes, at) : this.requestBody(this.docs.child(at, 'requestBody')),
      responses: this.responses(this.docs.child(at, 'responses'), produces, at, webhook),
      security: this.security(this.docs.child(at, 'security')) ?? this.security(this.docs.at(['security'])),
      at,
    };
  }

  private pathItems(at: Located | undefined, webhook: boolean, into: Map<string, ApiOperation>, paths: Set<string>): void {
    for (const [rawPath, entry] of this.entries(at, webhook ? 'a webhooks map' : 'a paths map')) {
      if (rawPath.startsWith('x-')) continue;
      let path = rawPath;
      if (!webhook && !path.startsWith('/')) {
        this.warn(entry, `path "${rawPath}" does not start with "/"; read as "/${rawPath}"`);
        path = `/${rawPath}`;
      }
      const item = this.object(entry, `path item "${rawPath}"`);
      if (!item) continue;
      if (!webhook) paths.add(pathMatchKey(path));
      const shared = new Map<string, ApiParameter>();
      const sharedBody: Located[] = [];
      this.parameterList(this.docs.child(item, 'parameters'), path, shared, sharedBody);
      for (const method of HTTP_METHODS) {
        const operation = this.docs.child<unknown>(item, method);
        if (operation === undefined) continue;
        const resolved = this.object(operation, `operation ${method.toUpperCase()} ${path}`);
        if (!resolved) continue;
        const read = this.operation(method, path, resolved, shared, sharedBody, webhook);
        if (into.has(read.key))
          this.warn(resolved, `${read.label} matches ${into.get(read.key)!.label} once path parameter names are ignored; the first is compared`);
        else {
          into.set(read.key, read);
          if (!webhook) this.callbacks(read, resolved);
        }
        for (const callback of this.callbackOperations.splice(0)) if (!into.has(callback.key)) into.set(callback.key, callback);
      }
    }
  }

  private securitySchemes(): Map<string, SecurityScheme> {
    const schemes = new Map<string, SecurityScheme>();
    const at = this.swagger ? this.docs.at(['securityDefinitions']) : this.docs.at(['components', 'securitySchemes']);
    for (const [name, entry] of this.entries(at, 'a security schemes map')) {
      const scheme = this.object(entry, `security scheme "${name}"`);
      if (!scheme) continue;
      const node = scheme.node;
      const flows = new Map<string, { authorizationUrl: string | undefined; tokenUrl: string | undefined; scopes: string[] }>();
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const scopesOf = (v: unknown) => (isRecord(v) ? Object.keys(v) : []);
      if (this.swagger && node['type'] === 'oauth2') {
        flows.set(String(node['flow'] ?? 'oauth2'), {
          authorizationUrl: str(node['authorizationUrl']),
          tokenUrl: str(node['tokenUrl']),
          scopes: scopesOf(node['scopes']),
        });
      } else if (isRecord(node['flows'])) {
        for (const [flow, value] of Object.entries(node['flows'])) {
          if (isRecord(value))
            flows.set(flow, { authorizationUrl: str(value['authorizationUrl']), tokenUrl: str(value['tokenUrl']), scopes: scopesOf(value['scopes']) });
        }
      }
      schemes.set(name, { name, type: String(node['type'] ?? 'unknown'), flows, at: scheme });
    }
    return schemes;
  }

  read(): ApiModel {
    const root = this.docs.at<Obj>([])!;
    const version = String(this.rootObj['swagger'] ?? this.rootObj['openapi'] ?? '3.0.0');
    const operations = new Map<string, ApiOperation>();
    const paths = new Set<string>();
    const pathsAt = this.docs.at(['paths']);
    if (pathsAt === undefined && this.rootObj['webhooks'] === undefined && this.rootObj['components'] === undefined) {
      this.fail(root, 'expected a "paths" object (the operations of the API)');
    }
    this.pathItems(pathsAt, false, operations, paths);
    this.pathItems(this.docs.at(['webhooks']) ?? this.docs.at(['x-webhooks']), true, operations, paths);
    const schemas = new Map<string, Located>();
    for (const [name, entry] of this.entries(this.swagger ? this.docs.at(['definitions']) : this.docs.at(['components', 'schemas']), 'a schemas map'))
      schemas.set(name, entry);
    return { version, documents: this.docs, operations, paths, securitySchemes: this.securitySchemes(), schemas, warnings: this.warnings };
  }
}

/** Reads the model from a loaded document set. Errors are InputDataError naming the file and pointer. */
export function readApiModel(documents: DocumentSet): ApiModel {
  const root = documents.root.root;
  if (!isRecord(root)) {
    throw new InputDataError(
      `expected an OpenAPI or Swagger document (an object), got ${Array.isArray(root) ? 'an array' : root === null ? 'null' : typeof root}`,
      { file: documents.root.name },
    );
  }
  const swagger = root['swagger'];
  const openapi = root['openapi'];
  if (swagger !== undefined && !/^2\./.test(String(swagger))) {
    throw new InputDataError(`expected Swagger 2.0, got version "${String(swagger)}"`, { file: documents.root.name, path: '/swagger' });
  }
  if (openapi !== undefined && !/^3\.[01]\b/.test(String(openapi))) {
    throw new InputDataError(`expected OpenAPI 3.0 or 3.1, got version "${String(openapi)}"`, { file: documents.root.name, path: '/openapi' });
  }
  return new ModelReader(documents).read();
}

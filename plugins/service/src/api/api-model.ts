import type { HttpMethod, OperationObject, ParameterObject, SchemaObject } from './openapi-document.js';

/**
 * The normalized form of one OpenAPI document that `diff` compares: operations keyed
 * `METHOD /path`, parameters keyed `in:name`, JSON schemas of bodies as written (component
 * references stay references, compared by name), and the component schemas themselves.
 */

export type ParameterLocation = 'query' | 'header' | 'path' | 'cookie';

export interface ApiParameter {
  /** `query:limit`: a parameter is identified by where it goes and its name. */
  key: string;
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: SchemaObject | undefined;
  definition: ParameterObject;
}

export interface ApiRequestBody {
  required: boolean;
  /** The JSON media type's schema, if the body has one. */
  schema: SchemaObject | undefined;
}

export interface ApiResponse {
  status: string;
  /** The JSON media type's schema, if the response has one. */
  schema: SchemaObject | undefined;
}

export interface ApiOperation {
  /** `GET /users/{id}` */
  key: string;
  method: HttpMethod;
  path: string;
  parameters: Map<string, ApiParameter>;
  requestBody: ApiRequestBody | undefined;
  responses: Map<string, ApiResponse>;
  definition: OperationObject;
}

/** Operations that reach a component schema, directly or through other schemas, by direction. */
export interface SchemaUsage {
  /** Operations that send it: parameters and request bodies. */
  request: string[];
  /** Operations that return it. */
  response: string[];
}

export interface ApiModel {
  paths: Set<string>;
  operations: Map<string, ApiOperation>;
  schemas: Map<string, SchemaObject>;
  usage: Map<string, SchemaUsage>;
}

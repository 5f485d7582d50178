import type { DocumentSet, Located } from '../document/document-set.js';
import type { SunsetDate } from '../lifecycle/sunset-date.js';

/**
 * The normalized form of an API description that `diff` compares. Swagger 2.0, OpenAPI 3.0 and
 * 3.1 read into the same shape; schemas stay where they are written (`Located`), references
 * unexpanded, so the comparison follows only what it needs.
 */

export type Direction = 'request' | 'response';
export type ParameterLocation = 'query' | 'header' | 'path' | 'cookie';

export interface Lifecycle {
  deprecated: boolean;
  /** `x-sunset` (or `x-sunset-date`) as written: the date after which the operation may be removed. */
  sunset: string | undefined;
  /** The sunset read as a date; undefined when there is none. */
  sunsetDate: SunsetDate | undefined;
  /** `x-stability-level`: draft, alpha, beta or stable. */
  stability: string | undefined;
  /** `x-stability-level` as written, whatever it is; undefined when absent. */
  stabilityRaw: unknown;
}

export interface ApiParameter {
  /** Matching key: `query:limit`, `header:x-request-id` (lowercase), `path:#0` (path parameters by position, names ignored). */
  key: string;
  name: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  /** `x-sunset` of the parameter, read as a date. */
  sunsetDate: SunsetDate | undefined;
  /** `schema` in OpenAPI 3, the parameter object itself in Swagger 2.0. */
  schema: Located | undefined;
  at: Located;
  style: string | undefined;
  explode: boolean | undefined;
}

export interface MediaEntry {
  /** Lowercase, without parameters: `application/json`. */
  mediaType: string;
  schema: Located | undefined;
  at: Located;
}

export interface ApiRequestBody {
  required: boolean;
  content: Map<string, MediaEntry>;
  at: Located;
}

export interface ApiHeader {
  /** As written; matched case-insensitively. */
  name: string;
  required: boolean;
  deprecated: boolean;
  schema: Located | undefined;
  at: Located;
}

export interface ApiResponse {
  status: string;
  content: Map<string, MediaEntry>;
  /** Keyed by lowercase name. */
  headers: Map<string, ApiHeader>;
  /** `links`: name → where the link leads (operationId or operationRef, and the parameters it passes). */
  links: Map<string, { target: string; parameters: string; at: Located }>;
  at: Located;
}

/** One alternative of a security requirement: scheme name → scopes. */
export type SecurityAlternative = Map<string, string[]>;

export interface ApiOperation {
  /** Matching key: `GET /pets/{}` (path parameter names ignored), or `WEBHOOK newPet POST`. */
  key: string;
  /** How findings name it: `GET /pets/{petId}`, or `webhook newPet (POST)`. */
  label: string;
  method: string;
  /** The path as written, or the webhook name. */
  path: string;
  webhook: boolean;
  /** A callback of another operation (`callbacks`): like a webhook, the API sends the request. */
  callback: { of: string; name: string; expression: string } | undefined;
  operationId: string | undefined;
  tags: string[];
  lifecycle: Lifecycle;
  parameters: Map<string, ApiParameter>;
  requestBody: ApiRequestBody | undefined;
  responses: Map<string, ApiResponse>;
  /** The requirement in force (the operation's, else the document's); undefined when neither declares one. */
  security: SecurityAlternative[] | undefined;
  at: Located;
}

export interface SecurityScheme {
  name: string;
  type: string;
  /** OAuth2 flows: flow name → URLs and scopes. */
  flows: Map<string, { authorizationUrl: string | undefined; tokenUrl: string | undefined; scopes: string[] }>;
  at: Located;
}

export interface ApiModel {
  /** `2.0`, `3.0.3`, `3.1.0`. */
  version: string;
  documents: DocumentSet;
  /** By matching key; webhooks included. */
  operations: Map<string, ApiOperation>;
  /** Matching keys of the paths (`/pets/{}`). */
  paths: Set<string>;
  securitySchemes: Map<string, SecurityScheme>;
  /** Named schemas: `components.schemas` or `definitions`. */
  schemas: Map<string, Located>;
  /** What the description gets wrong that was read anyway, one line each (`file: /pointer: what`). */
  warnings: string[];
}

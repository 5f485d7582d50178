import { z } from 'zod';

/**
 * The parts of an OpenAPI 3.0 document the checker reads, validated leniently: unknown keys are
 * kept, and only the fields compared must have the right shape. Everything here may also be a
 * `$ref` object; the loader resolves local references.
 */

export interface SchemaObject {
  $ref?: string | undefined;
  type?: string | string[] | undefined;
  properties?: Record<string, SchemaObject> | undefined;
  required?: string[] | undefined;
  items?: SchemaObject | undefined;
  allOf?: SchemaObject[] | undefined;
  oneOf?: SchemaObject[] | undefined;
  anyOf?: SchemaObject[] | undefined;
  [key: string]: unknown;
}

export const SchemaObjectSchema: z.ZodType<SchemaObject> = z.lazy(() =>
  z.looseObject({
    $ref: z.string().optional(),
    // 3.1 allows a list of types; accepted so 3.1-shaped schemas still compare.
    type: z.union([z.string(), z.array(z.string())]).optional(),
    properties: z.record(z.string(), SchemaObjectSchema).optional(),
    required: z.array(z.string()).optional(),
    items: SchemaObjectSchema.optional(),
    allOf: z.array(SchemaObjectSchema).optional(),
    oneOf: z.array(SchemaObjectSchema).optional(),
    anyOf: z.array(SchemaObjectSchema).optional(),
  }),
);

const MediaTypeSchema = z.looseObject({ schema: SchemaObjectSchema.optional() });
const ContentSchema = z.record(z.string(), MediaTypeSchema);

export const ParameterSchema = z
  .looseObject({
    $ref: z.string().optional(),
    name: z.string().min(1).optional(),
    in: z.enum(['query', 'header', 'path', 'cookie']).optional(),
    required: z.boolean().optional(),
    schema: SchemaObjectSchema.optional(),
  })
  .superRefine((parameter, ctx) => {
    if (parameter.$ref !== undefined) return;
    if (parameter.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'expected the parameter name' });
    if (parameter.in === undefined) {
      ctx.addIssue({ code: 'custom', path: ['in'], message: 'expected where the parameter goes: query, header, path or cookie' });
    }
  });
export type ParameterObject = z.infer<typeof ParameterSchema>;

export const RequestBodySchema = z.looseObject({
  $ref: z.string().optional(),
  required: z.boolean().optional(),
  content: ContentSchema.optional(),
});
export type RequestBodyObject = z.infer<typeof RequestBodySchema>;

export const ResponseSchema = z.looseObject({
  $ref: z.string().optional(),
  content: ContentSchema.optional(),
});
export type ResponseObject = z.infer<typeof ResponseSchema>;

export const OperationSchema = z.looseObject({
  parameters: z.array(ParameterSchema).optional(),
  requestBody: RequestBodySchema.optional(),
  responses: z.record(z.string(), ResponseSchema).optional(),
  deprecated: z.boolean().optional(),
});
export type OperationObject = z.infer<typeof OperationSchema>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const PathItemSchema = z.looseObject({
  parameters: z.array(ParameterSchema).optional(),
  get: OperationSchema.optional(),
  put: OperationSchema.optional(),
  post: OperationSchema.optional(),
  delete: OperationSchema.optional(),
  options: OperationSchema.optional(),
  head: OperationSchema.optional(),
  patch: OperationSchema.optional(),
  trace: OperationSchema.optional(),
});
export type PathItemObject = z.infer<typeof PathItemSchema>;

export const OpenApiDocumentSchema = z
  .looseObject({
    openapi: z.string().optional(),
    paths: z.record(z.string().regex(/^\//, 'expected a path starting with "/"'), PathItemSchema, {
      error: (issue) => (issue.input === undefined ? 'expected a "paths" object (is this an OpenAPI document?)' : undefined),
    }),
    components: z
      .looseObject({
        schemas: z.record(z.string(), SchemaObjectSchema).optional(),
        parameters: z.record(z.string(), ParameterSchema).optional(),
        requestBodies: z.record(z.string(), RequestBodySchema).optional(),
        responses: z.record(z.string(), ResponseSchema).optional(),
      })
      .optional(),
  });
export type OpenApiDocument = z.infer<typeof OpenApiDocumentSchema>;

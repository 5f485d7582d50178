import type { SchemaObject } from './openapi-document.js';

/**
 * Local component references (`#/components/schemas/User`). External files and other pointers
 * are a later issue; the loader rejects them with the path of the `$ref`.
 */

export type ComponentKind = 'schemas' | 'parameters' | 'requestBodies' | 'responses';

const COMPONENT_REF = /^#\/components\/(schemas|parameters|requestBodies|responses)\/([^/]+)$/;

/** JSON Pointer unescaping (RFC 6901): `~1` is `/`, `~0` is `~`. */
function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function parseComponentRef(ref: string): { kind: ComponentKind; name: string } | undefined {
  const match = COMPONENT_REF.exec(ref);
  if (!match) return undefined;
  return { kind: match[1] as ComponentKind, name: unescapePointer(match[2]!) };
}

/** The schema name a `$ref` points to, or undefined for inline schemas and non-schema refs. */
export function schemaRefName(schema: SchemaObject | undefined): string | undefined {
  if (!schema?.$ref) return undefined;
  const target = parseComponentRef(schema.$ref);
  return target?.kind === 'schemas' ? target.name : undefined;
}

export interface SchemaVisit {
  schema: SchemaObject;
  /** Path from where the walk started: `['properties', 'address', 'items']`. */
  path: PropertyKey[];
}

/** Every subschema, the starting one included, through the keywords that nest schemas. */
export function* walkSchema(schema: SchemaObject, path: PropertyKey[] = []): Generator<SchemaVisit> {
  yield { schema, path };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    yield* walkSchema(property, [...path, 'properties', name]);
  }
  if (schema.items) yield* walkSchema(schema.items, [...path, 'items']);
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    for (const [i, member] of (schema[keyword] ?? []).entries()) yield* walkSchema(member, [...path, keyword, i]);
  }
  const additional = schema['additionalProperties'];
  if (additional && typeof additional === 'object' && !Array.isArray(additional)) {
    yield* walkSchema(additional as SchemaObject, [...path, 'additionalProperties']);
  }
  const not = schema['not'];
  if (not && typeof not === 'object' && !Array.isArray(not)) yield* walkSchema(not as SchemaObject, [...path, 'not']);
}

/** Names of the component schemas a schema refers to, directly. */
export function referencedSchemaNames(schema: SchemaObject | undefined): Set<string> {
  const names = new Set<string>();
  if (!schema) return names;
  for (const { schema: visited } of walkSchema(schema)) {
    const name = schemaRefName(visited);
    if (name !== undefined) names.add(name);
  }
  return names;
}

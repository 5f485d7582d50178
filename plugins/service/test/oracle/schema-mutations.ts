import type { Schema } from './schema-arbitraries.js';

/**
 * Narrowing mutations: each returns a schema that admits a subset of what the input admits (by
 * construction), or undefined when it does not apply. Applied backwards they widen. Together
 * they touch every keyword the checker reads, the 2020-12 ones included.
 */
export interface Mutation {
  name: string;
  apply: (schema: Schema) => Schema | undefined;
}

const has = (s: Schema, type: string) => s['type'] === type || (Array.isArray(s['type']) && (s['type'] as string[]).includes(type));
const isObject = (s: Schema) => s['type'] === 'object';
const isArray = (s: Schema) => s['type'] === 'array';
const num = (s: Schema, key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);

export const MUTATIONS: Mutation[] = [
  { name: 'maxLength lowered', apply: (s) => (has(s, 'string') && !s['enum'] ? { ...s, maxLength: Math.max(0, (num(s, 'maxLength') ?? 4) - 2) } : undefined) },
  { name: 'minLength raised', apply: (s) => (has(s, 'string') && !s['enum'] ? { ...s, minLength: (num(s, 'minLength') ?? 0) + 2 } : undefined) },
  { name: 'pattern added', apply: (s) => (has(s, 'string') && !s['enum'] && !s['pattern'] ? { ...s, pattern: '^[a-c]*$' } : undefined) },
  { name: 'enum value removed', apply: (s) => (Array.isArray(s['enum']) && s['enum'].length > 1 ? { ...s, enum: s['enum'].slice(1) } : undefined) },
  { name: 'enum to const', apply: (s) => (Array.isArray(s['enum']) && s['enum'].length > 1 ? { type: s['type'], const: s['enum'][0] } : undefined) },
  {
    name: 'enum added',
    apply: (s) =>
      s['type'] === 'string' && !s['enum'] && !s['pattern'] && s['maxLength'] === undefined && s['minLength'] === undefined
        ? { ...s, enum: ['a', 'x'] }
        : undefined,
  },
  { name: 'maximum lowered', apply: (s) => (has(s, 'integer') || has(s, 'number') ? { ...s, maximum: (num(s, 'maximum') ?? 5) - 2 } : undefined) },
  { name: 'minimum raised', apply: (s) => (has(s, 'integer') || has(s, 'number') ? { ...s, minimum: (num(s, 'minimum') ?? -3) + 2 } : undefined) },
  {
    name: 'exclusiveMaximum set',
    apply: (s) => (has(s, 'integer') && num(s, 'maximum') !== undefined ? { ...s, exclusiveMaximum: num(s, 'maximum') } : undefined),
  },
  { name: 'number to integer', apply: (s) => (s['type'] === 'number' ? { ...s, type: 'integer' } : undefined) },
  {
    name: 'null removed from the type list',
    apply: (s) => (Array.isArray(s['type']) && s['type'].includes('null') ? { ...s, type: (s['type'] as string[]).filter((t) => t !== 'null')[0] } : undefined),
  },
  {
    name: 'not const added',
    apply: (s) => (!s['not'] && (has(s, 'string') || has(s, 'integer')) ? { ...s, not: { const: has(s, 'string') ? 'x' : 1 } } : undefined),
  },
  { name: 'allOf member added', apply: (s) => (has(s, 'string') && !s['allOf'] ? { ...s, allOf: [{ not: { const: 'a' } }] } : undefined) },
  { name: 'maxItems lowered', apply: (s) => (isArray(s) ? { ...s, maxItems: Math.max(0, (num(s, 'maxItems') ?? 3) - 1) } : undefined) },
  { name: 'minItems raised', apply: (s) => (isArray(s) ? { ...s, minItems: (num(s, 'minItems') ?? 0) + 1 } : undefined) },
  { name: 'contains added', apply: (s) => (isArray(s) && !s['contains'] ? { ...s, contains: s['items'] } : undefined) },
  { name: 'minContains raised', apply: (s) => (isArray(s) && s['contains'] ? { ...s, minContains: (num(s, 'minContains') ?? 1) + 1 } : undefined) },
  {
    name: 'prefixItems added',
    apply: (s) => (isArray(s) && !s['prefixItems'] ? { ...s, prefixItems: [{ ...(s['items'] as Schema), not: { const: 'x' } }] } : undefined),
  },
  { name: 'property required', apply: (s) => requireOne(s) },
  {
    name: 'additionalProperties closed',
    apply: (s) => (isObject(s) && s['additionalProperties'] !== false ? { ...s, additionalProperties: false } : undefined),
  },
  {
    name: 'unevaluatedProperties closed',
    apply: (s) => (isObject(s) && s['additionalProperties'] !== false && !('unevaluatedProperties' in s) ? { ...s, unevaluatedProperties: false } : undefined),
  },
  { name: 'dependentRequired added', apply: (s) => (isObject(s) && !s['dependentRequired'] ? { ...s, dependentRequired: { a: ['b'] } } : undefined) },
  {
    name: 'dependentSchemas added',
    apply: (s) => (isObject(s) && !s['dependentSchemas'] ? { ...s, dependentSchemas: { b: { required: ['c'] } } } : undefined),
  },
  { name: 'propertyNames added', apply: (s) => (isObject(s) && !s['propertyNames'] ? { ...s, propertyNames: { pattern: '^[a-c]$' } } : undefined) },
  {
    // A pattern takes the properties it matches away from additionalProperties: a narrowing only where those are unconstrained.
    name: 'patternProperties added',
    apply: (s) =>
      isObject(s) && s['additionalProperties'] === undefined && !s['patternProperties']
        ? { ...s, patternProperties: { '^x-': { type: 'boolean' } } }
        : undefined,
  },
  // biome-ignore lint/suspicious/noThenProperty: `then` is a JSON Schema keyword
  { name: 'if/then added', apply: (s) => (isObject(s) && !s['if'] ? { ...s, if: { required: ['a'] }, then: { required: ['b'] } } : undefined) },
];

function requireOne(s: Schema): Schema | undefined {
  if (!isObject(s)) return undefined;
  const required = new Set((s['required'] as string[] | undefined) ?? []);
  const name = ['a', 'b', 'c'].find((n) => !required.has(n));
  return name ? { ...s, required: [...required, name] } : undefined;
}

/** The subschemas a mutation may target, by path: the schema, its properties, its items. */
export function targets(schema: Schema, path: string[] = []): string[][] {
  const found = [path];
  const properties = schema['properties'] as Record<string, Schema> | undefined;
  if (properties) for (const [name, sub] of Object.entries(properties)) found.push(...targets(sub, [...path, 'properties', name]));
  if (schema['items'] && typeof schema['items'] === 'object') found.push(...targets(schema['items'] as Schema, [...path, 'items']));
  return found;
}

/** The schema with the subschema at `path` replaced: a narrowing there narrows the whole (properties and items are monotone). */
export function replaceAt(schema: Schema, path: string[], replace: (s: Schema) => Schema | undefined): Schema | undefined {
  if (path.length === 0) return replace(schema);
  const [key, ...rest] = path;
  const child = schema[key!] as Schema;
  const next = replaceAt(child, rest, replace);
  return next === undefined ? undefined : { ...schema, [key!]: next };
}

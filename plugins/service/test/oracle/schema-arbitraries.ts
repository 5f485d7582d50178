import fc from 'fast-check';

/**
 * Random JSON Schema 2020-12 schemas and, for a schema, random instances it is likely to accept
 * (a schema-to-instance generator; callers keep only what Ajv accepts). Small on purpose: a few
 * types, bounds and the 2020-12 applicators, nested two levels deep.
 */

export type Schema = Record<string, unknown>;

const PATTERNS = ['^[a-z]*$', '^[a-c]+$', '^x'];
const WORDS = ['a', 'b', 'x', 'xy', 'abc', '', 'none', 'Zed'];

const bound = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: undefined });

function withOptional(base: Schema, extra: Record<string, unknown>): Schema {
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) base[key] = value;
  return base;
}

const stringSchema: fc.Arbitrary<Schema> = fc
  .record({
    minLength: bound(0, 2),
    maxLength: bound(2, 6),
    pattern: fc.option(fc.constantFrom(...PATTERNS), { nil: undefined, freq: 3 }),
    enum: fc.option(fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 4 }), { nil: undefined, freq: 4 }),
  })
  .map(({ enum: values, ...rest }) => (values ? { type: 'string', enum: values } : withOptional({ type: 'string' }, rest)));

const numberSchema: fc.Arbitrary<Schema> = fc
  .record({ type: fc.constantFrom('integer', 'number'), minimum: bound(-5, 0), maximum: bound(1, 10), nullable: fc.boolean() })
  .map(({ type, nullable, ...rest }) => withOptional({ type: nullable ? [type, 'null'] : type }, rest));

const booleanSchema: fc.Arbitrary<Schema> = fc.constant({ type: 'boolean' });

const leaf = fc.oneof(stringSchema, numberSchema, booleanSchema);

const arraySchema = (items: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> =>
  fc
    .record({ items, minItems: bound(0, 1), maxItems: bound(2, 4) })
    .map(({ items: itemSchema, ...rest }) => withOptional({ type: 'array', items: itemSchema }, rest));

const objectSchema = (value: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> =>
  fc
    .record({
      a: value,
      b: value,
      c: value,
      required: fc.subarray(['a', 'b', 'c']),
      closed: fc.boolean(),
    })
    .map(({ a, b, c, required, closed }) =>
      withOptional(
        { type: 'object', properties: { a, b, c } },
        { required: required.length ? required : undefined, additionalProperties: closed ? false : undefined },
      ),
    );

/** A schema: a leaf, an array of leaves, or an object of leaves and arrays. */
export const schemaArbitrary: fc.Arbitrary<Schema> = fc.oneof(
  { weight: 2, arbitrary: leaf },
  { weight: 1, arbitrary: arraySchema(leaf) },
  { weight: 3, arbitrary: objectSchema(fc.oneof(leaf, arraySchema(leaf))) },
);

function typesOf(schema: Schema): string[] {
  const type = schema['type'];
  if (Array.isArray(type)) return type as string[];
  if (typeof type === 'string') return [type];
  return ['string', 'integer', 'boolean', 'null'];
}

const EXTRA_KEYS = ['x-trace', 'Zed', 'extra', 'a1'];

/** Strings matching a pattern; undefined for the regular expressions fast-check cannot generate from (real schemas have some). */
function patternArbitrary(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

/** Instances a schema probably accepts; the generator stays near its bounds and literals so edges are met. */
export function instanceArbitrary(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true || schema === undefined) return fc.constantFrom<unknown>('x', 0, true, null);
  if (schema === false) return fc.constant(null);
  const s = schema as Schema;
  if ('const' in s) return fc.constant(s['const']);
  if (Array.isArray(s['enum'])) return fc.constantFrom(...(s['enum'] as unknown[]));
  if (Array.isArray(s['allOf']) && s['allOf'].length && s['type'] === undefined) return instanceArbitrary(s['allOf'][0], depth);
  const choices = typesOf(s).map((type) => typed(type, s, depth));
  return fc.oneof(...choices);
}

function typed(type: string, s: Schema, depth: number): fc.Arbitrary<unknown> {
  const num = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = num('minimum') ?? (num('exclusiveMinimum') !== undefined ? num('exclusiveMinimum')! + 1 : -20);
      const max = num('maximum') ?? (num('exclusiveMaximum') !== undefined ? num('exclusiveMaximum')! - 1 : 20);
      const integers = fc.integer({ min: Math.min(min, max), max: Math.max(min, max) });
      return type === 'integer'
        ? integers
        : fc.oneof(
            integers,
            integers.map((n) => n + 0.5),
          );
    }
    case 'string': {
      const minLength = num('minLength') ?? 0;
      const maxLength = num('maxLength') ?? 6;
      const matching = typeof s['pattern'] === 'string' ? patternArbitrary(s['pattern']) : undefined;
      if (matching)
        return fc.oneof(
          matching.map((t) => t.slice(0, maxLength)),
          fc.constantFrom(...WORDS),
        );
      return fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength, maxLength: Math.max(minLength, maxLength) }));
    }
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const item = instanceArbitrary(s['items'] ?? true, depth + 1);
      const prefix = Array.isArray(s['prefixItems']) ? (s['prefixItems'] as unknown[]).map((p) => instanceArbitrary(p, depth + 1)) : [];
      const contains = s['contains'] !== undefined ? [instanceArbitrary(s['contains'], depth + 1)] : [];
      const minItems = num('minItems') ?? 0;
      const maxItems = Math.max(minItems, Math.min(num('maxItems') ?? 4, 4));
      return fc
        .tuple(
          fc.tuple(...prefix),
          fc.array(item, { minLength: minItems, maxLength: maxItems }),
          fc.array(fc.oneof(...(contains.length ? contains : [item])), { maxLength: 2 }),
        )
        .map(([head, rest, extra]) => [...head, ...rest, ...(contains.length ? extra : [])]);
    }
    default: {
      if (depth > 3) return fc.constant({});
      const properties = (s['properties'] ?? {}) as Record<string, unknown>;
      const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, sub] of Object.entries(properties)) fields[name] = instanceArbitrary(sub, depth + 1);
      const known = fc.record(fields, { requiredKeys: Object.keys(fields).filter((k) => required.has(k)) });
      const extra = fc.dictionary(fc.constantFrom(...EXTRA_KEYS), fc.constantFrom<unknown>('x', 1, true), { maxKeys: 2 });
      return fc.tuple(known, fc.option(extra, { nil: undefined, freq: 2 })).map(([k, e]) => ({ ...(e ?? {}), ...k }));
    }
  }
}

import { canonicalJson } from '@migration-architect/core';
import type { DocumentSet, Located } from '../document/document-set.js';
import { isRecord } from '../document/spec-document.js';

/** A numeric bound and whether it is exclusive (`exclusiveMaximum: true` in 3.0, a number in 3.1). */
export interface Bound {
  value: number;
  exclusive: boolean;
}

/**
 * What a schema says about the values it allows, read once per schema object: `type` lists and
 * `nullable` / `x-nullable` / `null` members folded into one view, `const` into `enum`, `allOf`
 * members merged in, `anyOf: [X, {type: null}]` read as a nullable X. Comparing views rather
 * than raw keywords is what keeps equivalent rewrites from being reported.
 */
/** `discriminator` of a oneOf/anyOf: the property that names the variant, and value → schema `$ref`. */
export interface Discriminator {
  propertyName: string | undefined;
  mapping: Map<string, string>;
  at: Located;
}

export interface SchemaFacets {
  at: Located;
  /** Types other than null; undefined means any. `integer` is kept apart from `number`. */
  types: Set<string> | undefined;
  nullable: boolean;
  format: string | undefined;
  /** canonical JSON → value, null excluded. */
  enum: Map<string, unknown> | undefined;
  /** `x-extensible-enum` (Zalando's guidelines): clients must expect values beyond the list. */
  extensibleEnum: boolean;
  default: { value: unknown } | undefined;
  maximum: Bound | undefined;
  minimum: Bound | undefined;
  maxLength: number | undefined;
  minLength: number | undefined;
  maxItems: number | undefined;
  minItems: number | undefined;
  pattern: string | undefined;
  properties: Map<string, Located>;
  required: Set<string>;
  /** false: no other properties; a schema: their shape; undefined: any. */
  additionalProperties: false | Located | undefined;
  items: Located | undefined;
  alternatives: { keyword: 'oneOf' | 'anyOf'; members: Located[]; discriminator: Discriminator | undefined } | undefined;
  /** allOf members as written (their facets are merged in as well). */
  allOf: Located[];
  // JSON Schema 2020-12 (OpenAPI 3.1) keywords beyond the 3.0 subset.
  contains: Located | undefined;
  maxContains: number | undefined;
  minContains: number | undefined;
  prefixItems: Located[] | undefined;
  /** property → the properties it makes required. */
  dependentRequired: Map<string, Set<string>>;
  dependentSchemas: Map<string, Located>;
  /** if/then/else: the condition and the schema applied when it holds and when it does not. */
  conditional: { condition: Located; ifTrue: Located | undefined; ifFalse: Located | undefined } | undefined;
  patternProperties: Map<string, Located>;
  propertyNames: Located | undefined;
  unevaluatedProperties: false | Located | undefined;
  unevaluatedItems: false | Located | undefined;
  contentEncoding: string | undefined;
  contentMediaType: string | undefined;
  contentSchema: Located | undefined;
  not: Located | undefined;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
}

const TYPE_NAMES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

function isNullSchema(node: unknown): boolean {
  if (!isRecord(node)) return false;
  const type = node['type'];
  if (type === 'null') return true;
  if (Array.isArray(type) && type.length === 1 && type[0] === 'null') return true;
  // `{nullable: true}` alone (3.0) also admits only null beyond "anything".
  return Object.keys(node).every((k) => k === 'nullable' || k === 'description') && node['nullable'] === true;
}

/** `{type: X}` (with a format or documentation at most): the type it names. */
function bareType(node: unknown): string | undefined {
  if (!isRecord(node) || typeof node['type'] !== 'string' || !TYPE_NAMES.has(node['type'])) return undefined;
  const simple = Object.keys(node).every((k) => k === 'type' || k === 'description' || k === 'title');
  return simple ? node['type'] : undefined;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

function tightest(bounds: (Bound | undefined)[], kind: 'upper' | 'lower'): Bound | undefined {
  let best: Bound | undefined;
  for (const b of bounds) {
    if (!b) continue;
    if (!best) best = b;
    else if (b.value === best.value) best = b.exclusive ? b : best;
    else if (kind === 'upper' ? b.value < best.value : b.value > best.value) best = b;
  }
  return best;
}

function tightestNumber(values: (number | undefined)[], pick: (...n: number[]) => number): number | undefined {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length ? pick(...present) : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function bound(node: Record<string, unknown>, limit: 'maximum' | 'minimum'): Bound | undefined {
  const exclusiveKey = limit === 'maximum' ? 'exclusiveMaximum' : 'exclusiveMinimum';
  const value = number(node[limit]);
  const exclusive = node[exclusiveKey];
  const exclusiveValue = number(exclusive);
  if (exclusiveValue !== undefined) {
    // 3.1: both may be given; the tighter one wins.
    if (value === undefined) return { value: exclusiveValue, exclusive: true };
    const tighter = limit === 'maximum' ? exclusiveValue <= value : exclusiveValue >= value;
    return tighter ? { value: exclusiveValue, exclusive: true } : { value, exclusive: false };
  }
  return value === undefined ? undefined : { value, exclusive: exclusive === true };
}

function emptyFacets(at: Located): SchemaFacets {
  return {
    at,
    types: undefined,
    nullable: false,
    format: undefined,
    enum: undefined,
    extensibleEnum: false,
    default: undefined,
    maximum: undefined,
    minimum: undefined,
    maxLength: undefined,
    minLength: undefined,
    maxItems: undefined,
    minItems: undefined,
    pattern: undefined,
    properties: new Map(),
    required: new Set(),
    additionalProperties: undefined,
    items: undefined,
    alternatives: undefined,
    allOf: [],
    contains: undefined,
    maxContains: undefined,
    minContains: undefined,
    prefixItems: undefined,
    dependentRequired: new Map(),
    dependentSchemas: new Map(),
    conditional: undefined,
    patternProperties: new Map(),
    propertyNames: undefined,
    unevaluatedProperties: undefined,
    unevaluatedItems: undefined,
    contentEncoding: undefined,
    contentMediaType: undefined,
    contentSchema: undefined,
    not: undefined,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
  };
}

/** Builds and caches the facets of every schema object the comparison reaches, by identity. */
export class FacetReader {
  private readonly cache = new WeakMap<object, SchemaFacets>();
  private readonly building = new Set<object>();

  constructor(private readonly docs: DocumentSet) {}

  /** The facets of a schema location, following `$ref` first. */
  of(at: Located): SchemaFacets {
    const resolved = this.docs.deref(at);
    const node = resolved.node;
    if (!isRecord(node)) return emptyFacets(resolved); // `true`, `{}` and oddities allow anything
    const cached = this.cache.get(node);
    if (cached) return cached;
    if (this.building.has(node)) return emptyFacets(resolved); // an allOf that includes itself
    this.building.add(node);
    try {
      const facets = this.read(resolved as Located<Record<string, unknown>>);
      this.cache.set(node, facets);
      return facets;
    } finally {
      this.building.delete(node);
    }
  }

  private read(at: Located<Record<string, unknown>>): SchemaFacets {
    const node = at.node;
    const docs = this.docs;

    // anyOf/oneOf of one schema and null is a nullable schema, however it is spelled.
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const members = node[keyword];
      if (Array.isArray(members) && members.length === 2 && members.some((m) => isNullSchema(docs.deref({ ...at, node: m }).node))) {
        const index = members.findIndex((m) => !isNullSchema(docs.deref({ ...at, node: m }).node));
        if (index !== -1) {
          const inner = this.of(docs.child(docs.child(at, keyword)!, index)!);
          return {
            ...inner,
            nullable: true,
            deprecated: inner.deprecated || node['deprecated'] === true,
            readOnly: inner.readOnly || node['readOnly'] === true,
            writeOnly: inner.writeOnly || node['writeOnly'] === true,
          };
        }
      }
    }

    const facets = emptyFacets(at);
    const rawType = node['type'];
    const typeList = Array.isArray(rawType) ? rawType : typeof rawType === 'string' ? [rawType] : undefined;
    if (typeList) {
      const types = new Set(typeList.filter((t): t is string => typeof t === 'string' && TYPE_NAMES.has(t)));
      facets.types = types.size ? types : undefined;
      if (typeList.includes('null')) facets.nullable = true;
    } else if (node['properties'] !== undefined) {
      facets.types = new Set(['object']);
    } else if (node['items'] !== undefined) {
      facets.types = new Set(['array']);
    }
    if (node['nullable'] === true || node['x-nullable'] === true) facets.nullable = true;
    if (typeof node['format'] === 'string') facets.format = node['format'];

    const extensible = Array.isArray(node['x-extensible-enum']) ? node['x-extensible-enum'] : undefined;
    const values = Array.isArray(node['enum']) ? node['enum'] : 'const' in node ? [node['const']] : extensible;
    facets.extensibleEnum = extensible !== undefined && !Array.isArray(node['enum']);
    if (values) {
      facets.enum = new Map();
      for (const value of values) {
        if (value === null) facets.nullable = true;
        else facets.enum.set(typeof value === 'string' ? `"${value}` : canonicalJson(value), value);
      }
    }
    // `{const: "cat"}` without a type admits strings only: the values say the type.
    if (facets.types === undefined && facets.enum?.size) facets.types = new Set([...facets.enum.values()].map(jsonType));
    if ('default' in node) facets.default = { value: node['default'] };
    facets.maximum = bound(node, 'maximum');
    facets.minimum = bound(node, 'minimum');
    facets.maxLength = number(node['maxLength']);
    facets.minLength = number(node['minLength']);
    facets.maxItems = number(node['maxItems']);
    facets.minItems = number(node['minItems']);
    if (typeof node['pattern'] === 'string') facets.pattern = node['pattern'];

    const properties = docs.child(at, 'properties');
    if (properties && isRecord(properties.node)) {
      for (const name of Object.keys(properties.node)) facets.properties.set(name, docs.child(properties, name)!);
    }
    if (Array.isArray(node['required'])) for (const name of node['required']) if (typeof name === 'string') facets.required.add(name);
    // Swagger-style `required: true` on the property itself: clear in meaning, read as required.
    for (const [name, property] of facets.properties) {
      const raw = docs.deref(property).node;
      if (isRecord(raw) && raw['required'] === true) facets.required.add(name);
    }
    const additional = node['additionalProperties'];
    if (additional === false) facets.additionalProperties = false;
    else if (isRecord(additional) && Object.keys(additional).length) facets.additionalProperties = docs.child(at, 'additionalProperties');
    const items = docs.child(at, 'items');
    if (items && !Array.isArray(items.node)) facets.items = items;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const list = docs.child(at, keyword);
      if (list && Array.isArray(list.node) && list.node.length) {
        const members = list.node.map((_, i) => docs.child(list, i)!).filter((m) => !isNullSchema(docs.deref(m).node));
        if (members.length < list.node.length) facets.nullable = true;
        // A union of bare types (`oneOf: [{type: string}, {type: integer}]`) is a type list: read it as one.
        const bareTypes = members.map((m) => bareType(docs.deref(m).node));
        if (facets.types === undefined && bareTypes.every((t) => t !== undefined) && new Set(bareTypes).size === bareTypes.length) {
          facets.types = new Set(bareTypes as string[]);
          break;
        }
        facets.alternatives = { keyword, members, discriminator: this.discriminator(at) };
        break;
      }
    }
    this.readApplicators(facets, at);
    facets.readOnly = node['readOnly'] === true;
    facets.writeOnly = node['writeOnly'] === true;
    facets.deprecated = node['deprecated'] === true;

    const allOf = docs.child(at, 'allOf');
    if (allOf && Array.isArray(allOf.node)) facets.allOf = allOf.node.map((_, i) => docs.child(allOf, i)!);
    if (allOf && Array.isArray(allOf.node))
      this.mergeAllOf(
        facets,
        allOf.node.map((_, i) => this.of(docs.child(allOf, i)!)),
      );
    return facets;
  }

  private discriminator(at: Located<Record<string, unknown>>): Discriminator | undefined {
    const located = this.docs.child(at, 'discriminator');
    if (!located) return undefined;
    const node = located.node;
    // Swagger 2.0 spells it as the property name alone.
    if (typeof node === 'string') return { propertyName: node, mapping: new Map(), at: located };
    if (!isRecord(node)) return undefined;
    const mapping = new Map<string, string>();
    if (isRecord(node['mapping'])) for (const [value, target] of Object.entries(node['mapping'])) if (typeof target === 'string') mapping.set(value, target);
    return { propertyName: typeof node['propertyName'] === 'string' ? node['propertyName'] : undefined, mapping, at: located };
  }

  /** The 2020-12 applicators and the content keywords, as written. */
  private readApplicators(facets: SchemaFacets, at: Located<Record<string, unknown>>): void {
    const docs = this.docs;
    const node = at.node;
    const schemaAt = (key: string) => {
      const child = docs.child(at, key);
      return child && (isRecord(child.node) || typeof child.node === 'boolean') ? child : undefined;
    };
    const mapOf = (key: string) => {
      const map = new Map<string, Located>();
      const child = docs.child(at, key);
      if (child && isRecord(child.node)) for (const name of Object.keys(child.node)) map.set(name, docs.child(child, name)!);
      return map;
    };
    const closedOr = (key: string): false | Located | undefined => {
      if (node[key] === false) return false;
      const child = schemaAt(key);
      return child && isRecord(child.node) && Object.keys(child.node).length ? child : undefined;
    };
    facets.contains = schemaAt('contains');
    facets.maxContains = number(node['maxContains']);
    facets.minContains = number(node['minContains']);
    const prefix = docs.child(at, 'prefixItems');
    if (prefix && Array.isArray(prefix.node)) facets.prefixItems = prefix.node.map((_, i) => docs.child(prefix, i)!);
    // OpenAPI 3.0 / draft 4 tuples: `items` as a list means what prefixItems means now.
    const items = docs.child(at, 'items');
    if (items && Array.isArray(items.node) && !facets.prefixItems) facets.prefixItems = items.node.map((_, i) => docs.child(items, i)!);
    const dependent = node['dependentRequired'];
    if (isRecord(dependent))
      for (const [name, list] of Object.entries(dependent))
        if (Array.isArray(list)) facets.dependentRequired.set(name, new Set(list.filter((n): n is string => typeof n === 'string')));
    facets.dependentSchemas = mapOf('dependentSchemas');
    const condition = schemaAt('if');
    if (condition) facets.conditional = { condition, ifTrue: schemaAt('then'), ifFalse: schemaAt('else') };
    facets.patternProperties = mapOf('patternProperties');
    facets.propertyNames = schemaAt('propertyNames');
    facets.unevaluatedProperties = closedOr('unevaluatedProperties');
    facets.unevaluatedItems = closedOr('unevaluatedItems');
    if (typeof node['contentEncoding'] === 'string') facets.contentEncoding = node['contentEncoding'];
    if (typeof node['contentMediaType'] === 'string') facets.contentMediaType = node['contentMediaType'].toLowerCase();
    facets.contentSchema = schemaAt('contentSchema');
    facets.not = schemaAt('not');
  }

  /** allOf: properties and required lists add up; any other facet comes from the schema itself, else the first member that has it. */
  private mergeAllOf(facets: SchemaFacets, members: SchemaFacets[]): void {
    if (members.length === 0) return;
    const first = <K extends keyof SchemaFacets>(key: K) => members.find((m) => m[key] !== undefined)?.[key];
    const own = facets.types;
    facets.types ??= first('types') as Set<string> | undefined;
    if (!facets.nullable && own === undefined && members.every((m) => m.nullable)) facets.nullable = true;
    facets.format ??= first('format') as string | undefined;
    if (facets.enum === undefined) {
      const withEnum = members.find((m) => m.enum !== undefined);
      facets.enum = withEnum?.enum;
      facets.extensibleEnum = withEnum?.extensibleEnum ?? false;
    }
    facets.default ??= first('default') as { value: unknown } | undefined;
    // Every member applies: the tightest bound of all wins.
    const all = [facets, ...members];
    facets.maximum = tightest(
      all.map((m) => m.maximum),
      'upper',
    );
    facets.minimum = tightest(
      all.map((m) => m.minimum),
      'lower',
    );
    facets.maxLength = tightestNumber(
      all.map((m) => m.maxLength),
      Math.min,
    );
    facets.minLength = tightestNumber(
      all.map((m) => m.minLength),
      Math.max,
    );
    facets.maxItems = tightestNumber(
      all.map((m) => m.maxItems),
      Math.min,
    );
    facets.minItems = tightestNumber(
      all.map((m) => m.minItems),
      Math.max,
    );
    facets.maxContains = tightestNumber(
      all.map((m) => m.maxContains),
      Math.min,
    );
    facets.minContains = tightestNumber(
      all.map((m) => m.minContains),
      Math.max,
    );
    facets.pattern ??= first('pattern') as string | undefined;
    facets.contains ??= first('contains') as Located | undefined;
    facets.prefixItems ??= first('prefixItems') as Located[] | undefined;
    facets.conditional ??= first('conditional') as SchemaFacets['conditional'];
    facets.propertyNames ??= first('propertyNames') as Located | undefined;
    facets.unevaluatedProperties ??= first('unevaluatedProperties') as false | Located | undefined;
    facets.unevaluatedItems ??= first('unevaluatedItems') as false | Located | undefined;
    facets.contentEncoding ??= first('contentEncoding') as string | undefined;
    facets.contentMediaType ??= first('contentMediaType') as string | undefined;
    facets.contentSchema ??= first('contentSchema') as Located | undefined;
    facets.not ??= first('not') as Located | undefined;
    for (const member of members) {
      for (const [name, list] of member.dependentRequired)
        facets.dependentRequired.set(name, new Set([...(facets.dependentRequired.get(name) ?? []), ...list]));
      for (const [name, at] of member.dependentSchemas) if (!facets.dependentSchemas.has(name)) facets.dependentSchemas.set(name, at);
      for (const [name, at] of member.patternProperties) if (!facets.patternProperties.has(name)) facets.patternProperties.set(name, at);
    }
    facets.additionalProperties ??= first('additionalProperties') as false | Located | undefined;
    facets.items ??= first('items') as Located | undefined;
    facets.alternatives ??= first('alternatives') as SchemaFacets['alternatives'];
    const properties = new Map<string, Located>();
    for (const member of members) for (const [name, at] of member.properties) properties.set(name, at);
    for (const [name, at] of facets.properties) properties.set(name, at);
    facets.properties = properties;
    for (const member of members) for (const name of member.required) facets.required.add(name);
    facets.readOnly ||= members.some((m) => m.readOnly);
    facets.writeOnly ||= members.some((m) => m.writeOnly);
    facets.deprecated ||= members.some((m) => m.deprecated);
  }
}

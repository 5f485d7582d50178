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
  alternatives: { keyword: 'oneOf' | 'anyOf'; members: Located[] } | undefined;
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
        facets.alternatives = { keyword, members };
        break;
      }
    }
    facets.readOnly = node['readOnly'] === true;
    facets.writeOnly = node['writeOnly'] === true;
    facets.deprecated = node['deprecated'] === true;

    const allOf = docs.child(at, 'allOf');
    if (allOf && Array.isArray(allOf.node))
      this.mergeAllOf(
        facets,
        allOf.node.map((_, i) => this.of(docs.child(allOf, i)!)),
      );
    return facets;
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
    facets.maximum ??= first('maximum') as Bound | undefined;
    facets.minimum ??= first('minimum') as Bound | undefined;
    facets.maxLength ??= first('maxLength') as number | undefined;
    facets.minLength ??= first('minLength') as number | undefined;
    facets.maxItems ??= first('maxItems') as number | undefined;
    facets.minItems ??= first('minItems') as number | undefined;
    facets.pattern ??= first('pattern') as string | undefined;
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

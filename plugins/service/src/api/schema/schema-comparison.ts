import type { DocumentSet, Located } from '../document/document-set.js';
import { isRecord } from '../document/spec-document.js';
import type { Direction } from '../model/api-model.js';
import { newEntry, type ComparisonEntry, type SchemaChangeRecord, type SchemaScope } from './schema-change-record.js';
import { FacetReader, type Bound, type SchemaFacets } from './schema-facets.js';
import { KeywordComparison } from './keyword-comparison.js';
import { SameSchema } from './same-schema.js';
import { describeType, isNumericWidening, sameTypes, typeRelation } from './type-relation.js';

export interface CompareContext {
  direction: Direction;
  scope: SchemaScope;
  subject: string;
  entry: ComparisonEntry;
  depth: number;
  /** The value travels as text (XML, forms, text/plain): scalar types read as text. */
  textual?: boolean;
}

interface Side {
  docs: DocumentSet;
  facets: FacetReader;
}

const MAX_INLINE_DEPTH = 64;

/** Limits compared one way: `upper` bounds (maximum, maxLength, maxItems) narrow when they go down, `lower` ones when they go up. */
const LIMITS = [
  { aspect: 'max', facet: 'maximum', kind: 'upper' },
  { aspect: 'min', facet: 'minimum', kind: 'lower' },
  { aspect: 'max-length', facet: 'maxLength', kind: 'upper' },
  { aspect: 'min-length', facet: 'minLength', kind: 'lower' },
  { aspect: 'max-items', facet: 'maxItems', kind: 'upper' },
  { aspect: 'min-items', facet: 'minItems', kind: 'lower' },
  { aspect: 'max-contains', facet: 'maxContains', kind: 'upper' },
  { aspect: 'min-contains', facet: 'minContains', kind: 'lower' },
] as const;

function boundValue(value: Bound | number): { value: number; exclusive: boolean } {
  return typeof value === 'number' ? { value, exclusive: false } : value;
}

/** -1 if b admits less than a at this end, 1 if more, 0 if the same. */
function boundDirection(a: Bound | number, b: Bound | number, kind: 'upper' | 'lower'): number {
  const x = boundValue(a);
  const y = boundValue(b);
  if (x.value === y.value) return x.exclusive === y.exclusive ? 0 : y.exclusive ? -1 : 1;
  const wider = kind === 'upper' ? y.value > x.value : y.value < x.value;
  return wider ? 1 : -1;
}

function showBound(value: Bound | number | undefined): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  return value.exclusive ? `${value.value} (exclusive)` : value.value;
}

/** The component name a location is, for subjects: `Pet` for `#/components/schemas/Pet`. */
export function componentName(at: Located): string {
  const keys = at.path.keys();
  const start = keys[0] === 'components' ? 2 : keys[0] === 'definitions' || keys[0] === '$defs' ? 1 : -1;
  if (start > 0 && keys.length > start)
    return keys
      .slice(start)
      .join('.')
      .replace(/\.properties\./g, '.');
  return keys.at(-1) ?? at.doc.name;
}

function typesOverlap(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (!a || !b) return true;
  const widen = (s: Set<string>) => (s.has('number') ? new Set([...s, 'integer']) : s);
  const x = widen(a);
  return [...widen(b)].some((t) => x.has(t));
}

/** Whether no value can match two members: disjoint types, or a required property whose enums share no value. */
function pairwiseDisjoint(members: SchemaFacets[]): boolean {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const x = members[i]!;
      const y = members[j]!;
      if (!typesOverlap(x.types, y.types)) continue;
      const separated = [...x.required].some((name) => {
        if (!y.required.has(name)) return false;
        const ex = x.properties.get(name);
        const ey = y.properties.get(name);
        if (!ex || !ey) return false;
        const vx = constValues(ex);
        const vy = constValues(ey);
        return vx !== undefined && vy !== undefined && ![...vx].some((v) => vy.has(v));
      });
      if (!separated) return false;
    }
  }
  return true;
}

/** The values an inline property schema pins with `const` or `enum`, as JSON. */
function constValues(at: Located): Set<string> | undefined {
  const node = at.node;
  if (!isRecord(node)) return undefined;
  if ('const' in node) return new Set([JSON.stringify(node['const'])]);
  if (Array.isArray(node['enum'])) return new Set(node['enum'].map((v) => JSON.stringify(v)));
  return undefined;
}

/**
 * Compares two schemas the way clients feel the difference: each keyword read by direction
 * (what a request accepts may only grow, what a response returns may only shrink). Pairs reached
 * through `$ref` are compared once and memoized; nothing is dereferenced in place.
 */
export class SchemaComparer {
  private readonly memo = new Map<string, ComparisonEntry>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  readonly before: Side;
  readonly after: Side;
  readonly equal: SameSchema;
  private readonly vocabulary: KeywordComparison;

  constructor(before: DocumentSet, after: DocumentSet) {
    this.before = { docs: before, facets: new FacetReader(before) };
    this.after = { docs: after, facets: new FacetReader(after) };
    this.equal = new SameSchema(before, after);
    this.vocabulary = new KeywordComparison(this);
  }

  private id(node: object): number {
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = this.nextId++));
    return id;
  }

  compare(a: Located | undefined, b: Located | undefined, ctx: CompareContext): void {
    if (!a && !b) return;
    if (a && b && this.equal.same(a.node, a.doc, b.node, b.doc)) return;
    const ra = a && this.before.docs.deref(a);
    const rb = b && this.after.docs.deref(b);
    const viaRef = (a !== undefined && ra !== a) || (b !== undefined && rb !== b);
    if (viaRef && ra && rb && typeof ra.node === 'object' && ra.node !== null && typeof rb.node === 'object' && rb.node !== null) {
      const key = `${ctx.direction}|${ctx.scope}|${ctx.textual ? 't' : ''}|${this.id(ra.node)}|${this.id(rb.node)}`;
      const known = this.memo.get(key);
      if (known) {
        ctx.entry.children.push(known);
        return;
      }
      const entry = newEntry();
      this.memo.set(key, entry);
      ctx.entry.children.push(entry);
      this.compareResolved(ra, rb, { ...ctx, entry, subject: componentName(rb), depth: 0 });
      return;
    }
    this.compareResolved(ra, rb, ctx);
  }

  /** Records one difference; public for the 2020-12 keyword comparison, which is a unit of its own. */
  emit(
    ctx: CompareContext,
    kind: string,
    at: Located,
    side: 'before' | 'after',
    values: { before?: unknown; after?: unknown },
    extra: Record<string, unknown> = {},
    scope: SchemaScope = ctx.scope,
  ): void {
    const record: SchemaChangeRecord = {
      kind: `${ctx.direction}.${scope}.${kind}`,
      direction: ctx.direction,
      scope,
      subject: ctx.subject,
      at,
      side,
      ...values,
      extra,
      operations: new Set(),
    };
    ctx.entry.records.push(record);
  }

  facetsOf(side: Side, at: Located | undefined, fallback: Located): SchemaFacets {
    return side.facets.of(at ?? { ...fallback, node: {} });
  }

  private compareResolved(ra: Located | undefined, rb: Located | undefined, ctx: CompareContext): void {
    if (ctx.depth > MAX_INLINE_DEPTH) return;
    const recorded = ctx.entry.records.length;
    const fa = this.facetsOf(this.before, ra, rb!);
    const fb = this.facetsOf(this.after, rb, ra!);
    if ((fa.alternatives || fb.alternatives) && this.alternatives(fa, fb, ctx)) return;

    const relation = typeRelation(fa, fb, ctx.textual);
    if (relation !== 'same') {
      // Only the format differs: formats are annotations many servers and clients never check.
      const formatOnly = sameTypes(fa.types, fb.types);
      const numericWidening = isNumericWidening(fa.format, fb.format) || isNumericWidening(fb.format, fa.format);
      this.emit(ctx, `type.${relation}`, fb.at, 'after', { before: describeType(fa), after: describeType(fb) }, { formatOnly, numericWidening });
      if (relation === 'changed') return;
    }
    if (fa.nullable !== fb.nullable)
      this.emit(ctx, fb.nullable ? 'became-nullable' : 'became-not-nullable', fb.at, 'after', { before: fa.nullable, after: fb.nullable });
    this.enums(fa, fb, ctx);
    this.defaults(fa, fb, ctx);
    const enumerated = fb.enum !== undefined && fb.enum.size > 0 && !fb.extensibleEnum;
    for (const limit of LIMITS) {
      const x = fa[limit.facet];
      const y = fb[limit.facet];
      if (x === undefined && y === undefined) continue;
      let verb: string | undefined;
      if (x === undefined) verb = 'set';
      else if (y === undefined) verb = 'unset';
      else {
        const direction = boundDirection(x, y, limit.kind);
        if (direction !== 0) verb = direction < 0 === (limit.kind === 'upper') ? 'decreased' : 'increased';
      }
      // A listed set of values (enum, const) admits nothing beyond the list: a bound loosened
      // beside it adds no value (values added to the list are reported as such).
      const loosened = verb === 'unset' || verb === (limit.kind === 'upper' ? 'increased' : 'decreased');
      if (verb && !(loosened && enumerated)) this.emit(ctx, `${limit.aspect}.${verb}`, fb.at, 'after', { before: showBound(x), after: showBound(y) });
    }
    if (fa.pattern !== fb.pattern && !(enumerated && fb.pattern === undefined)) {
      const verb = fa.pattern === undefined ? 'added' : fb.pattern === undefined ? 'removed' : 'changed';
      this.emit(ctx, `pattern.${verb}`, fb.at, 'after', { before: fa.pattern ?? null, after: fb.pattern ?? null });
    }
    this.properties(fa, fb, ctx);
    if (fa.items && fb.items) this.compare(fa.items, fb.items, { ...ctx, subject: `${ctx.subject}[]`, depth: ctx.depth + 1 });
    this.vocabulary.compare(fa, fb, ctx, recorded);
  }

  private enums(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    if (!fa.enum && !fb.enum) return;
    if (!fa.enum) {
      this.emit(ctx, 'became-enum', fb.at, 'after', { before: null, after: [...fb.enum!.values()] });
      return;
    }
    if (!fb.enum) {
      this.emit(ctx, 'enum-unset', fb.at, 'after', { before: [...fa.enum.values()], after: null });
      return;
    }
    const removed = [...fa.enum].filter(([key]) => !fb.enum!.has(key)).map(([, value]) => value);
    const added = [...fb.enum].filter(([key]) => !fa.enum!.has(key)).map(([, value]) => value);
    if (removed.length) this.emit(ctx, 'enum-value.removed', fb.at, 'after', { before: removed }, { values: removed });
    if (added.length) this.emit(ctx, 'enum-value.added', fb.at, 'after', { after: added }, { values: added, extensible: fb.extensibleEnum });
  }

  private defaults(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    if (!fa.default && !fb.default) return;
    const a = fa.default ? JSON.stringify(fa.default.value) : undefined;
    const b = fb.default ? JSON.stringify(fb.default.value) : undefined;
    if (a === b) return;
    const verb = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    this.emit(ctx, `default-value.${verb}`, fb.at, 'after', { before: fa.default?.value ?? null, after: fb.default?.value ?? null });
  }

  private properties(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    if (
      fa.properties.size === 0 &&
      fb.properties.size === 0 &&
      fa.additionalProperties === undefined &&
      fb.additionalProperties === undefined &&
      fa.required.size === 0 &&
      fb.required.size === 0
    )
      return;
    const request = ctx.direction === 'request';
    // Requests never carry readOnly properties and responses never carry writeOnly ones.
    const hidden = (f: SchemaFacets) => (request ? f.readOnly : f.writeOnly);
    const names = new Set([...fa.properties.keys(), ...fb.properties.keys()]);
    for (const name of names) {
      const pa = fa.properties.get(name);
      const pb = fb.properties.get(name);
      const subject = `${ctx.subject}.${name}`;
      const wasRequired = fa.required.has(name);
      const isRequired = fb.required.has(name);
      if (pa && pb && wasRequired === isRequired && this.equal.same(pa.node, pa.doc, pb.node, pb.doc)) continue;
      const child = { ...ctx, scope: 'property' as const, subject, depth: ctx.depth + 1 };
      const paF = pa && this.before.facets.of(pa);
      const pbF = pb && this.after.facets.of(pb);
      if (!pb) {
        if (hidden(paF!)) continue;
        const verb = request ? 'removed' : wasRequired ? 'removed-required' : 'removed-optional';
        this.emit(child, verb, pa!, 'before', { before: name }, { property: name, required: wasRequired, deprecated: paF!.deprecated }, 'property');
        continue;
      }
      if (!pa) {
        if (hidden(pbF!)) continue;
        this.emit(
          child,
          isRequired ? 'added-required' : 'added-optional',
          pb,
          'after',
          { after: name },
          { property: name, required: isRequired, default: pbF!.default !== undefined },
          'property',
        );
        continue;
      }
      if (hidden(paF!) && hidden(pbF!)) continue;
      if (hidden(pbF!)) {
        this.emit(child, request ? 'became-read-only' : 'became-write-only', pb, 'after', { before: false, after: true }, { property: name }, 'property');
        continue;
      }
      if (wasRequired !== isRequired) {
        this.emit(
          child,
          isRequired ? 'became-required' : 'became-optional',
          pb,
          'after',
          { before: wasRequired, after: isRequired },
          { property: name, default: pbF!.default !== undefined },
          'property',
        );
      }
      if (!paF!.deprecated && pbF!.deprecated) this.emit(child, 'deprecated', pb, 'after', { before: false, after: true }, { property: name }, 'property');
      this.compare(pa, pb, child);
    }
    // Names required without a declaration of their own (`required: [id]` with no `properties.id`):
    // still a promise that the property is there.
    for (const name of fb.required) {
      if (names.has(name) || fa.required.has(name)) continue;
      const child = { ...ctx, scope: 'property' as const, subject: `${ctx.subject}.${name}`, depth: ctx.depth + 1 };
      this.emit(child, 'became-required', fb.at, 'after', { before: false, after: true }, { property: name, default: false }, 'property');
    }
    for (const name of fa.required) {
      if (names.has(name) || fb.required.has(name)) continue;
      const child = { ...ctx, scope: 'property' as const, subject: `${ctx.subject}.${name}`, depth: ctx.depth + 1 };
      this.emit(child, 'became-optional', fb.at, 'after', { before: true, after: false }, { property: name, default: false }, 'property');
    }
    const xa = fa.additionalProperties;
    const xb = fb.additionalProperties;
    if (xa !== false && xb === false && fa.types?.has('object') !== false) {
      this.emit(ctx, 'additional-properties.narrowed', fb.at, 'after', { before: true, after: false }, {}, 'property');
    } else if (xa === false && xb !== false) {
      this.emit(ctx, 'additional-properties.widened', fb.at, 'after', { before: false, after: true }, {}, 'property');
    } else if (xa && xb) {
      this.compare(xa, xb, { ...ctx, scope: 'property', subject: `${ctx.subject}.*`, depth: ctx.depth + 1 });
    }
  }

  /** A name to pair oneOf/anyOf members by: the schema a `$ref` names, else the shape. */
  private memberKeys(side: Side, member: Located): { ref: string | undefined; shape: string; type: string } {
    const ref = isRecord(member.node) && typeof member.node['$ref'] === 'string' ? member.node['$ref'].split('/').pop() : undefined;
    const facets = side.facets.of(member);
    const type = facets.types ? [...facets.types].sort().join('|') : 'any';
    const shape = `${type}:${[...facets.properties.keys()].sort().join(',')}:${facets.enum ? [...facets.enum.keys()].sort().join(',') : ''}`;
    return { ref, shape, type };
  }

  /**
   * oneOf/anyOf: members are paired (same `$ref` name, else same shape, else same type, else the
   * last one left on each side) and compared; an inline schema and an equal `$ref` pair up, so
   * moving a variant into components reports nothing. A schema that becomes (or stops being) a
   * union is paired with one of the members. True when nothing else remains to compare.
   */
  private alternatives(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): boolean {
    const both = fa.alternatives !== undefined && fb.alternatives !== undefined;
    const keyword = (fb.alternatives ?? fa.alternatives)!.keyword === 'oneOf' ? 'one-of' : 'any-of';
    const left = (fa.alternatives?.members ?? [fa.at]).map((at) => ({ at, keys: this.memberKeys(this.before, at) }));
    const right = (fb.alternatives?.members ?? [fb.at]).map((at) => ({ at, keys: this.memberKeys(this.after, at) }));
    const pairs: [Located, Located][] = [];
    const take = (match: (l: (typeof left)[number], r: (typeof right)[number]) => boolean) => {
      for (let i = 0; i < left.length; i++) {
        const j = right.findIndex((r) => match(left[i]!, r));
        if (j === -1) continue;
        pairs.push([left[i]!.at, right[j]!.at]);
        left.splice(i--, 1);
        right.splice(j, 1);
      }
    };
    take((l, r) => l.keys.ref !== undefined && l.keys.ref === r.keys.ref);
    take((l, r) => l.keys.shape === r.keys.shape);
    take(
      (l, r) =>
        l.keys.type === r.keys.type &&
        left.filter((x) => x.keys.type === l.keys.type).length === 1 &&
        right.filter((x) => x.keys.type === r.keys.type).length === 1,
    );
    if (left.length === 1 && right.length === 1) take(() => true);
    pairs.forEach(([a, b], i) =>
      this.compare(a, b, {
        ...ctx,
        scope: 'property',
        subject: pairs.length > 1 ? `${ctx.subject} (${keyword} #${i + 1})` : ctx.subject,
        depth: ctx.depth + 1,
      }),
    );
    for (const { at } of left)
      this.emit(ctx, `${keyword}.removed`, at, 'before', { before: describeType(this.before.facets.of(at)) }, { member: componentName(at) }, 'property');
    for (const { at } of right)
      this.emit(ctx, `${keyword}.added`, at, 'after', { after: describeType(this.after.facets.of(at)) }, { member: componentName(at) }, 'property');
    // A schema wrapped in oneOf whose members may overlap: an instance that matches two members
    // matches no longer ("exactly one"), so some values the old schema took are now refused.
    if (!fa.alternatives && fb.alternatives?.keyword === 'oneOf' && fb.alternatives.members.length > 1 && !fb.alternatives.discriminator) {
      const members = fb.alternatives.members.map((m) => this.after.facets.of(m));
      if (!pairwiseDisjoint(members)) this.emit(ctx, 'one-of.overlapping', fb.at, 'after', { before: null, after: members.length }, {}, 'property');
    }
    if (fa.alternatives?.discriminator || fb.alternatives?.discriminator) this.discriminators(fa, fb, ctx);
    return !both;
  }

  /** discriminator: the property that names the variant and the value → schema mapping. */
  private discriminators(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    const a = fa.alternatives?.discriminator;
    const b = fb.alternatives?.discriminator;
    const at = b?.at ?? fb.at;
    if (!a || !b) return; // a discriminator added or dropped documents the same union; the members are compared
    if (a.propertyName !== b.propertyName) {
      this.emit(ctx, 'discriminator.property-changed', at, 'after', { before: a.propertyName ?? null, after: b.propertyName ?? null }, {}, 'property');
      return;
    }
    const target = (ref: string) => ref.split('/').pop();
    const removed = [...a.mapping.keys()].filter((v) => !b.mapping.has(v));
    const added = [...b.mapping.keys()].filter((v) => !a.mapping.has(v));
    const changed = [...a.mapping].filter(([v, ref]) => b.mapping.has(v) && target(b.mapping.get(v)!) !== target(ref)).map(([v]) => v);
    if (removed.length) this.emit(ctx, 'discriminator.mapping-removed', at, 'after', { before: removed }, { values: removed }, 'property');
    if (added.length) this.emit(ctx, 'discriminator.mapping-added', at, 'after', { after: added }, { values: added }, 'property');
    if (changed.length)
      this.emit(
        ctx,
        'discriminator.mapping-changed',
        at,
        'after',
        { before: changed.map((v) => a.mapping.get(v)), after: changed.map((v) => b.mapping.get(v)) },
        { values: changed },
        'property',
      );
  }
}

import type { Located } from '../document/document-set.js';
import type { CompareContext, SchemaComparer } from './schema-comparison.js';
import type { SchemaFacets } from './schema-facets.js';

/** Which way a keyword change moves the set of values a schema allows. */
type Move = 'narrowed' | 'widened';

/**
 * The JSON Schema 2020-12 keywords OpenAPI 3.1 brought beyond the 3.0 subset: `contains`,
 * `prefixItems`, `dependentRequired`, `dependentSchemas`, `if`/`then`/`else`,
 * `patternProperties`, `propertyNames`, `unevaluatedProperties` / `unevaluatedItems`, the content
 * keywords and `not`, plus `allOf` members. Each difference is reported as narrowing or widening
 * what the schema allows; the rules decide by direction (a request that accepts less breaks
 * senders, a response that may return more breaks readers). Subschemas present on both sides are
 * compared like any other schema.
 */
export class KeywordComparison {
  constructor(private readonly comparer: SchemaComparer) {}

  /** `recorded`: how many differences the schema had before these keywords were compared. */
  compare(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext, recorded: number): void {
    this.contains(fa, fb, ctx);
    this.prefixItems(fa, fb, ctx);
    this.dependentRequired(fa, fb, ctx);
    this.subschemaMap(fa.dependentSchemas, fb.dependentSchemas, 'dependent-schema', ctx, fb, (name) => `${ctx.subject} (if ${name} is present)`);
    this.conditional(fa, fb, ctx);
    this.patternProperties(fa, fb, ctx);
    this.optionalSubschema(fa.propertyNames, fb.propertyNames, 'property-names', ctx, fb, `${ctx.subject} (property names)`);
    this.closable(fa.unevaluatedProperties, fb.unevaluatedProperties, 'unevaluated-properties', ctx, fb, `${ctx.subject}.*`);
    this.closable(fa.unevaluatedItems, fb.unevaluatedItems, 'unevaluated-items', ctx, fb, `${ctx.subject}[]`);
    this.content(fa, fb, ctx);
    this.not(fa, fb, ctx);
    this.allOf(fa, fb, ctx, ctx.entry.records.length > recorded);
  }

  private child(ctx: CompareContext, subject: string): CompareContext {
    return { ...ctx, subject, depth: ctx.depth + 1 };
  }

  private same(a: Located, b: Located): boolean {
    return this.comparer.equal.same(a.node, a.doc, b.node, b.doc);
  }

  private moved(ctx: CompareContext, aspect: string, move: Move, at: Located, side: 'before' | 'after', values: { before?: unknown; after?: unknown }) {
    this.comparer.emit(ctx, `${aspect}.${move}`, at, side, values);
  }

  /** A subschema keyword that constrains when present (`contains`, `propertyNames`): added narrows, removed widens. */
  private optionalSubschema(a: Located | undefined, b: Located | undefined, aspect: string, ctx: CompareContext, fb: SchemaFacets, subject: string): void {
    if (a && b) this.comparer.compare(a, b, this.child(ctx, subject));
    else if (b) this.moved(ctx, aspect, 'narrowed', b, 'after', { before: null, after: 'set' });
    else if (a) this.moved(ctx, aspect, 'widened', fb.at, 'after', { before: 'set', after: null });
  }

  private contains(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    this.optionalSubschema(fa.contains, fb.contains, 'contains', ctx, fb, `${ctx.subject}[contains]`);
  }

  /** Tuple positions: each position compared; a position gaining its own schema narrows, one losing it widens. */
  private prefixItems(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    const a = fa.prefixItems ?? [];
    const b = fb.prefixItems ?? [];
    const shared = Math.min(a.length, b.length);
    for (let i = 0; i < shared; i++) this.comparer.compare(a[i], b[i], this.child(ctx, `${ctx.subject}[${i}]`));
    if (b.length > a.length) this.moved(ctx, 'prefix-items', 'narrowed', b[shared]!, 'after', { before: a.length, after: b.length });
    if (a.length > b.length) this.moved(ctx, 'prefix-items', 'widened', fb.at, 'after', { before: a.length, after: b.length });
  }

  private dependentRequired(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    const names = new Set([...fa.dependentRequired.keys(), ...fb.dependentRequired.keys()]);
    for (const name of names) {
      const a = fa.dependentRequired.get(name) ?? new Set<string>();
      const b = fb.dependentRequired.get(name) ?? new Set<string>();
      const added = [...b].filter((n) => !a.has(n));
      const removed = [...a].filter((n) => !b.has(n));
      const subject = `${ctx.subject} (if ${name} is present)`;
      if (added.length)
        this.comparer.emit({ ...ctx, subject }, 'dependent-required.narrowed', fb.at, 'after', { after: added }, { values: added, property: name });
      if (removed.length)
        this.comparer.emit({ ...ctx, subject }, 'dependent-required.widened', fb.at, 'after', { before: removed }, { values: removed, property: name });
    }
  }

  private subschemaMap(
    a: Map<string, Located>,
    b: Map<string, Located>,
    aspect: string,
    ctx: CompareContext,
    fb: SchemaFacets,
    subject: (key: string) => string,
  ): void {
    for (const [key, at] of a) {
      const other = b.get(key);
      if (other) this.comparer.compare(at, other, this.child(ctx, subject(key)));
      else this.moved({ ...ctx, subject: subject(key) }, aspect, 'widened', fb.at, 'after', { before: key, after: null });
    }
    for (const [key, at] of b) if (!a.has(key)) this.moved({ ...ctx, subject: subject(key) }, aspect, 'narrowed', at, 'after', { before: null, after: key });
  }

  /**
   * if/then/else: with the same condition, each branch is compared; a condition added narrows
   * (its branches now apply), one removed widens; a changed condition applies the branches to
   * other instances, which the description cannot settle.
   */
  private conditional(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    const a = fa.conditional;
    const b = fb.conditional;
    if (!a && !b) return;
    if (!a) {
      if (b!.ifTrue || b!.ifFalse) this.moved(ctx, 'conditional', 'narrowed', b!.condition, 'after', { before: null, after: 'if/then/else' });
      return;
    }
    if (!b) {
      if (a.ifTrue || a.ifFalse) this.moved(ctx, 'conditional', 'widened', fb.at, 'after', { before: 'if/then/else', after: null });
      return;
    }
    if (!this.same(a.condition, b.condition)) {
      this.comparer.emit(ctx, 'conditional.changed', b.condition, 'after', { before: 'if', after: 'if' });
      return;
    }
    for (const [branch, key] of [
      ['then', 'ifTrue'],
      ['else', 'ifFalse'],
    ] as const) {
      const x = a[key];
      const y = b[key];
      const subject = `${ctx.subject} (${branch})`;
      if (x && y) this.comparer.compare(x, y, this.child(ctx, subject));
      else if (y) this.moved({ ...ctx, subject }, 'conditional', 'narrowed', y, 'after', { before: null, after: branch });
      else if (x) this.moved({ ...ctx, subject }, 'conditional', 'widened', fb.at, 'after', { before: branch, after: null });
    }
  }

  /**
   * patternProperties: a pattern added constrains the properties it matches (narrows), unless
   * other properties were forbidden (`additionalProperties: false`), when it admits them (widens).
   */
  private patternProperties(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    for (const [pattern, at] of fa.patternProperties) {
      const other = fb.patternProperties.get(pattern);
      const subject = `${ctx.subject} (properties matching ${pattern})`;
      if (other) this.comparer.compare(at, other, { ...this.child(ctx, subject), scope: 'property' });
      else
        this.moved({ ...ctx, subject }, 'pattern-property', fb.additionalProperties === false ? 'narrowed' : 'widened', fb.at, 'after', {
          before: pattern,
          after: null,
        });
    }
    for (const [pattern, at] of fb.patternProperties) {
      if (fa.patternProperties.has(pattern)) continue;
      const subject = `${ctx.subject} (properties matching ${pattern})`;
      this.moved({ ...ctx, subject }, 'pattern-property', fa.additionalProperties === false ? 'widened' : 'narrowed', at, 'after', {
        before: null,
        after: pattern,
      });
    }
  }

  /** unevaluatedProperties / unevaluatedItems: `false` closes the schema, a schema constrains the rest. */
  private closable(
    a: false | Located | undefined,
    b: false | Located | undefined,
    aspect: string,
    ctx: CompareContext,
    fb: SchemaFacets,
    subject: string,
  ): void {
    if (a === undefined && b === undefined) return;
    if (a && b) {
      this.comparer.compare(a, b, this.child(ctx, subject));
      return;
    }
    const show = (x: false | Located | undefined) => (x === false ? false : x === undefined ? null : 'schema');
    // Anything → false narrows; false → anything widens; schema ↔ absent narrows or widens.
    const narrowed = b === false || (a === undefined && b !== undefined);
    if (a === false && b === false) return;
    this.moved(ctx, aspect, narrowed ? 'narrowed' : 'widened', b || fb.at, 'after', { before: show(a), after: show(b) });
  }

  /** contentEncoding and contentMediaType say how to read a string's bytes; contentSchema is compared as a schema. */
  private content(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    if (fa.contentEncoding !== fb.contentEncoding)
      this.comparer.emit(ctx, 'content-encoding.changed', fb.at, 'after', { before: fa.contentEncoding ?? null, after: fb.contentEncoding ?? null });
    if (fa.contentMediaType !== fb.contentMediaType)
      this.comparer.emit(ctx, 'content-media-type.changed', fb.at, 'after', { before: fa.contentMediaType ?? null, after: fb.contentMediaType ?? null });
    this.optionalSubschema(fa.contentSchema, fb.contentSchema, 'content-schema', ctx, fb, `${ctx.subject} (content)`);
  }

  /**
   * not: added narrows, removed widens. A changed `not` schema moves the other way from its own
   * change (forbidding more allows less); it is reported as changed rather than read in reverse,
   * so no finding names the wrong direction.
   */
  private not(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext): void {
    if (fa.not && fb.not) {
      if (!this.same(fa.not, fb.not)) this.comparer.emit(ctx, 'not.changed', fb.not, 'after', { before: 'not', after: 'not' });
    } else if (fb.not) this.moved(ctx, 'not', 'narrowed', fb.not, 'after', { before: null, after: 'not' });
    else if (fa.not) this.moved(ctx, 'not', 'widened', fb.at, 'after', { before: 'not', after: null });
  }

  /**
   * allOf: the members' facets are merged and compared above. A member that appears beyond the
   * old count (and is not the same as one before, by `$ref` or content) is also reported on its own when it brings a
   * constraint the merged view cannot show (a union, a `not`, a condition, another pattern), or
   * when it is the first allOf of the schema: every instance must now satisfy it too.
   */
  private allOf(fa: SchemaFacets, fb: SchemaFacets, ctx: CompareContext, explained: boolean): void {
    if (fa.allOf.length === 0 && fb.allOf.length === 0) return;
    const unmatched = (from: Located[], to: Located[]) => from.filter((x) => !to.some((y) => this.same(x, y) || sameRef(x, y)));
    // Members replaced one for one (a `$ref` renamed, a member whose referenced schemas changed)
    // are compared through the merged view above; only members beyond the old count are new.
    const changed = Math.min(unmatched(fb.allOf, fa.allOf).length, unmatched(fa.allOf, fb.allOf).length);
    const added = unmatched(fb.allOf, fa.allOf).slice(changed);
    const removed = unmatched(fa.allOf, fb.allOf).slice(changed);
    // Inline properties moved into an allOf member (a refactoring) are not a new constraint: only
    // members that constrain more than the schema already did are reported.
    for (const member of added) {
      const facets = this.comparer.after.facets.of(member);
      if (!constrainsBeyond(facets, fa, explained)) continue;
      this.comparer.emit(ctx, 'all-of.narrowed', member, 'after', { before: null, after: describeMember(member) });
    }
    for (const member of removed) {
      const facets = this.comparer.before.facets.of(member);
      if (!constrainsBeyond(facets, fb, explained)) continue;
      this.comparer.emit(ctx, 'all-of.widened', fb.at, 'after', { before: describeMember(member), after: null });
    }
  }
}

function sameRef(a: Located, b: Located): boolean {
  const ref = (x: Located) => (typeof x.node === 'object' && x.node !== null ? (x.node as Record<string, unknown>)['$ref'] : undefined);
  const ra = ref(a);
  return typeof ra === 'string' && ra === ref(b);
}

function describeMember(member: Located): string {
  const ref = typeof member.node === 'object' && member.node !== null ? (member.node as Record<string, unknown>)['$ref'] : undefined;
  return typeof ref === 'string' ? ref : 'inline schema';
}

/**
 * Whether a member adds a constraint the other side's schema did not have. Constraints the merged
 * view shows (required names, bounds, a type or enum where there was none) count only when no
 * other difference was found (`explained` false), so a narrowing is not reported twice; those it
 * cannot show (a union, `not`, a condition, a second pattern, a conflicting type or enum) always count.
 */
function constrainsBeyond(member: SchemaFacets, schema: SchemaFacets, explained: boolean): boolean {
  if (member.alternatives || member.not || member.conditional || member.contains || member.propertyNames) return true;
  if (member.pattern !== undefined && schema.pattern !== undefined && member.pattern !== schema.pattern) return true;
  if (member.types && schema.types && [...schema.types].some((t) => !member.types!.has(t) && !(t === 'integer' && member.types!.has('number')))) return true;
  if (member.enum && schema.enum && [...schema.enum.keys()].some((k) => !member.enum!.has(k))) return true;
  if (explained) return false;
  if ([...member.required].some((name) => !schema.required.has(name))) return true;
  if ((member.types && !schema.types) || (member.enum && !schema.enum) || (member.pattern !== undefined && schema.pattern === undefined)) return true;
  if (member.additionalProperties === false && schema.additionalProperties !== false) return true;
  const bounds = ['maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems'] as const;
  return bounds.some((key) => member[key] !== undefined && schema[key] === undefined);
}

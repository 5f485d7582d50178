/**
 * How the set of values a type (and format) admits changed: the same, wider, narrower, or
 * something else. `integer` counts as part of `number`; a missing type admits anything.
 */
export type TypeRelation = 'same' | 'generalized' | 'specialized' | 'changed';

/** Scalars a text serialization (XML, forms, text/plain) writes as text: a string reads every one of them. */
const TEXT_SCALARS = new Set(['integer', 'number', 'boolean']);

function covers(types: Set<string>, type: string, textual: boolean): boolean {
  return types.has(type) || (type === 'integer' && types.has('number')) || (textual && types.has('string') && TEXT_SCALARS.has(type));
}

function coversAll(wide: Set<string> | undefined, narrow: Set<string> | undefined, textual: boolean): boolean {
  if (wide === undefined) return true;
  if (narrow === undefined) return false;
  return [...narrow].every((t) => covers(wide, t, textual));
}

/** Formats whose values include all of another's: an int32 is an int64. */
const WIDER_FORMAT: Record<string, string[]> = {
  int32: ['int64'],
  float: ['double'],
  date: [],
};

function formatRelation(before: string | undefined, after: string | undefined): TypeRelation {
  if (before === after) return 'same';
  if (after === undefined) return 'generalized';
  if (before === undefined) return 'specialized';
  if (WIDER_FORMAT[before]?.includes(after)) return 'generalized';
  if (WIDER_FORMAT[after]?.includes(before)) return 'specialized';
  return 'changed';
}

export function sameTypes(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.size === b.size && [...a].every((t) => b.has(t));
}

/**
 * `textual`: the value travels as text (an XML body, a form, text/plain), where `42` is as much a
 * string as an integer: integer → string widens instead of changing the type.
 */
export function typeRelation(
  before: { types: Set<string> | undefined; format: string | undefined },
  after: { types: Set<string> | undefined; format: string | undefined },
  textual = false,
): TypeRelation {
  if (sameTypes(before.types, after.types)) return formatRelation(before.format, after.format);
  const wider = coversAll(after.types, before.types, textual);
  const narrower = coversAll(before.types, after.types, textual);
  if (wider && !narrower) return 'generalized';
  if (narrower && !wider) return 'specialized';
  return 'changed';
}

/** int32 → int64, float → double: a wider number a client may not be able to hold. */
export function isNumericWidening(before: string | undefined, after: string | undefined): boolean {
  return before !== undefined && after !== undefined && (WIDER_FORMAT[before]?.includes(after) ?? false);
}

export function describeType(facets: { types: Set<string> | undefined; format: string | undefined }): string {
  const types = facets.types ? [...facets.types].sort().join(' | ') : 'any';
  return facets.format ? `${types} (${facets.format})` : types;
}

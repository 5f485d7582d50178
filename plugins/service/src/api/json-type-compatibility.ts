import type { ChangeSeverity } from '@migration-architect/core';

/**
 * What a change of JSON type does to clients, by direction. The seed's matrix mixed SQL and JSON
 * rows in one dictionary, so its second `boolean` row (JSON) silently replaced the first (SQL);
 * here only JSON Schema types exist, and `integer → number` is a widening, not a break.
 */

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

export interface TypeChangeVerdict {
  /** For values clients send (parameters, request bodies). */
  request: ChangeSeverity;
  /** For values clients receive (response bodies). */
  response: ChangeSeverity;
  reason: string;
}

const INCOMPATIBLE: TypeChangeVerdict = {
  request: 'breaking',
  response: 'breaking',
  reason: 'no value of the old type is a value of the new one',
};

const NULLABILITY: TypeChangeVerdict = {
  request: 'potentially_breaking',
  response: 'potentially_breaking',
  reason: 'only null changes hands on one side: clients that ignore the field are unaffected, clients that read it are not',
};

const EXCEPTIONS: Record<string, TypeChangeVerdict> = {
  'integer->number': {
    request: 'non_breaking',
    response: 'potentially_breaking',
    reason: 'a widening: every integer is a number, so requests stay valid, but clients reading it as an integer may now receive fractions',
  },
  'number->integer': {
    request: 'breaking',
    response: 'non_breaking',
    reason: 'a narrowing: requests with fractional values are now rejected, while every integer returned is still a number',
  },
};
for (const type of JSON_TYPES) {
  if (type === 'null') continue;
  EXCEPTIONS[`${type}->null`] = NULLABILITY;
  EXCEPTIONS[`null->${type}`] = NULLABILITY;
}

/** `undefined` stands for a schema without `type`: any JSON value. */
const TO_ANY: TypeChangeVerdict = {
  request: 'non_breaking',
  response: 'potentially_breaking',
  reason: 'the type constraint was dropped: requests stay valid, but responses may now hold values of any type',
};
const FROM_ANY: TypeChangeVerdict = {
  request: 'breaking',
  response: 'non_breaking',
  reason: 'a type constraint was added: requests with values of other types are now rejected',
};

/**
 * One comparable name for a schema's `type`: OpenAPI 3.1 type lists lose their `null` member
 * (nullability is not compared yet) and keep the rest sorted, so `["string","null"]` is `string`.
 */
export function normalizeType(type: string | string[] | undefined): string | undefined {
  if (type === undefined) return undefined;
  if (typeof type === 'string') return type;
  const members = [...new Set(type.filter((t) => t !== 'null'))].sort();
  if (members.length === 0) return 'null';
  return members.join('|');
}

/** The verdict for a type change, or undefined when the types are the same. */
export function compareJsonTypes(from: string | undefined, to: string | undefined): TypeChangeVerdict | undefined {
  if (from === to) return undefined;
  if (from === undefined) return FROM_ANY;
  if (to === undefined) return TO_ANY;
  return EXCEPTIONS[`${from}->${to}`] ?? INCOMPATIBLE;
}

const SCALARS = new Set(['integer', 'number', 'boolean']);

/**
 * Parameters travel as text, so a scalar parameter becoming a string is a widening: every value
 * clients sent before is still a valid string. Everything else follows the request column.
 */
export function compareParameterTypes(from: string | undefined, to: string | undefined): { severity: ChangeSeverity; reason: string } | undefined {
  if (from === to) return undefined;
  if (to === 'string' && from !== undefined && SCALARS.has(from)) {
    return { severity: 'non_breaking', reason: 'parameters are sent as text, so every value clients sent before is still a valid string' };
  }
  const verdict = compareJsonTypes(from, to)!;
  return { severity: verdict.request, reason: verdict.reason };
}

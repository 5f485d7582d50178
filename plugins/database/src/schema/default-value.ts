import type { ColumnType } from './column-type.js';
import type { DefaultValue } from './model.js';
import { canonicalInterval } from './interval-literal.js';
import { canonicalTemporal, temporalKind } from './temporal-literal.js';

/** SQL value functions and keywords PostgreSQL accepts without parentheses. */
const SQL_VALUE_KEYWORDS =
  /^(current_timestamp|current_date|current_time|localtimestamp|localtime|current_user|session_user|current_role|current_schema|current_catalog|null)(\s*\(\s*\d*\s*\))?$/i;
/** `f(`, `public.f(`, `"extract"(`: a call, whether or not its name is quoted. */
const FUNCTION_CALL = /^([A-Za-z_][\w$]*|"(?:[^"]|"")+")(\.([A-Za-z_][\w$]*|"(?:[^"]|"")+"))?\s*\(/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NUMERIC_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'money']);
const BOOLEAN_WORDS = new Map<string, boolean>([
  ['true', true],
  ['t', true],
  ['yes', true],
  ['on', true],
  ['1', true],
  ['false', false],
  ['f', false],
  ['no', false],
  ['off', false],
  ['0', false],
]);

export interface ParsedDefault {
  default: DefaultValue | null;
  onUpdate: string | null;
}

/**
 * Reads the seed format's `default`, which mixes constants (`true`, `"public"`) with SQL
 * (`"CURRENT_TIMESTAMP"`, `"now()"`). A string is SQL when it is a value keyword, a function call,
 * a quoted literal or a cast; a number or boolean spelled as a string counts as one for numeric
 * and boolean columns; anything else is a text constant. MySQL's `… ON UPDATE <expr>` suffix is
 * split off.
 */
export function parseDefault(raw: string | number | boolean | null | undefined, type: ColumnType): ParsedDefault {
  if (raw === null || raw === undefined) return { default: null, onUpdate: null };
  if (typeof raw !== 'string') return { default: { kind: 'literal', value: raw }, onUpdate: null };
  const split = /^(.*?)\s+on\s+update\s+(.+)$/is.exec(raw.trim());
  // Only SQL on both sides is MySQL's clause; "click on update" is a text constant.
  if (split && isSqlExpression(split[1]!.trim()) && isSqlExpression(split[2]!.trim())) {
    return { default: parseDefaultText(split[1]!.trim(), type), onUpdate: split[2]!.trim() };
  }
  return { default: parseDefaultText(raw, type), onUpdate: null };
}

function isSqlExpression(text: string): boolean {
  return SQL_VALUE_KEYWORDS.test(text) || FUNCTION_CALL.test(text) || text.startsWith("'") || text.includes('::');
}

/**
 * `'web'` or `'web'::character varying`, the form PostgreSQL's catalog prints constants in; the
 * type may be schema-qualified or quoted (`'at_least_once'::convoy.delivery_mode`, an enum of another schema).
 */
const QUOTED_CONSTANT = /^'((?:[^']|'')*)'(?:::(?:"[^"]+"\.|[a-z_][a-z0-9_$]*\.)?(?:"[^"]+"|[a-z_][a-z0-9_ $]*)(?:\(\s*\d+\s*(?:,\s*\d+\s*)?\))?(?:\[\])*)?$/i;

function parseDefaultText(raw: string, type: ColumnType): DefaultValue {
  let text = raw.trim();
  const quoted = QUOTED_CONSTANT.exec(text);
  if (quoted) {
    // Same model whichever loader read it: a quoted constant is a literal, then typed like any other.
    text = quoted[1]!.replace(/''/g, "'");
    raw = text;
  }
  if (type.arrayDimensions === 0) {
    if (type.name === 'boolean') {
      const word = BOOLEAN_WORDS.get(text.toLowerCase());
      if (word !== undefined) return { kind: 'literal', value: word };
    }
    if (NUMERIC_TYPES.has(type.name) && NUMBER.test(text)) {
      // Digits a double cannot hold exactly (large bigints, long decimals) stay as written.
      return String(Number(text)) === text ? { kind: 'literal', value: Number(text) } : { kind: 'expression', sql: text };
    }
  }
  if (!quoted && isSqlExpression(text)) return { kind: 'expression', sql: text };
  // `'epoch'`, `'1970-01-01'` on a timestamp: the catalog prints the value PostgreSQL stored.
  const temporal = type.arrayDimensions === 0 ? temporalKind(type.name) : undefined;
  const stored = temporal ? canonicalTemporal(text, temporal) : null;
  if (stored !== null) return { kind: 'literal', value: stored };
  const interval = type.arrayDimensions === 0 && type.name === 'interval' ? canonicalInterval(text) : null;
  if (interval !== null) return { kind: 'literal', value: interval };
  // A constant: keep it exactly as given, surrounding blanks included.
  return { kind: 'literal', value: raw };
}

/** Defaults that PostgreSQL evaluates per row, so ADD COLUMN with them rewrites the table. */
const VOLATILE_FUNCTIONS = /\b(random|clock_timestamp|timeofday|gen_random_uuid|uuid_generate_v[14]|uuidv[47]|nextval|txid_current|setseed)\s*\(/i;

export function isVolatileDefault(value: DefaultValue | null): boolean {
  return value?.kind === 'expression' && VOLATILE_FUNCTIONS.test(value.sql);
}

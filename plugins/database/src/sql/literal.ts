/**
 * A string literal. Backslashes are kept as they are: with standard_conforming_strings on (the
 * default since PostgreSQL 9.1) they have no special meaning in '...' literals.
 */
export function quoteLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('PostgreSQL text cannot contain a NUL character');
  return `'${text.replace(/'/g, "''")}'`;
}

export type LiteralValue = string | number | boolean | null;

/** A JSON scalar as an SQL literal: TRUE / FALSE, numbers as written, strings quoted. */
export function renderLiteral(value: LiteralValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    // NaN and the infinities have no numeric literal; PostgreSQL accepts them as quoted input.
    if (Number.isNaN(value)) return "'NaN'";
    if (!Number.isFinite(value)) return value > 0 ? "'Infinity'" : "'-Infinity'";
    return String(value);
  }
  return quoteLiteral(value);
}

/**
 * Wraps a routine body in dollar quotes, with a tag the body does not contain, so quotes inside it
 * need no escaping.
 */
export function dollarQuote(body: string): string {
  let tag = 'body';
  for (let i = 1; body.includes(`$${tag}$`); i++) tag = `body${i}`;
  return `$${tag}$\n${body}\n$${tag}$`;
}

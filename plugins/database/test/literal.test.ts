import { describe, expect, it } from 'vitest';
import { quoteLiteral, renderLiteral } from '../src/index.js';
import { dollarQuote } from '../src/sql/literal.js';

describe('SQL literals', () => {
  it.each([
    [true, 'TRUE'],
    [false, 'FALSE'],
    [null, 'NULL'],
    [0, '0'],
    [-1.5, '-1.5'],
    [Number.NaN, "'NaN'"],
    [Number.POSITIVE_INFINITY, "'Infinity'"],
    ['web', "'web'"],
    ['', "''"],
    ["O'Reilly", "'O''Reilly'"],
    ['C:\\temp', "'C:\\temp'"],
  ])('%j → %s', (value, sql) => {
    expect(renderLiteral(value)).toBe(sql);
  });

  it('refuses NUL, which PostgreSQL text cannot hold', () => {
    expect(() => quoteLiteral('a\0')).toThrow(/NUL/);
  });

  it('dollar-quotes bodies with a tag they do not contain', () => {
    expect(dollarQuote("SELECT 'x'")).toBe("$body$\nSELECT 'x'\n$body$");
    expect(dollarQuote('SELECT $body$ x $body$')).toMatch(/^\$body1\$\n/);
  });
});

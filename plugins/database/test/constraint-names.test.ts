import { describe, expect, it } from 'vitest';
import { checkConstraintNames, defaultObjectName, shortHash } from '../src/sql/constraint-names.js';
import { normalizeExpression, referencedIdentifiers } from '../src/sql/expression.js';

describe('constraint names', () => {
  it('follows PostgreSQL: <table>_<column>_check for one column, <table>_check otherwise', () => {
    expect(checkConstraintNames('users', ['phone', 'email'], [{ name: null, expression: 'phone IS NULL OR LENGTH(phone) >= 10' }])).toEqual([
      'users_phone_check',
    ]);
    expect(checkConstraintNames('users', ['a', 'b'], [{ name: null, expression: 'a < b' }])).toEqual(['users_check']);
    expect(checkConstraintNames('users', ['a'], [{ name: 'mine', expression: 'a > 0' }])).toEqual(['mine']);
  });

  it('never gives two checks of one table the same name (the seed named them all check_<table>)', () => {
    const names = checkConstraintNames(
      't',
      ['a'],
      [
        { name: null, expression: 'a > 0' },
        { name: null, expression: 'a < 100' },
        { name: 't_a_check', expression: 'a <> 5' },
      ],
    );
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe('t_a_check');
    expect(names[0]).toMatch(/^t_a_check_[0-9a-f]{8}$/);
    expect(names[0]).not.toBe(names[1]);
  });

  it('keeps names within 63 bytes, shortening the longer part first', () => {
    const name = defaultObjectName('a'.repeat(60), ['b'.repeat(40)], 'check');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(63);
    expect(name.endsWith('_check')).toBe(true);
  });

  it('hashes deterministically', () => {
    expect(shortHash('a > 0')).toBe(shortHash('a > 0'));
    expect(shortHash('a > 0')).not.toBe(shortHash('a > 1'));
  });
});

describe('expressions', () => {
  it('compare equal regardless of case and spacing outside quotes', () => {
    expect(normalizeExpression('LENGTH( bio ) <= 2000')).toBe(normalizeExpression('length(bio)<=2000;'));
    expect(normalizeExpression("status = 'A'")).not.toBe(normalizeExpression("status = 'a'"));
  });

  it('list the identifiers they use, without function names or string contents', () => {
    expect(referencedIdentifiers('LENGTH(phone) >= 10 AND "Kind" <> \'phone\'')).toEqual(['phone', 'and', 'Kind']);
  });
});

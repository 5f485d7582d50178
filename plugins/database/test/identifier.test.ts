import { describe, expect, it } from 'vitest';
import { quoteIdentifier, quoteQualifiedName } from '../src/index.js';

describe('quoteIdentifier', () => {
  it.each([
    ['users', 'users'],
    ['user_sessions', 'user_sessions'],
    ['_tmp$1', '_tmp$1'],
    ['user', '"user"'],
    ['order', '"order"'],
    ['group', '"group"'],
    ['check', '"check"'],
    ['timestamp', '"timestamp"'],
    ['Order', '"Order"'],
    ['userId', '"userId"'],
    ['a"b', '"a""b"'],
    ['first name', '"first name"'],
    ['1st', '"1st"'],
    ['é', '"é"'],
  ])('%s → %s', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted);
  });

  it('refuses names PostgreSQL cannot hold', () => {
    expect(() => quoteIdentifier('')).toThrow(/empty/);
    expect(() => quoteIdentifier('a\0b')).toThrow(/NUL/);
  });

  it('qualifies with a schema when there is one', () => {
    expect(quoteQualifiedName(null, 'user')).toBe('"user"');
    expect(quoteQualifiedName('billing', 'Invoice')).toBe('billing."Invoice"');
  });
});

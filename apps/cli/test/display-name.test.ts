import { describe, expect, it } from 'vitest';
import { displayName } from '../src/io/display-name.js';

describe('input display names', () => {
  it.each([
    ['schema.sql', 'schema.sql'],
    ['postgres://app:s3cret@db.internal:5432/app', 'postgres://app:***@db.internal:5432/app'],
    ['postgresql://app@db/app', 'postgresql://app@db/app'],
    ['postgres://db/app?user=app&password=s3cret&sslmode=require', 'postgres://db/app?user=app&password=***&sslmode=require'],
    ['sqlite:data/app.db', 'sqlite:data/app.db'],
  ])('%s → %s', (input, shown) => {
    expect(displayName(input)).toBe(shown);
  });
});

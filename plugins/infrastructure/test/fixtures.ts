import { readFileSync } from 'node:fs';
import { fixedClock, MigrationSpecSchema, validateDocument, type MigrationSpec } from '@migration-architect/core';

export const clock = fixedClock(new Date(0));

export function exampleSpec(name: string): MigrationSpec {
  const text = readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
  return validateDocument(MigrationSpecSchema, JSON.parse(text), name, 'a migration spec');
}

export function spec(fields: Record<string, unknown>): MigrationSpec {
  return validateDocument(MigrationSpecSchema, { type: 'infrastructure', source: 'dc', target: 'cloud', ...fields }, 'test spec', 'a migration spec');
}

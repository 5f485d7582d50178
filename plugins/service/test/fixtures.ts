import { readFileSync } from 'node:fs';
import { fixedClock, MigrationSpecSchema, parseDocument, validateDocument, type MigrationSpec } from '@migration-architect/core';

export const clock = fixedClock(new Date(0));

const examples = new URL('../../../examples/', import.meta.url);

export function exampleText(name: string): string {
  return readFileSync(new URL(name, examples), 'utf8');
}

/** A parsed example document, as the CLI hands it to a checker. */
export function exampleDocument(name: string): { document: unknown; file: string } {
  return { document: parseDocument(exampleText(name), name), file: name };
}

export function exampleSpec(name: string): MigrationSpec {
  return validateDocument(MigrationSpecSchema, JSON.parse(exampleText(name)), name, 'a migration spec');
}

export function spec(fields: Record<string, unknown>): MigrationSpec {
  return validateDocument(MigrationSpecSchema, { type: 'service', source: 'legacy', target: 'new', ...fields }, 'test spec', 'a migration spec');
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  checkCompatibility,
  createRegistry,
  fixedClock,
  MigrationSpecSchema,
  validateDocument,
  type CompatibilityReport,
  type MigrationSpec,
} from '@migration-architect/core';
import service from '../src/index.js';

export const clock = fixedClock(new Date(0));

const examples = new URL('../../../examples/', import.meta.url);

export function exampleText(name: string): string {
  return readFileSync(new URL(name, examples), 'utf8');
}

/** Absolute path of a file under examples/. */
export function examplePath(name: string): string {
  return fileURLToPath(new URL(name, examples));
}

/** Absolute path of a file under test/fixtures/. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
}

export function exampleSpec(name: string): MigrationSpec {
  return validateDocument(MigrationSpecSchema, JSON.parse(exampleText(name)), name, 'a migration spec');
}

export function spec(fields: Record<string, unknown>): MigrationSpec {
  return validateDocument(MigrationSpecSchema, { type: 'service', source: 'legacy', target: 'new', ...fields }, 'test spec', 'a migration spec');
}

export const registry = createRegistry([service()]);

/** `check --type <type>` on two documents given in memory. */
export function checkDocuments(before: unknown, after: unknown, type = 'api'): Promise<CompatibilityReport> {
  return checkCompatibility(registry, { type, before: { name: 'before.json', document: before }, after: { name: 'after.json', document: after }, clock });
}

/** `check --type api --now <date>` on two documents given in memory, with the plugin's options. */
export function checkDocumentsAt(before: unknown, after: unknown, now: string, options: Parameters<typeof service>[0] = {}): Promise<CompatibilityReport> {
  return checkCompatibility(createRegistry([service(options)]), {
    type: 'api',
    before: { name: 'before.json', document: before },
    after: { name: 'after.json', document: after },
    clock: fixedClock(new Date(now)),
  });
}

/** `check` on two files (paths), the type inferred unless given. */
export function checkFiles(before: string, after: string, type?: string): Promise<CompatibilityReport> {
  return checkCompatibility(registry, { type, before, after, clock });
}

/** The rule ids of a report's findings, namespace dropped, sorted. */
export function rulesOf(report: CompatibilityReport): string[] {
  return report.issues.map((i) => i.rule.replace(/^service\//, '')).sort();
}

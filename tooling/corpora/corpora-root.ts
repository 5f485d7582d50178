import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Real material from other projects never lives in this repository (a clone and every published
 * package hold only what this project wrote). Tests find it through MIGRATION_ARCHITECT_CORPORA,
 * or `../shared/corpora` beside the checkout when that exists, and skip without it.
 */
const projectRoot = resolve(import.meta.dirname, '../..');

export const CORPORA_VARIABLE = 'MIGRATION_ARCHITECT_CORPORA';

/** The folder holding corpus `name` (for example `database-schema-histories`), or undefined when it is not on this machine. */
export function corpusDir(name: string): string | undefined {
  const configured = process.env[CORPORA_VARIABLE];
  const root = configured ? resolve(configured) : resolve(projectRoot, '../shared/corpora');
  const dir = join(root, name);
  if (existsSync(dir)) return dir;
  // One line, so a run without the corpus says which tests it left out and how to run them.
  console.warn(`skipping the ${name} corpus tests: ${dir} does not exist (set ${CORPORA_VARIABLE} to the folder that holds ${name}/; see docs/testing.md)`);
  return undefined;
}

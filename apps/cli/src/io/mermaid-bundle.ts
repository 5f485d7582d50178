import { readFile } from 'node:fs/promises';
import { MigrationArchitectError } from '@migration-architect/core';

/**
 * Mermaid's browser bundle, shipped in dist/vendor by the build (see tsup.config.ts), for
 * `--format html`: inlined into the page so it renders without a network.
 */
export async function loadMermaidScript(): Promise<string> {
  const location = new URL('./vendor/mermaid.tiny.js', import.meta.url);
  try {
    return await readFile(location, 'utf8');
  } catch {
    throw new MigrationArchitectError(
      `--format html needs Mermaid's bundle at ${location.pathname}, which this installation lacks (rebuild or reinstall @migration-architect/cli)`,
      70,
    );
  }
}

import { defineConfig, type Options } from 'tsup';

/**
 * How every package of the monorepo builds: ESM for Node 20 with declarations, from
 * `src/index.ts` unless told otherwise. Dependencies and peers (zod, core) stay external, so
 * users share one copy of each.
 */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'node20',
    ...overrides,
  });
}

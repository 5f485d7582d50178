import { defineConfig, type Options } from 'tsup';

/**
 * How every package of the monorepo builds: ESM for Node 20 with declarations, from
 * `src/index.ts` unless told otherwise. Dependencies and peers (core) stay external, so users
 * share one copy of each. The exception is zod, which core bundles and re-exports as `z` (the
 * workspace's packages import it from there): one module to load at start instead of ~95.
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

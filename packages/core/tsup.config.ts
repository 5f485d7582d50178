import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { packageBuild } from '../../tooling/tsup-preset.js';

/*
 * zod's `z.locales` namespace holds ~40 translations of its error messages (370 KB, more than
 * core's own code); re-exporting `z` would carry them all, and V8 parses every byte at each start.
 * Core's messages are English, so the namespace is trimmed to `en` (the default locale zod
 * registers itself).
 */
const englishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: join(dirname(args.importer), args.path), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

// `time-zone` is its own entry so that reconcile's SQLite workers read zones without loading all of core.
// zod is bundled in (and re-exported as `z`): loading its ~95 ES modules cost more CPU than a bare
// `node -e ''` at every start; bundled and tree-shaken it costs a third of that.
export default packageBuild({
  entry: { index: 'src/index.ts', 'time-zone': 'src/time-zone/index.ts' },
  noExternal: ['zod'],
  esbuildPlugins: [englishOnly],
});

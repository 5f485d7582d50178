import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageBuild } from '../../tooling/tsup-preset.js';

const require = createRequire(import.meta.url);

export default packageBuild({
  entry: ['src/index.ts', 'src/bin.ts'],
  dts: { entry: 'src/index.ts' },
  external: [/^@migration-architect\//],
  // `--format html` inlines Mermaid's browser bundle: ship the one file (and its license) instead
  // of depending on the mermaid package and its tree at run time.
  onSuccess: async () => {
    const bundle = require.resolve('@mermaid-js/tiny/dist/mermaid.tiny.js');
    mkdirSync('dist/vendor', { recursive: true });
    copyFileSync(bundle, 'dist/vendor/mermaid.tiny.js');
    copyFileSync(join(dirname(bundle), '..', 'LICENSE'), 'dist/vendor/mermaid.LICENSE');
  },
});

import { packageBuild } from '../../tooling/tsup-preset.js';

export default packageBuild({
  entry: ['src/index.ts', 'src/bin.ts'],
  dts: { entry: 'src/index.ts' },
  external: [/^@migration-architect\//],
});

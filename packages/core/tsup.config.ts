import { packageBuild } from '../../tooling/tsup-preset.js';

// `time-zone` is its own entry so that reconcile's SQLite workers read zones without loading all of core.
// zod is bundled in (and re-exported as `z`): loading its ~95 ES modules cost more CPU than a bare
// `node -e ''` at every start; bundled and tree-shaken it costs a third of that.
export default packageBuild({ entry: { index: 'src/index.ts', 'time-zone': 'src/time-zone/index.ts' }, noExternal: ['zod'] });

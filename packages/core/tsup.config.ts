import { packageBuild } from '../../tooling/tsup-preset.js';

// `time-zone` is its own entry so that reconcile's SQLite workers read zones without loading all of core.
export default packageBuild({ entry: { index: 'src/index.ts', 'time-zone': 'src/time-zone/index.ts' } });

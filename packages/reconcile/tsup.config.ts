import { packageBuild } from '../../tooling/tsup-preset.js';

// The SQLite worker is its own entry: worker threads load it by file name next to index.js.
// Drivers (better-sqlite3, pg), cli-progress and the peer core stay external and load on first use.
export default packageBuild({
  entry: { index: 'src/index.ts', 'sqlite-worker': 'src/engines/sqlite/sqlite-worker.ts' },
  dts: { entry: { index: 'src/index.ts' } },
});

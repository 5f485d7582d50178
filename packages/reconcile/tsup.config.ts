import { defineConfig } from 'tsup';

// The SQLite worker is its own entry: worker threads load it by file name next to index.js.
// Drivers (better-sqlite3, pg), cli-progress and the peer core stay external and load on first use.
export default defineConfig({
  entry: { index: 'src/index.ts', 'sqlite-worker': 'src/engines/sqlite/sqlite-worker.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  target: 'node20',
});

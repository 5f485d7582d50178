import { defineConfig } from 'tsup';

// Dependencies (zod) and the peer core stay external: users share one copy of each.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
});

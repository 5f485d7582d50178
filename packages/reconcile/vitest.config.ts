import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Engine tests start worker threads and databases; the machine has few cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
